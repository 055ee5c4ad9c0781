/* SPDX-License-Identifier: MIT */
/*
 * dom0 creates domains at run time from an image it supplies, and they run
 * and report: each child is started with "reason=N" on its command line
 * and must shut down with that code.  Checks getdomaininfo at every step,
 * the errors for wrong transitions, and that destroying domains returns
 * all their memory.
 */
#include <xtf.h>

const char test_title[] = "Domains created at run time by dom0";

#define CHILD_KB 1024
#define WAIT_LIMIT 100000

static const void *image;
static size_t image_size;

static bool info_of(domid_t d, struct xen_domctl_getdomaininfo *info)
{
    return !domctl_getinfo(d, info) && info->domain == d;
}

static uint64_t free_pages(void)
{
    struct xen_sysctl_physinfo pi;

    return sysctl_physinfo(&pi) ? 0 : pi.free_pages;
}

/* Runs one child to completion; returns its shutdown code or -1. */
static int run_child(unsigned int reason)
{
    struct xen_domctl_getdomaininfo info;
    char cmdline[32];
    domid_t d;
    long rc;

    snprintf(cmdline, sizeof(cmdline), "reason=%u", reason);
    if ((rc = domctl_create(&d)) ||
        (rc = domctl_load_image(d, image, image_size, CHILD_KB, cmdline))) {
        xtf_failure("creating a child failed: %ld", rc);
        return -1;
    }
    if (!info_of(d, &info) || !(info.flags & XEN_DOMINF_paused) || info.tot_pages != CHILD_KB / 4 ||
        info.nr_online_vcpus != 1)
        xtf_failure("new d%u: flags %#x, %lu pages, %u vCPUs", d, info.flags,
                    (unsigned long)info.tot_pages, info.nr_online_vcpus);
    if ((rc = domctl_load_image(d, image, image_size, CHILD_KB, cmdline)) != -XEN_EBUSY)
        xtf_failure("loading twice: %ld, expected -EBUSY", rc);
    if ((rc = domctl_simple(XEN_DOMCTL_unpausedomain, d)))
        xtf_failure("unpause: %ld", rc);
    if ((rc = domctl_simple(XEN_DOMCTL_unpausedomain, d)) != -XEN_EINVAL)
        xtf_failure("unpausing a running domain: %ld, expected -EINVAL", rc);
    for (int i = 0; i < WAIT_LIMIT && info_of(d, &info) && !(info.flags & XEN_DOMINF_shutdown); i++)
        hypercall_block();
    if (!(info.flags & XEN_DOMINF_shutdown)) {
        xtf_failure("d%u never shut down", d);
        return -1;
    }
    if ((rc = domctl_simple(XEN_DOMCTL_destroydomain, d)))
        xtf_failure("destroy: %ld", rc);
    if (info_of(d, &info))
        xtf_failure("d%u still exists after destroy", d);
    return (int)((info.flags >> XEN_DOMINF_shutdownshift) & XEN_DOMINF_shutdownmask);
}

static void check_pause_counting(void)
{
    domid_t d;

    if (domctl_create(&d)) {
        xtf_failure("cannot create a domain");
        return;
    }
    /* Created paused once; one more pause needs two unpauses. */
    if (domctl_simple(XEN_DOMCTL_pausedomain, d) || domctl_simple(XEN_DOMCTL_unpausedomain, d) ||
        domctl_simple(XEN_DOMCTL_unpausedomain, d) ||
        domctl_simple(XEN_DOMCTL_unpausedomain, d) != -XEN_EINVAL)
        xtf_failure("pause counting is wrong");
    if (domctl_simple(XEN_DOMCTL_destroydomain, d))
        xtf_failure("destroying a domain without memory failed");
}

void test_main(void)
{
    static const unsigned int reasons[] = { SHUTDOWN_poweroff, SHUTDOWN_reboot, SHUTDOWN_crash,
                                            SHUTDOWN_poweroff };
    uint64_t baseline = 0;

    image = test_module(&image_size);
    if (!image) {
        xtf_error("no child image given as module");
        return;
    }
    for (unsigned int i = 0; i < ARRAY_SIZE(reasons); i++) {
        int code = run_child(reasons[i]);

        if (code != (int)reasons[i])
            xtf_failure("child %u shut down with code %d, expected %u", i, code, reasons[i]);
        if (i == 0)
            baseline = free_pages(); /* after the first run the heap is warm */
        else if (free_pages() != baseline)
            xtf_failure("after child %u: %lu free pages, %lu before: memory leaked", i,
                        (unsigned long)free_pages(), (unsigned long)baseline);
    }
    check_pause_counting();
    if (!xtf_status_reported())
        xtf_success("%zu children ran and reported; no memory leaked", ARRAY_SIZE(reasons));
}
