/* SPDX-License-Identifier: MIT */
/* panic(): the last words of the hypervisor. */
#include <hv/console.h>
#include <hv/arch.h>
#include <hv/lib.h>
#include <hv/shutdown.h>

static int panicking;

void panic(const char *fmt, ...)
{
    char msg[256];
    va_list ap;

    __asm__ volatile("" ::: "memory");
    if (__atomic_exchange_n(&panicking, 1, __ATOMIC_SEQ_CST))
        arch_halt_cpu(); /* another CPU is already reporting */
    arch_stop_other_cpus();
    console_force_unlock();
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    printk(XENLOG_ERR "\n****************************************\n");
    printk(XENLOG_ERR "Panic on CPU %u:\n%s\n", arch_cpu_id(), msg);
    printk(XENLOG_ERR "****************************************\n");
    arch_dump_stack();
    machine_restart_after_panic();
}
