/* SPDX-License-Identifier: MIT */
/*
 * A guest fault kills only that guest.  dom0 starts children that fault in
 * different ways (no handler, a write to the hypervisor, an invalid
 * instruction, an unusable stack for exception delivery, a bogus
 * HYPERVISOR_iret frame); each must end with shutdown code "crash" while
 * dom0, and the hypervisor, carry on.
 */
#include <xtf.h>

const char test_title[] = "A faulting guest is killed alone";

static const char *const faults[] = { "null", "hvwrite", "ud2", "stack", "iret" };

void test_main(void)
{
    size_t size;
    const void *image = test_module(&size);

    if (!image) {
        xtf_error("no crash image given as module");
        return;
    }
    for (unsigned int i = 0; i < ARRAY_SIZE(faults); i++) {
        struct xen_domctl_getdomaininfo info = { 0 };
        char cmdline[32];
        unsigned int code;
        domid_t d;

        snprintf(cmdline, sizeof(cmdline), "fault=%s", faults[i]);
        if (domctl_create(&d) || domctl_load_image(d, image, size, 1024, cmdline) ||
            domctl_simple(XEN_DOMCTL_unpausedomain, d)) {
            xtf_error("cannot start the '%s' child", faults[i]);
            continue;
        }
        for (int n = 0; n < 100000 && !domctl_getinfo(d, &info) && info.domain == d &&
                        !(info.flags & XEN_DOMINF_shutdown);
             n++)
            hypercall_block();
        code = (info.flags >> XEN_DOMINF_shutdownshift) & XEN_DOMINF_shutdownmask;
        if (!(info.flags & XEN_DOMINF_shutdown) || code != SHUTDOWN_crash)
            xtf_failure("'%s' child: flags %#x, shutdown code %u, expected crash", faults[i],
                        info.flags, code);
        else
            printk("'%s' child was killed; dom0 carries on\n", faults[i]);
        domctl_simple(XEN_DOMCTL_destroydomain, d);
    }
    if (!xtf_status_reported())
        xtf_success("every faulting guest was killed alone");
}
