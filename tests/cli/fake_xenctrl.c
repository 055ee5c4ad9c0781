/* SPDX-License-Identifier: MIT */
/*
 * A stand-in libxenctrl with the 4.17 prototypes of <xenctrl.h>, built as a
 * shared library for the xen backend to dlopen() in tests.  It logs every
 * call with its arguments to $FAKE_XENCTRL_LOG and answers from two fixed
 * payloads: "alpha" (CHECKED) and "beta" (APPLIED, last rc -EBUSY, metadata).
 * FAKE_XENCTRL_FAIL_OPEN=1 makes xc_interface_open() fail as it does on a
 * host without Xen, complaining through the caller's logger.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xenctrl.h>

static struct {
    const char *name;
    uint32_t state;
    int32_t rc;
    const char *meta;
    uint32_t meta_len;
    int gone;
} payloads[] = {
    { "alpha", LIVEPATCH_STATE_CHECKED, 0, "", 0, 0 },
    { "beta", LIVEPATCH_STATE_APPLIED, -EBUSY, "A=1\0B=2", 8, 0 },
};

static void log_call(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void log_call(const char *fmt, ...)
{
    const char *path = getenv("FAKE_XENCTRL_LOG");
    FILE *f = path ? fopen(path, "a") : NULL;
    va_list ap;

    if (!f)
        return;
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fputc('\n', f);
    fclose(f);
}

static void complain(xentoollog_logger *l, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    l->vmessage(l, XTL_ERROR, ENOENT, "xencall", fmt, ap);
    va_end(ap);
}

xc_interface *xc_interface_open(xentoollog_logger *logger, xentoollog_logger *dombuild_logger,
                                unsigned open_flags)
{
    const char *fail = getenv("FAKE_XENCTRL_FAIL_OPEN");

    log_call("open flags=%u same_logger=%d", open_flags, logger == dombuild_logger);
    if (fail && *fail == '1') {
        complain(logger, "Could not obtain handle on privileged command interface");
        errno = ENOENT;
        return NULL;
    }
    return (xc_interface *)calloc(1, 64);
}

int xc_interface_close(xc_interface *xch)
{
    log_call("close");
    free(xch);
    return 0;
}

int xc_version(xc_interface *xch, int cmd, void *arg)
{
    xen_build_id_t *id = arg;

    (void)xch;
    log_call("version cmd=%d len=%u", cmd, id->len);
    if (cmd != XENVER_build_id || id->len < 20) {
        errno = EINVAL;
        return -1;
    }
    for (int i = 0; i < 20; i++)
        id->buf[i] = (unsigned char)(0xa0 + i);
    return 20;
}

int xc_livepatch_upload(xc_interface *xch, char *name, unsigned char *payload, uint32_t size)
{
    (void)xch;
    log_call("upload name=%s size=%u first=%02x", name, size, size ? payload[0] : 0);
    return 0;
}

static int find(const char *name)
{
    for (int i = 0; i < 2; i++)
        if (!payloads[i].gone && !strcmp(payloads[i].name, name))
            return i;
    return -1;
}

int xc_livepatch_get(xc_interface *xch, char *name, xen_livepatch_status_t *status)
{
    int i = find(name);

    (void)xch;
    log_call("get name=%s", name);
    if (i < 0) {
        errno = ENOENT;
        return -1;
    }
    status->state = payloads[i].state;
    status->rc = payloads[i].rc;
    return 0;
}

int xc_livepatch_list_get_sizes(xc_interface *xch, unsigned int *nr, uint32_t *name_total_size,
                                uint32_t *metadata_total_size)
{
    (void)xch;
    log_call("list_get_sizes");
    *nr = 2;
    *name_total_size = 6 + 5;
    *metadata_total_size = 8;
    return 0;
}

int xc_livepatch_list(xc_interface *xch, const unsigned int max, const unsigned int start,
                      struct xen_livepatch_status *info, char *name, uint32_t *len,
                      const uint32_t name_total_size, char *metadata, uint32_t *metadata_len,
                      const uint32_t metadata_total_size, unsigned int *done, unsigned int *left)
{
    uint32_t noff = 0, moff = 0;

    (void)xch;
    log_call("list max=%u start=%u name_total=%u metadata_total=%u", max, start, name_total_size,
             metadata_total_size);
    *done = 0;
    for (unsigned int i = start; i < 2 && *done < max; i++, ++*done) {
        uint32_t n = (uint32_t)strlen(payloads[i].name) + 1;

        info[*done].state = payloads[i].state;
        info[*done].rc = payloads[i].rc;
        memcpy(name + noff, payloads[i].name, n);
        len[*done] = n;
        memcpy(metadata + moff, payloads[i].meta, payloads[i].meta_len);
        metadata_len[*done] = payloads[i].meta_len;
        noff += n;
        moff += payloads[i].meta_len;
    }
    *left = 2 - start - *done;
    return 0;
}

static int action(const char *what, char *name, uint32_t timeout, uint32_t flags)
{
    int i = find(name);

    log_call("%s name=%s timeout=%u flags=%u", what, name, timeout, flags);
    if (i < 0) {
        errno = ENOENT;
        return -1;
    }
    payloads[i].gone = !strcmp(what, "unload");
    payloads[i].state = !strcmp(what, "revert") ? LIVEPATCH_STATE_CHECKED : LIVEPATCH_STATE_APPLIED;
    payloads[i].rc = 0;
    return 0;
}

int xc_livepatch_apply(xc_interface *xch, char *name, uint32_t timeout, uint32_t flags)
{
    (void)xch;
    return action("apply", name, timeout, flags);
}

int xc_livepatch_revert(xc_interface *xch, char *name, uint32_t timeout, uint32_t flags)
{
    (void)xch;
    return action("revert", name, timeout, flags);
}

int xc_livepatch_unload(xc_interface *xch, char *name, uint32_t timeout, uint32_t flags)
{
    (void)xch;
    return action("unload", name, timeout, flags);
}

int xc_livepatch_replace(xc_interface *xch, char *name, uint32_t timeout, uint32_t flags)
{
    (void)xch;
    return action("replace", name, timeout, flags);
}
