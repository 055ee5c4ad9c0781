/* SPDX-License-Identifier: MIT */
/*
 * Backend "xen": the system's libxenctrl on a Xen control domain.
 *
 * The library is loaded with dlopen() when this backend is chosen, so the
 * command runs (with the relay backend) on hosts without Xen libraries.
 * <xenctrl.h> is included only for its prototypes: each function pointer
 * has the type of the 4.17 declaration, so a prototype change is a compile
 * error here rather than a crash at run time.
 */
#include <assert.h>
#include <dlfcn.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <xenctrl.h>

#include "backend.h"

/* The constants backend.h repeats so that other files need no Xen headers. */
static_assert(LP_NAME_SIZE == XEN_LIVEPATCH_NAME_SIZE, "xen_livepatch_name size");
static_assert(LP_STATE_CHECKED == LIVEPATCH_STATE_CHECKED, "LIVEPATCH_STATE_CHECKED");
static_assert(LP_STATE_APPLIED == LIVEPATCH_STATE_APPLIED, "LIVEPATCH_STATE_APPLIED");
static_assert(LP_ACTION_UNLOAD == LIVEPATCH_ACTION_UNLOAD, "LIVEPATCH_ACTION_UNLOAD");
static_assert(LP_ACTION_REVERT == LIVEPATCH_ACTION_REVERT, "LIVEPATCH_ACTION_REVERT");
static_assert(LP_ACTION_APPLY == LIVEPATCH_ACTION_APPLY, "LIVEPATCH_ACTION_APPLY");
static_assert(LP_ACTION_REPLACE == LIVEPATCH_ACTION_REPLACE, "LIVEPATCH_ACTION_REPLACE");
static_assert(LP_ACTION_APPLY_NODEPS == LIVEPATCH_ACTION_APPLY_NODEPS, "APPLY_NODEPS");
/* struct lp_status mirrors struct xen_livepatch_status (<xen/sysctl.h>). */
static_assert(sizeof(struct lp_status) == sizeof(xen_livepatch_status_t), "status size");
static_assert(offsetof(struct lp_status, rc) == offsetof(xen_livepatch_status_t, rc), "status.rc");

struct xen_backend {
    struct backend b;
    xentoollog_logger logger; /* libxenctrl's complaints go to b.message */
    void *lib;
    xc_interface *xch;
    __typeof__(&xc_interface_open) interface_open;
    __typeof__(&xc_interface_close) interface_close;
    __typeof__(&xc_version) version;
    __typeof__(&xc_livepatch_upload) upload;
    __typeof__(&xc_livepatch_get) get;
    __typeof__(&xc_livepatch_list_get_sizes) list_get_sizes;
    __typeof__(&xc_livepatch_list) list;
    __typeof__(&xc_livepatch_apply) apply;
    __typeof__(&xc_livepatch_revert) revert;
    __typeof__(&xc_livepatch_unload) unload;
    __typeof__(&xc_livepatch_replace) replace;
};

static struct xen_backend *xb(struct backend *b)
{
    return (struct xen_backend *)((char *)b - offsetof(struct xen_backend, b));
}

/* Keeps libxenctrl's warnings and errors as the explanation of the call. */
static void log_message(xentoollog_logger *logger, xentoollog_level level, int errnoval,
                        const char *context, const char *format, va_list ap)
{
    struct xen_backend *x =
        (struct xen_backend *)((char *)logger - offsetof(struct xen_backend, logger));
    size_t n = strlen(x->b.message);
    char *buf = x->b.message;
    size_t size = sizeof(x->b.message);

    if (level < XTL_WARN || n + 2 >= size)
        return;
    if (n)
        buf[n++] = '\n';
    n += (size_t)snprintf(buf + n, size - n, "libxenctrl: %s%s", context ? context : "",
                          context ? ": " : "");
    if (n < size)
        n += (size_t)vsnprintf(buf + n, size - n, format, ap);
    if (n < size && errnoval >= 0)
        snprintf(buf + n, size - n, ": %s", strerror(errnoval));
}

static void log_destroy(xentoollog_logger *logger)
{
    (void)logger;
}

static int xen_upload(struct backend *b, char *name, unsigned char *payload, uint32_t size)
{
    return xb(b)->upload(xb(b)->xch, name, payload, size);
}

static int xen_get(struct backend *b, char *name, struct lp_status *status)
{
    xen_livepatch_status_t st = { 0 };
    int rc = xb(b)->get(xb(b)->xch, name, &st);

    status->state = st.state;
    status->rc = st.rc;
    return rc;
}

static int xen_list_get_sizes(struct backend *b, unsigned int *nr, uint32_t *name_total_size,
                              uint32_t *metadata_total_size)
{
    return xb(b)->list_get_sizes(xb(b)->xch, nr, name_total_size, metadata_total_size);
}

static int xen_list(struct backend *b, unsigned int max, unsigned int start, struct lp_status *info,
                    char *name, uint32_t *len, uint32_t name_total_size, char *metadata,
                    uint32_t *metadata_len, uint32_t metadata_total_size, unsigned int *done,
                    unsigned int *left)
{
    xen_livepatch_status_t *st = calloc(max ? max : 1, sizeof(*st));
    int rc, saved;

    if (!st)
        return -1;
    rc = xb(b)->list(xb(b)->xch, max, start, st, name, len, name_total_size, metadata, metadata_len,
                     metadata_total_size, done, left);
    saved = errno;
    for (unsigned int i = 0; i < *done && i < max; i++) {
        info[i].state = st[i].state;
        info[i].rc = st[i].rc;
    }
    free(st);
    errno = saved;
    return rc;
}

static int xen_action(struct backend *b, char *name, uint32_t cmd, uint32_t timeout, uint32_t flags)
{
    struct xen_backend *x = xb(b);

    switch (cmd) {
    case LP_ACTION_APPLY:
        return x->apply(x->xch, name, timeout, flags);
    case LP_ACTION_REVERT:
        return x->revert(x->xch, name, timeout, flags);
    case LP_ACTION_UNLOAD:
        return x->unload(x->xch, name, timeout, flags);
    case LP_ACTION_REPLACE:
        return x->replace(x->xch, name, timeout, flags);
    }
    errno = EINVAL;
    return -1;
}

static int xen_build_id(struct backend *b, uint8_t *buf, uint32_t len)
{
    xen_build_id_t *id = malloc(sizeof(*id) + len);
    int rc;

    if (!id)
        return -1;
    id->len = len;
    rc = xb(b)->version(xb(b)->xch, XENVER_build_id, id);
    if (rc > 0)
        memcpy(buf, id->buf, (uint32_t)rc <= len ? (uint32_t)rc : len);
    free(id);
    return rc;
}

static void xen_close(struct backend *b)
{
    struct xen_backend *x = xb(b);

    if (x->xch)
        x->interface_close(x->xch);
    if (x->lib)
        dlclose(x->lib);
    free(x);
}

static const struct backend_ops xen_ops = {
    .upload = xen_upload,
    .get = xen_get,
    .list_get_sizes = xen_list_get_sizes,
    .list = xen_list,
    .action = xen_action,
    .build_id = xen_build_id,
    .close = xen_close,
};

/* Says which function the library lacks; false. */
static bool missing(const char *sym, FILE *err)
{
    fprintf(err, "The loaded libxenctrl has no %s: it is not the Xen 4.17 library.\n", sym);
    return false;
}

/* dlsym() straight into the typed pointer (POSIX lets void * convert). */
#define LOAD(x, field, sym) (((x)->field = dlsym((x)->lib, #sym)) != NULL || missing(#sym, err))

static bool load_all(struct xen_backend *x, FILE *err)
{
    return LOAD(x, interface_open, xc_interface_open) &&
           LOAD(x, interface_close, xc_interface_close) && LOAD(x, version, xc_version) &&
           LOAD(x, upload, xc_livepatch_upload) && LOAD(x, get, xc_livepatch_get) &&
           LOAD(x, list_get_sizes, xc_livepatch_list_get_sizes) &&
           LOAD(x, list, xc_livepatch_list) && LOAD(x, apply, xc_livepatch_apply) &&
           LOAD(x, revert, xc_livepatch_revert) && LOAD(x, unload, xc_livepatch_unload) &&
           LOAD(x, replace, xc_livepatch_replace);
}

struct backend *backend_xen_open(const char *library, FILE *err)
{
    struct xen_backend *x = calloc(1, sizeof(*x));

    if (!x) {
        fprintf(err, "Out of memory.\n");
        return NULL;
    }
    x->b.ops = &xen_ops;
    x->b.name = "xen";
    x->logger.vmessage = log_message;
    x->logger.destroy = log_destroy;
    x->lib = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    if (!x->lib) {
        fprintf(err,
                "The xen backend needs %s (libxenctrl of the Xen 4.17 tools), which cannot be "
                "loaded:\n  %s\nOn a host without Xen, use the relay backend: --connect PATH "
                "(or XEN_LIVEPATCH_CONNECT).\n",
                library, dlerror());
        goto fail;
    }
    if (!load_all(x, err))
        goto fail;
    x->xch = x->interface_open(&x->logger, &x->logger, 0);
    if (!x->xch) {
        int saved = errno;

        fprintf(err, "Cannot open the Xen control interface: %s.\n", strerror(saved));
        if (x->b.message[0])
            fprintf(err, "%s\n", x->b.message);
        fprintf(err, "The xen backend runs as root in a Xen control domain (dom0).\n");
        goto fail;
    }
    return &x->b;
fail:
    xen_close(&x->b);
    return NULL;
}
