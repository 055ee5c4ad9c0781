/* SPDX-License-Identifier: MIT */
/*
 * A sysctl that exists only in the test build of the hypervisor
 * (TEST_HOOKS=1): never in a normal build, where it is -ENOSYS.
 */
#ifndef PUBLIC_SYSCTL_TEST_H
#define PUBLIC_SYSCTL_TEST_H

#include <public/sysctl.h>

/*
 * Keeps one other CPU (not the caller's) busy with interrupts off for @ms
 * milliseconds, and returns once it has started; OUT @cpu says which.  For
 * testing that a live-patch rendezvous times out instead of hanging.
 */
#define XEN_SYSCTL_test_hold_cpu 0x4c54

struct xen_sysctl_test_hold_cpu {
    uint32_t ms;  /* IN: 1 .. 10000 */
    uint32_t cpu; /* OUT: the CPU held */
};

#endif /* PUBLIC_SYSCTL_TEST_H */
