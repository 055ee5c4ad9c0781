/* SPDX-License-Identifier: MIT */
/*
 * Test hooks, linked only into the test build (TEST_HOOKS=1).
 *
 * Boot option test_fault=
 *   hypervisor  a page fault in hypervisor context, three calls deep through
 *               static functions: the fault report must name them
 *   warn        WARN(): reported, and boot carries on
 *   bug         BUG(): reported, then a panic
 *
 * Sysctl XEN_SYSCTL_test_hold_cpu (public/sysctl-test.h): keeps another CPU
 * busy with interrupts off, to test rendezvous timeouts.
 *
 * lp_bench_target_0 .. lp_bench_target_99: functions nothing calls, for
 * benchmarks that patch many functions at once (bench/livepatch-hold.sh).
 */
#include <hv/test_hooks.h>
#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/cpu_call.h>
#include <hv/lib.h>
#include <hv/percpu.h>
#include <hv/timer.h>
#include <public/sysctl-test.h>

/* Upper-half, never mapped: a fault on it can only be a hypervisor bug. */
#define UNMAPPED_HV_ADDRESS 0xffff900000000000UL
#define HOLD_MAX_MS 10000
#define HOLD_START_TIMEOUT_NS MILLISECS(1000)

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

    if (!cmdline_string(cmdline, "test_fault", what, sizeof(what)))
        return;
    if (!strcmp(what, "hypervisor"))
        fault_in_hypervisor();
    else if (!strcmp(what, "warn"))
        WARN();
    else if (!strcmp(what, "bug"))
        BUG();
    else
        printk(XENLOG_WARNING "test_fault=%s: unknown fault\n", what);
}

static struct {
    uint64_t until;
    bool started;
} hold;

/* Runs on the held CPU, from its softirq, interrupts off. */
static void hold_this_cpu(void *unused)
{
    (void)unused;
    WRITE_ONCE(hold.started, true);
    while (now_ns() < hold.until)
        cpu_relax();
}

static long hold_cpu(struct xen_sysctl_test_hold_cpu *h)
{
    unsigned int me = arch_cpu_id(), cpu;
    uint64_t give_up;
    long rc;

    if (!h->ms || h->ms > HOLD_MAX_MS)
        return -EINVAL;
    for (cpu = 0; cpu < NR_CPUS; cpu++)
        if (cpu != me && READ_ONCE(cpu_data[cpu].online))
            break;
    if (cpu == NR_CPUS)
        return -ENODEV;
    hold.started = false;
    hold.until = now_ns() + MILLISECS(h->ms);
    rc = cpu_call(cpu, hold_this_cpu, NULL);
    if (rc)
        return rc;
    give_up = now_ns() + HOLD_START_TIMEOUT_NS;
    while (!READ_ONCE(hold.started))
        if (now_ns() > give_up)
            return -ETIMEDOUT;
    printk(XENLOG_WARNING "test: holding CPU%u with interrupts off for %u ms\n", cpu, h->ms);
    h->cpu = cpu;
    return 0;
}

long test_hooks_sysctl(struct xen_sysctl *op, bool *copyback)
{
    if (op->cmd != XEN_SYSCTL_test_hold_cpu)
        return -ENOSYS;
    *copyback = true;
    return hold_cpu((struct xen_sysctl_test_hold_cpu *)&op->u);
}

#define BENCH_TARGET(n)                                                      \
    __attribute__((noinline, used)) unsigned int lp_bench_target_##n(void);  \
    __attribute__((noinline, used)) unsigned int lp_bench_target_##n(void)   \
    {                                                                        \
        return 100 + n; /* never 0: "xor %eax,%eax" is too short to patch */ \
    }
/* One target per line; clang-format cannot settle on a layout for this. */
/* clang-format off */
#define BENCH_TARGETS_10(t) \
    BENCH_TARGET(t##0)      \
    BENCH_TARGET(t##1)      \
    BENCH_TARGET(t##2)      \
    BENCH_TARGET(t##3)      \
    BENCH_TARGET(t##4)      \
    BENCH_TARGET(t##5)      \
    BENCH_TARGET(t##6)      \
    BENCH_TARGET(t##7)      \
    BENCH_TARGET(t##8)      \
    BENCH_TARGET(t##9)
/* clang-format on */

BENCH_TARGET(0)
BENCH_TARGET(1)
BENCH_TARGET(2)
BENCH_TARGET(3)
BENCH_TARGET(4)
BENCH_TARGET(5)
BENCH_TARGET(6)
BENCH_TARGET(7)
BENCH_TARGET(8)
BENCH_TARGET(9)
BENCH_TARGETS_10(1)
BENCH_TARGETS_10(2)
BENCH_TARGETS_10(3)
BENCH_TARGETS_10(4)
BENCH_TARGETS_10(5)
BENCH_TARGETS_10(6)
BENCH_TARGETS_10(7)
BENCH_TARGETS_10(8)
BENCH_TARGETS_10(9)
