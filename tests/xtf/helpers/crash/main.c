/* SPDX-License-Identifier: MIT */
/*
 * Helper guest: misbehaves in the way named by "fault=..." on its command
 * line.  In every case the hypervisor must kill it (shutdown code crash)
 * and carry on.
 *   null     read address 0 with no exception handler registered
 *   hvwrite  write to hypervisor text with no handler
 *   ud2      execute an invalid instruction with no handler
 *   stack    fault with a handler but an unusable stack (no bounce frame)
 *   iret     HYPERVISOR_iret with a frame pointing into the hypervisor
 */
#include <xtf.h>
#include <arch/setup.h>

const char test_title[] = "Helper: crash";

static bool mode(const char *want)
{
    const char *val;
    size_t len;

    return test_option("fault", &val, &len) && len == strlen(want) && !strncmp(val, want, len);
}

void test_main(void)
{
    if (mode("stack"))
        arch_fault_on_bad_stack(); /* handlers stay registered */
    if (mode("iret"))
        arch_iret_to_hypervisor();
    hypercall_raw(__HYPERVISOR_set_trap_table, 0, 0, 0, 0, 0); /* no handlers */
    if (mode("hvwrite"))
        *(volatile char *)HYPERVISOR_TEXT_ADDR = 0;
    else if (mode("ud2"))
        __builtin_trap();
    else
        (void)*(volatile char *)0;
    panic("survived the fault");
}
