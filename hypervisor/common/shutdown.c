/* SPDX-License-Identifier: MIT */
/*
 * Machine shutdown.  As in Xen, the machine follows dom0: dom0 powering off
 * powers the machine off, dom0 rebooting reboots it, and a crash of dom0 or
 * of the hypervisor reboots unless "noreboot" is given, in which case the
 * CPUs halt with the console intact for inspection.
 */
#include <hv/shutdown.h>
#include <hv/arch.h>
#include <hv/cmdline.h>
#include <hv/console.h>
#include <public/sched.h>

static bool noreboot;

void shutdown_init(const char *cmdline)
{
    noreboot = cmdline_flag(cmdline, "noreboot");
}

__noreturn static void restart_or_halt(void)
{
    if (noreboot) {
        printk("'noreboot' set - not rebooting.\n");
        arch_halt_cpu();
    }
    printk("Rebooting.\n");
    arch_reboot();
}

void machine_shutdown_for_dom0(unsigned int reason)
{
    switch (reason) {
    case SHUTDOWN_poweroff:
        printk("Hardware Dom0 halted: powering off machine\n");
        arch_poweroff();
    case SHUTDOWN_reboot:
        printk("Hardware Dom0 requested a reboot\n");
        arch_reboot();
    default:
        printk("Hardware Dom0 crashed (reason %s)\n", shutdown_reason_name(reason));
        restart_or_halt();
    }
}

void machine_restart_after_panic(void)
{
    restart_or_halt();
}
