/* SPDX-License-Identifier: MIT */
/*
 * Prints the hypervisor's extra version string, so that a host script can
 * see which xen_extra_version() runs (live patches change it).  Runs
 * unprivileged.
 */
#include <xtf.h>

const char test_title[] = "The hypervisor's extra version";

void test_main(void)
{
    xen_extraversion_t extra = { 0 };

    if (hypercall_xen_version(XENVER_extraversion, extra) || !memchr(extra, 0, sizeof(extra)))
        return xtf_error("XENVER_extraversion failed");
    printk("extraversion: '%s'\n", extra);
    xtf_success(NULL);
}
