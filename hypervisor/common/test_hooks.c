/* SPDX-License-Identifier: MIT */
/*
 * Test hooks, linked only into the test build (TEST_HOOKS=1).
 *
 * test_fault=hypervisor  takes a page fault in hypervisor context, three
 *                        calls deep through static functions, so tests can
 *                        check the fault report: registers and a backtrace
 *                        naming "<path>#<static>" and global functions.
 */
#include <hv/test_hooks.h>
#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/lib.h>

/* Upper-half, never mapped: a fault on it can only be a hypervisor bug. */
#define UNMAPPED_HV_ADDRESS 0xffff900000000000UL

__attribute__((noinline)) static void touch_unmapped(volatile unsigned long *p)
{
    *p = 0xbad;
}

__attribute__((noinline)) static void fault_in_hypervisor(void)
{
    printk(XENLOG_WARNING "test_fault: faulting in hypervisor context on purpose\n");
    touch_unmapped((volatile unsigned long *)UNMAPPED_HV_ADDRESS);
    __asm__ volatile("" ::: "memory"); /* keep the call from being a tail call */
}

void test_hooks_boot(const char *cmdline)
{
    char what[32];

    if (cmdline_string(cmdline, "test_fault", what, sizeof(what))) {
        if (!strcmp(what, "hypervisor"))
            fault_in_hypervisor();
        printk(XENLOG_WARNING "test_fault=%s: unknown fault\n", what);
    }
}
