/* SPDX-License-Identifier: MIT */
/*
 * Cross-CPU calls: a request slot per CPU, run by that CPU's CALL softirq.
 * The slot's lock only covers taking and emptying it; the function runs
 * unlocked.
 */
#include <hv/cpu_call.h>
#include <hv/errno.h>
#include <hv/percpu.h>
#include <hv/softirq.h>
#include <hv/spinlock.h>

static struct {
    spinlock_t lock;
    void (*fn)(void *);
    void *data;
} slot[NR_CPUS];

int cpu_call(unsigned int cpu, void (*fn)(void *), void *data)
{
    int rc = 0;

    if (cpu >= NR_CPUS || !READ_ONCE(cpu_data[cpu].online))
        return -EINVAL;
    spin_lock(&slot[cpu].lock);
    if (slot[cpu].fn)
        rc = -EBUSY;
    else {
        slot[cpu].fn = fn;
        slot[cpu].data = data;
    }
    spin_unlock(&slot[cpu].lock);
    if (!rc)
        cpu_raise_softirq(cpu, SOFTIRQ_CALL);
    return rc;
}

void cpu_call_softirq(void)
{
    unsigned int cpu = arch_cpu_id();
    void (*fn)(void *);
    void *data;

    spin_lock(&slot[cpu].lock);
    fn = slot[cpu].fn;
    data = slot[cpu].data;
    slot[cpu].fn = NULL;
    spin_unlock(&slot[cpu].lock);
    if (fn)
        fn(data);
}
