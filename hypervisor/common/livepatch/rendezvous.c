/* SPDX-License-Identifier: MIT */
/*
 * Bringing every CPU to a safe point before text is changed.
 *
 * An accepted action raises the LIVEPATCH softirq on every online CPU.
 * Softirqs run only at a CPU's safe points (the return-to-guest path and
 * the idle loop), where its hypervisor stack holds no frame that could be
 * executing patched code, and always with interrupts off.  The first CPU
 * to arrive leads:
 *
 *   phase 1 (arrive)    the leader waits until every other online CPU has
 *                       arrived; they spin waiting for "go";
 *   phase 2 (quiesced)  the leader says "go"; each other CPU confirms it
 *                       is held and spins until "done";
 *   window              the leader does the action (apply.c) under
 *                       payload_lock, then says "done";
 *   after               every CPU discards stale instructions
 *                       (arch_livepatch_post_action); the leader runs the
 *                       post hook and logs the result and the time the
 *                       CPUs were held.
 *
 * Both phases are bounded by the action's timeout: if a CPU does not come
 * (it is stuck with interrupts off), the action ends with -EBUSY and
 * nothing is written.  Each action has a generation number, so a CPU that
 * arrives late, or is slow to leave, never joins the wrong action.
 */
#include "private.h"
#include <hv/console.h>
#include <hv/errno.h>
#include <hv/livepatch.h>
#include <hv/livepatch_arch.h>
#include <hv/percpu.h>
#include <hv/softirq.h>
#include <hv/spinlock.h>
#include <hv/timer.h>

extern spinlock_t lp_payload_lock;

static struct {
    struct payload *p;
    uint32_t cmd;
    uint64_t timeout_ns;
    unsigned long gen; /* bumped per action */
    bool active;       /* an action is waiting for its rendezvous */
    int arrived;       /* CPUs in phase 1, leader included */
    int held;          /* other CPUs confirmed in phase 2 */
    bool go, done;
} work;

/* The generation each CPU last joined: nobody counts twice. */
static unsigned long joined[NR_CPUS];

static const char *const action_names[] = { "?", "UNLOAD", "REVERT", "APPLY", "REPLACE" };

bool lp_action_pending(void)
{
    return READ_ONCE(work.active);
}

void lp_schedule_action(struct payload *p, uint32_t cmd, uint64_t timeout_ns)
{
    work.p = p;
    work.cmd = cmd;
    work.timeout_ns = timeout_ns;
    work.arrived = 0;
    work.held = 0;
    work.go = false;
    work.done = false;
    smp_mb();
    WRITE_ONCE(work.gen, work.gen + 1);
    WRITE_ONCE(work.active, true);
    for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
        if (READ_ONCE(cpu_data[cpu].online))
            cpu_raise_softirq(cpu, SOFTIRQ_LIVEPATCH);
}

/* Spins until *@count reaches @want or the deadline passes. */
static bool wait_for(int *count, int want, uint64_t deadline)
{
    while (__atomic_load_n(count, __ATOMIC_ACQUIRE) < want) {
        if (now_ns() > deadline)
            return false;
        cpu_relax();
    }
    return true;
}

static void follow(unsigned long gen)
{
    while (!READ_ONCE(work.go)) {
        if (READ_ONCE(work.gen) != gen || READ_ONCE(work.done))
            return; /* timed out or finished without us */
        cpu_relax();
    }
    __atomic_fetch_add(&work.held, 1, __ATOMIC_ACQ_REL);
    while (!READ_ONCE(work.done) && READ_ONCE(work.gen) == gen)
        cpu_relax();
    arch_livepatch_post_action();
}

static void lead(void)
{
    struct payload *p = work.p;
    int others = (int)num_online_cpus() - 1;
    uint64_t start = now_ns(), deadline = start + work.timeout_ns, held_from, held_ns;
    const char *phase = NULL;
    int rc;

    if (!wait_for(&work.arrived, others + 1, deadline))
        phase = "CPU";
    held_from = now_ns();
    if (!phase) {
        WRITE_ONCE(work.go, true);
        if (!wait_for(&work.held, others, deadline))
            phase = "IRQ";
    }
    if (phase) {
        rc = -EBUSY;
        printk(XENLOG_ERR "livepatch: %s: timed out after %lu us in the %s quiesce phase "
                          "(%d of %d other CPUs): nothing was changed\n",
               p->name, (unsigned long)((now_ns() - start) / 1000), phase,
               phase[0] == 'C' ? work.arrived - 1 : work.held, others);
    } else {
        spin_lock(&lp_payload_lock);
        rc = lp_do_action(p, work.cmd);
        spin_unlock(&lp_payload_lock);
    }
    WRITE_ONCE(work.done, true);
    arch_livepatch_post_action();
    held_ns = now_ns() - held_from;
    if (!phase)
        lp_post_action_hooks(p, work.cmd, rc);
    spin_lock(&lp_payload_lock);
    p->rc = rc;
    WRITE_ONCE(work.active, false);
    spin_unlock(&lp_payload_lock);
    printk(XENLOG_INFO "livepatch: %s: %s finished with rc=%d; %d CPUs held for %lu us\n", p->name,
           action_names[work.cmd], rc, others + 1, (unsigned long)(held_ns / 1000));
}

void livepatch_softirq(void)
{
    unsigned long gen = READ_ONCE(work.gen);

    smp_mb();
    if (!READ_ONCE(work.active) || joined[arch_cpu_id()] == gen)
        return;
    joined[arch_cpu_id()] = gen;
    if (__atomic_fetch_add(&work.arrived, 1, __ATOMIC_ACQ_REL) == 0)
        lead();
    else
        follow(gen);
}
