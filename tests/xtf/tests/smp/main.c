/* SPDX-License-Identifier: MIT */
/*
 * Several domains make progress at once on several CPUs.  dom0 starts two
 * CPU-bound domains from its module and, without ever yielding, watches
 * them: seeing a domain marked "running" while dom0 itself is running
 * proves two domains executing at the same moment; both domains' CPU time
 * must also keep growing (the scheduler shares the CPUs among all three).
 */
#include <xtf.h>

const char test_title[] = "SMP: domains run at once on several CPUs";

#define NR_SPINNERS 2
#define WANT_CPU_NS 50000000ULL  /* each spinner must get 50 ms of CPU */
#define GIVE_UP_NS 5000000000ULL /* ... before dom0 has used 5 s itself */

static uint64_t cpu_time_of(domid_t d, uint32_t *flags)
{
    struct xen_domctl_getdomaininfo info;

    if (domctl_getinfo(d, &info) || info.domain != d)
        panic("getdomaininfo d%u failed", d);
    if (flags)
        *flags = info.flags;
    return info.cpu_time;
}

void test_main(void)
{
    struct xen_sysctl_physinfo pi;
    domid_t spinner[NR_SPINNERS];
    uint64_t start[NR_SPINNERS], dom0_start;
    unsigned long seen_running = 0, polls = 0;
    bool done = false;
    size_t size;
    const void *image = test_module(&size);

    if (sysctl_physinfo(&pi) || pi.nr_cpus < 2) {
        xtf_skip("needs at least 2 CPUs");
        return;
    }
    if (!image) {
        xtf_error("no spinner image given as module");
        return;
    }
    for (int i = 0; i < NR_SPINNERS; i++) {
        if (domctl_create(&spinner[i]) || domctl_load_image(spinner[i], image, size, 1024, "") ||
            domctl_simple(XEN_DOMCTL_unpausedomain, spinner[i])) {
            xtf_error("cannot start spinner %d", i);
            return;
        }
        start[i] = cpu_time_of(spinner[i], NULL);
    }
    dom0_start = cpu_time_of(0, NULL);
    while (!done && cpu_time_of(0, NULL) - dom0_start < GIVE_UP_NS) {
        done = true;
        for (int i = 0; i < NR_SPINNERS; i++) {
            uint32_t flags;

            if (cpu_time_of(spinner[i], &flags) - start[i] < WANT_CPU_NS)
                done = false;
            seen_running += !!(flags & XEN_DOMINF_running);
            polls++;
        }
    }
    printk("%u CPUs; a spinner was running in %lu of %lu polls by the running dom0\n", pi.nr_cpus,
           seen_running, polls);
    for (int i = 0; i < NR_SPINNERS; i++) {
        uint64_t used = cpu_time_of(spinner[i], NULL) - start[i];

        printk("spinner d%u used %lu ms of CPU\n", spinner[i], (unsigned long)(used / 1000000));
        if (used < WANT_CPU_NS)
            xtf_failure("spinner d%u made too little progress", spinner[i]);
        domctl_simple(XEN_DOMCTL_destroydomain, spinner[i]);
    }
    if (seen_running == 0)
        xtf_failure("never saw another domain running while dom0 ran");
    if (!xtf_status_reported())
        xtf_success("domains ran concurrently and all made progress");
}
