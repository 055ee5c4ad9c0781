/* SPDX-License-Identifier: MIT */
/*
 * The test launcher: runs as dom0, creates a domain from its boot module
 * (a test image) with XEN_DOMCTL_createdomain and XEN_DOMCTL_load_image,
 * passes its own command line on to it, unpauses it, waits for it to shut
 * down, destroys it and powers the machine off.  The runner reads the
 * test's own result line (from "(d1)").
 *
 * Command line: "mem=<KiB>" (the test's RAM) and anything after "--" is
 * given to the test.
 */
#include <xtf.h>

const char test_title[] = "Test launcher";

static void wait_for_shutdown(domid_t domid, struct xen_domctl_getdomaininfo *info)
{
    for (;;) {
        long rc = domctl_getinfo(domid, info);

        if (rc || info->domain != domid)
            panic("lost track of d%u: error %ld", domid, rc);
        if (info->flags & XEN_DOMINF_shutdown)
            return;
        hypercall_block(); /* woken when a domain changes state */
    }
}

static const char *child_cmdline(void)
{
    const char *c = test_cmdline(), *sep = c;

    while ((sep = strchr(sep, '-')) != NULL) {
        if (sep[1] == '-' && (sep == c || sep[-1] == ' '))
            return sep[2] == ' ' ? sep + 3 : sep + 2;
        sep++;
    }
    return "";
}

void test_main(void)
{
    struct xen_domctl_getdomaininfo info;
    size_t size, mem_kb = 4096;
    const void *image = test_module(&size);
    const char *val;
    size_t len;
    domid_t domid;
    long rc;

    if (!image)
        panic("no test image given as boot module");
    if (test_option("mem", &val, &len)) {
        unsigned long long v;

        if (parse_size(val, NULL, &v))
            mem_kb = (size_t)(v >> 10);
    }
    if ((rc = domctl_create(&domid)) ||
        (rc = domctl_load_image(domid, image, size, mem_kb, child_cmdline())) ||
        (rc = domctl_simple(XEN_DOMCTL_unpausedomain, domid)))
        panic("cannot start the test domain: error %ld", rc);
    printk("launcher: started d%u (%zu KiB)\n", domid, mem_kb);
    wait_for_shutdown(domid, &info);
    printk("launcher: d%u shut down, reason %u\n", domid,
           (info.flags >> XEN_DOMINF_shutdownshift) & XEN_DOMINF_shutdownmask);
    domctl_simple(XEN_DOMCTL_destroydomain, domid);
    hypercall_shutdown(SHUTDOWN_poweroff);
}
