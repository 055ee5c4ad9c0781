/* SPDX-License-Identifier: MIT */
/* Live-patch sysctl wrappers for tests. */
#include <xtf.h>
#include <xtf/bundle.h>
#include <xtf/livepatch.h>

#define WAIT_POLLS 100000

static long livepatch_op(struct xen_sysctl_livepatch_op *lp)
{
    struct xen_sysctl op = { .cmd = XEN_SYSCTL_livepatch_op };
    long rc;

    op.u.livepatch = *lp;
    rc = hypercall_sysctl(&op);
    *lp = op.u.livepatch;
    return rc;
}

static void set_name(struct xen_livepatch_name *n, const char *name)
{
    set_xen_guest_handle(n->name, (char *)(uintptr_t)name);
    n->size = (uint16_t)(strlen(name) + 1);
}

long lp_upload(const char *name, const void *image, size_t size)
{
    struct xen_sysctl_livepatch_op op = { .cmd = XEN_SYSCTL_LIVEPATCH_UPLOAD };

    set_name(&op.u.upload.name, name);
    set_xen_guest_handle(op.u.upload.payload, (uint8_t *)(uintptr_t)image);
    op.u.upload.size = size;
    return livepatch_op(&op);
}

long lp_upload_file(const char *name, const char *file)
{
    size_t size;
    const void *image = bundle_file(file, &size);

    return image ? lp_upload(name, image, size) : -XEN_ENOENT;
}

long lp_get(const char *name, struct xen_livepatch_status *status)
{
    struct xen_sysctl_livepatch_op op = { .cmd = XEN_SYSCTL_LIVEPATCH_GET };
    long rc;

    set_name(&op.u.get.name, name);
    rc = livepatch_op(&op);
    *status = op.u.get.status;
    return rc;
}

long lp_action(const char *name, uint32_t cmd, uint32_t timeout_ns, uint32_t flags)
{
    struct xen_sysctl_livepatch_op op = { .cmd = XEN_SYSCTL_LIVEPATCH_ACTION };

    set_name(&op.u.action.name, name);
    op.u.action.cmd = cmd;
    op.u.action.timeout = timeout_ns;
    op.u.action.flags = flags;
    return livepatch_op(&op);
}

long lp_run(const char *name, uint32_t cmd, int32_t *rc)
{
    struct xen_livepatch_status st = { 0 };
    long ret = lp_action(name, cmd, LP_TEST_TIMEOUT_NS, 0);

    *rc = (int32_t)ret;
    if (ret || cmd == LIVEPATCH_ACTION_UNLOAD)
        return ret;
    for (int i = 0; i < WAIT_POLLS; i++) {
        if (lp_get(name, &st))
            break;
        if (st.rc != -XEN_EAGAIN) {
            *rc = st.rc;
            return 0;
        }
        hypercall_yield();
    }
    *rc = -XEN_EAGAIN;
    return 0;
}

uint32_t lp_state(const char *name)
{
    struct xen_livepatch_status st;

    return lp_get(name, &st) ? 0 : st.state;
}

long lp_list(struct xen_sysctl_livepatch_list *l)
{
    struct xen_sysctl_livepatch_op op = { .cmd = XEN_SYSCTL_LIVEPATCH_LIST, .u.list = *l };
    long rc = livepatch_op(&op);

    *l = op.u.list;
    return rc;
}

long lp_count(void)
{
    struct xen_sysctl_livepatch_list l = { 0 };
    long rc = lp_list(&l);

    return rc ? rc : (long)l.nr;
}

void lp_extraversion(char out[16])
{
    memset(out, 0, 16);
    if (hypercall_xen_version(XENVER_extraversion, out))
        strlcpy(out, "(error)", 16);
}

void lp_expect_extra(const char *want, const char *when)
{
    char now[16];

    lp_extraversion(now);
    if (strcmp(now, want))
        xtf_failure("%s: extra version '%s', expected '%s'", when, now, want);
}

void lp_expect_run(const char *name, uint32_t cmd, int32_t want_rc)
{
    int32_t rc;
    long ret = lp_run(name, cmd, &rc);

    if (ret || rc != want_rc)
        xtf_failure("%s action %u: returned %ld, rc %d (expected 0, rc %d)", name, cmd, ret, rc,
                    want_rc);
}

void lp_expect_loads(const char *file, const char *extra)
{
    long rc = lp_upload_file(file, file);

    if (rc) {
        xtf_failure("%s: upload returned %ld, expected 0", file, rc);
        return;
    }
    lp_expect_run(file, LIVEPATCH_ACTION_APPLY, 0);
    lp_expect_extra(extra, file);
    lp_expect_run(file, LIVEPATCH_ACTION_REVERT, 0);
    rc = lp_action(file, LIVEPATCH_ACTION_UNLOAD, 0, 0);
    if (rc)
        xtf_failure("%s: unload returned %ld, expected 0", file, rc);
}
