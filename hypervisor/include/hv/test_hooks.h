/* SPDX-License-Identifier: MIT */
/*
 * Test-only hooks.  They exist only in the test build of the hypervisor
 * (make TEST_HOOKS=1, output build/<arch>/hypervisor-test); in a normal
 * build every hook is an empty inline and no test code is linked.
 */
#ifndef HV_TEST_HOOKS_H
#define HV_TEST_HOOKS_H

#include <hv/types.h>
#include <hv/errno.h>

struct xen_sysctl;

#ifdef HV_TEST_HOOKS
/* Acts on test boot options once the platform is up (see test_hooks.c). */
void test_hooks_boot(const char *cmdline);
/* Test-only sysctls; -ENOSYS for any other command. */
long test_hooks_sysctl(struct xen_sysctl *op, bool *copyback);
#else
static inline void test_hooks_boot(const char *cmdline)
{
    (void)cmdline;
}

static inline long test_hooks_sysctl(struct xen_sysctl *op, bool *copyback)
{
    (void)op;
    (void)copyback;
    return -ENOSYS;
}
#endif

#endif /* HV_TEST_HOOKS_H */
