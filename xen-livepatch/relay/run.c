/* SPDX-License-Identifier: MIT */
/* Running a guest to its end for a client (see run.h). */
#include "run.h"

#include <xtf.h>
#include <xtf/time.h>

#define MS 1000000ULL

/* Blocks until @domid shuts down (dom0 is notified) or @deadline_ns. */
static long wait_for_shutdown(domid_t domid, uint64_t deadline_ns, uint32_t *reason)
{
    struct xen_domctl_getdomaininfo info;
    long rc = 0;

    hypercall_set_timer_op(deadline_ns);
    for (;;) {
        rc = domctl_getinfo(domid, &info);
        if (!rc && info.domain != domid)
            rc = -XEN_ESRCH;
        if (rc)
            break;
        if (info.flags & XEN_DOMINF_shutdown) {
            *reason = (info.flags >> XEN_DOMINF_shutdownshift) & XEN_DOMINF_shutdownmask;
            break;
        }
        if (xtf_now_ns() >= deadline_ns) {
            rc = -XEN_ETIMEDOUT;
            break;
        }
        hypercall_block();
    }
    hypercall_set_timer_op(0);
    return rc;
}

long run_guest(struct relay_cursor *in, struct relay_cursor *out, const char **why)
{
    uint32_t mem_kb = relay_get_u32(in), timeout_ms = relay_get_u32(in), reason = 0;
    const char *cmdline = relay_get_string(in, RELAY_CMDLINE_MAX);
    domid_t domid = 0;
    long rc;

    if (!cmdline)
        return *why = "RUN: no well-formed command line", -XEN_EINVAL;
    rc = domctl_create(&domid);
    if (!rc) {
        rc = domctl_load_image(domid, in->buf + in->pos, in->len - in->pos, mem_kb, cmdline);
        if (!rc)
            rc = domctl_simple(XEN_DOMCTL_unpausedomain, domid);
        if (!rc)
            rc = wait_for_shutdown(domid, xtf_now_ns() + timeout_ms * MS, &reason);
        domctl_simple(XEN_DOMCTL_destroydomain, domid);
    }
    printk("relay: ran d%u: rc %ld, shutdown reason %u\n", domid, rc, reason);
    relay_put_u32(out, (uint32_t)rc);
    relay_put_u32(out, domid);
    relay_put_u32(out, reason);
    return 0;
}
