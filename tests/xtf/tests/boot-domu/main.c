/* SPDX-License-Identifier: MIT */
/*
 * Domains started at boot from boot modules: the hypervisor starts the
 * module marked "domu" as an unprivileged domain next to dom0, with the
 * RAM and command line its module line gives ("mem=1M -- reason=1").  dom0
 * finds it, sees it was not handed to dom0 as a module, and waits for it to
 * shut down with the reason its command line asked for.
 */
#include <xtf.h>

const char test_title[] = "Domains started from boot modules";

void test_main(void)
{
    struct xen_domctl_getdomaininfo info = { 0 };
    size_t size;

    if (test_module(&size))
        xtf_failure("the domu module was also given to dom0");
    for (int i = 0; i < 100000; i++) {
        if (domctl_getinfo(1, &info) || info.domain != 1) {
            xtf_failure("no domain 1 started from the boot module");
            return;
        }
        if (info.flags & XEN_DOMINF_shutdown)
            break;
        hypercall_block();
    }
    if (info.tot_pages != 256)
        xtf_failure("d1 has %lu pages, expected 256 (mem=1M)", (unsigned long)info.tot_pages);
    if (!(info.flags & XEN_DOMINF_shutdown) ||
        ((info.flags >> XEN_DOMINF_shutdownshift) & XEN_DOMINF_shutdownmask) != SHUTDOWN_reboot)
        xtf_failure("d1 flags %#x: expected shutdown with reason reboot", info.flags);
    if (!xtf_status_reported())
        xtf_success("d1 ran from its boot module with its own RAM and command line");
}
