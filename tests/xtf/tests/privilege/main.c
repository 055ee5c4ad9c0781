/* SPDX-License-Identifier: MIT */
/*
 * An unprivileged domain (created at run time by dom0) must get -EPERM from
 * every control operation: sysctl (live patching included), domctl, reading
 * the console, the build-id and command line, and shutting down other
 * domains; the unprivileged operations must keep working.
 */
#include <xtf.h>
#include <xtf/livepatch.h>

const char test_title[] = "Privilege checks for unprivileged domains";

void test_main(void)
{
    struct xen_sysctl_physinfo pi;
    struct xen_domctl_getdomaininfo info;
    struct sched_remote_shutdown rs = { .domain_id = 0, .reason = SHUTDOWN_poweroff };
    static char buf[1024];

    if (start_info->flags & (SIF_PRIVILEGED | SIF_INITDOMAIN)) {
        xtf_error("this test must run unprivileged (TEST-DOMAIN := domu)");
        return;
    }
    XTF_EXPECT(sysctl_physinfo(&pi), -XEN_EPERM);
    XTF_EXPECT(domctl_getinfo(0, &info), -XEN_EPERM);
    XTF_EXPECT(domctl_simple(XEN_DOMCTL_pausedomain, 0), -XEN_EPERM);
    XTF_EXPECT(domctl_simple(XEN_DOMCTL_destroydomain, 0), -XEN_EPERM);
    XTF_EXPECT(hypercall_console_io(CONSOLEIO_read, sizeof(buf), (unsigned long)buf), -XEN_EPERM);
    XTF_EXPECT(hypercall_xen_version(XENVER_build_id, NULL), -XEN_EPERM);
    XTF_EXPECT(hypercall_xen_version(XENVER_commandline, buf), -XEN_EPERM);
    XTF_EXPECT(hypercall_sched_op(SCHEDOP_remote_shutdown, &rs), -XEN_EPERM);
    /* Live patching, as Xen's livepatch-priv-check: every sub-op, even LIST. */
    XTF_EXPECT(lp_upload("p", buf, 64), -XEN_EPERM);
    XTF_EXPECT(lp_count(), -XEN_EPERM);
    XTF_EXPECT(lp_state("p"), 0);
    for (uint32_t cmd = LIVEPATCH_ACTION_UNLOAD; cmd <= LIVEPATCH_ACTION_REPLACE; cmd++)
        XTF_EXPECT(lp_action("p", cmd, 0, 0), -XEN_EPERM);
    /* Bad pointers do not get past the privilege check either. */
    XTF_EXPECT(hypercall_raw(__HYPERVISOR_sysctl, 0, 0, 0, 0, 0), -XEN_EPERM);
    XTF_EXPECT(hypercall_raw(__HYPERVISOR_domctl, 0, 0, 0, 0, 0), -XEN_EPERM);

    XTF_EXPECT(hypercall_xen_version(XENVER_version, NULL), (4 << 16) | 17);
    XTF_EXPECT(hypercall_xen_version(XENVER_extraversion, buf), 0);
    XTF_EXPECT(hypercall_console_write("", 0), 0);
    if (!xtf_status_reported())
        xtf_success("every control operation was refused with EPERM");
}
