/* SPDX-License-Identifier: MIT */
/* Softirqs: per-CPU bits of deferred work, run at safe points. */
#include <hv/softirq.h>
#include <hv/percpu.h>
#include <hv/cpu_call.h>
#include <hv/livepatch.h>
#include <hv/passthrough.h>
#include <hv/sched.h>

void timer_softirq(void);

static void (*const handlers[NR_SOFTIRQS])(void) = {
    [SOFTIRQ_TIMER] = timer_softirq,        [SOFTIRQ_CALL] = cpu_call_softirq,
    [SOFTIRQ_DEVICE] = passthrough_softirq, [SOFTIRQ_LIVEPATCH] = livepatch_softirq,
    [SOFTIRQ_SCHEDULE] = schedule,
};

void raise_softirq(enum softirq nr)
{
    __atomic_fetch_or(&this_cpu()->softirq_pending, 1UL << nr, __ATOMIC_SEQ_CST);
}

void cpu_raise_softirq(unsigned int cpu, enum softirq nr)
{
    unsigned long old =
        __atomic_fetch_or(&cpu_data[cpu].softirq_pending, 1UL << nr, __ATOMIC_SEQ_CST);

    if (cpu != arch_cpu_id() && !(old & (1UL << nr)))
        arch_send_event_check(cpu);
}

bool softirq_pending(unsigned int cpu)
{
    return READ_ONCE(cpu_data[cpu].softirq_pending) != 0;
}

void process_softirqs(void)
{
    unsigned long *pending = &this_cpu()->softirq_pending;
    unsigned long bits;

    while ((bits = READ_ONCE(*pending)) != 0) {
        unsigned int nr = (unsigned int)__builtin_ctzl(bits);

        __atomic_fetch_and(pending, ~(1UL << nr), __ATOMIC_SEQ_CST);
        handlers[nr]();
    }
}
