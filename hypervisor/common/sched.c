/* SPDX-License-Identifier: MIT */
/*
 * The scheduler: a global FIFO run queue shared by all CPUs, 10 ms slices.
 *
 * Concurrency rules:
 * - sched_lock protects the run queue and every vCPU's on_runq, is_running
 *   and processor fields.  It nests inside d->lock.
 * - A vCPU is put on the run queue only when its state is saved (it is not
 *   running anywhere), so whoever picks it loads a complete context.
 * - schedule() runs only from the SCHEDULE softirq, i.e. at a safe point with
 *   interrupts off, and ends by discarding the stack (never returns) unless
 *   the current vCPU simply keeps running.
 */
#include <hv/sched.h>
#include <hv/arch.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/percpu.h>
#include <hv/softirq.h>
#include <hv/timer.h>

static spinlock_t sched_lock = SPIN_LOCK_UNLOCKED;
static struct list_head runq = LIST_HEAD_INIT(runq);
static struct timer slice_timer[NR_CPUS];

bool vcpu_runnable(const struct vcpu *v)
{
    const struct domain *d = v->domain;

    return !READ_ONCE(v->pause_flags) && !READ_ONCE(d->pause_count) && !READ_ONCE(d->is_shutdown) &&
           !READ_ONCE(d->is_dying);
}

static void slice_expired(void *data)
{
    (void)data;
    raise_softirq(SOFTIRQ_SCHEDULE);
}

void sched_init(void)
{
    list_init(&runq);
}

void sched_init_cpu(unsigned int cpu)
{
    timer_init(&slice_timer[cpu], slice_expired, NULL);
}

/* Asks an idle CPU to look at the run queue.  Called with sched_lock held. */
static void kick_idle_cpu(void)
{
    for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
        if (cpu_data[cpu].online && is_idle_vcpu(READ_ONCE(cpu_data[cpu].curr))) {
            cpu_raise_softirq(cpu, SOFTIRQ_SCHEDULE);
            return;
        }
    }
}

static void runq_add(struct vcpu *v)
{
    list_add_tail(&v->runq_link, &runq);
    v->on_runq = true;
    kick_idle_cpu();
}

void vcpu_wake(struct vcpu *v)
{
    spin_lock(&sched_lock);
    if (vcpu_runnable(v) && !v->is_running && !v->on_runq)
        runq_add(v);
    spin_unlock(&sched_lock);
}

void vcpu_sleep_nosync(struct vcpu *v)
{
    spin_lock(&sched_lock);
    if (v->on_runq) {
        list_del(&v->runq_link);
        v->on_runq = false;
    }
    if (v->is_running)
        cpu_raise_softirq(v->processor, SOFTIRQ_SCHEDULE);
    spin_unlock(&sched_lock);
}

void vcpu_sleep_sync(struct vcpu *v)
{
    ASSERT(v != current);
    vcpu_sleep_nosync(v);
    while (READ_ONCE(v->is_running))
        cpu_relax();
}

uint64_t vcpu_cpu_time(const struct vcpu *v)
{
    uint64_t t;

    spin_lock(&sched_lock);
    t = v->cpu_time + (v->is_running ? now_ns() - v->run_start : 0);
    spin_unlock(&sched_lock);
    return t;
}

void vcpu_send_event(struct vcpu *v)
{
    WRITE_ONCE(v->event_pending, true);
    smp_mb();
    if (__atomic_fetch_and(&v->pause_flags, ~VPF_blocked, __ATOMIC_SEQ_CST) & VPF_blocked) {
        /*
         * Waking delivers the event: the guest re-checks its conditions
         * when it runs, which is after this point, so a later block need
         * not return at once.  Events that come after the clear set it again.
         */
        WRITE_ONCE(v->event_pending, false);
        vcpu_wake(v);
    }
}

/* Picks the next vCPU for this CPU; called with sched_lock held. */
static struct vcpu *pick_next(struct vcpu *prev, uint64_t now)
{
    bool prev_can_run = !is_idle_vcpu(prev) && vcpu_runnable(prev);
    struct vcpu *next;

    if (prev_can_run && (list_empty(&runq) || now < this_cpu()->slice_end))
        return prev;
    if (list_empty(&runq))
        return prev_can_run ? prev : this_cpu()->idle;
    next = list_first_entry(&runq, struct vcpu, runq_link);
    list_del(&next->runq_link);
    next->on_runq = false;
    return next;
}

void schedule(void)
{
    struct cpu_data *c = this_cpu();
    struct vcpu *prev = c->curr, *next;
    uint64_t now = now_ns();

    spin_lock(&sched_lock);
    next = pick_next(prev, now);
    if (next != prev && !is_idle_vcpu(next)) {
        next->is_running = true;
        next->run_start = now;
        next->processor = arch_cpu_id();
    }
    spin_unlock(&sched_lock);

    if (now >= c->slice_end || next != prev) {
        c->slice_end = now + SCHED_SLICE_NS;
        if (!is_idle_vcpu(next))
            timer_set(&slice_timer[arch_cpu_id()], c->slice_end);
    }
    if (next == prev)
        return;

    c->curr = next;
    arch_context_switch(prev, next);

    if (!is_idle_vcpu(prev)) {
        /*
         * prev's state is saved: from here another CPU may pick it up.  Its
         * run ends now, under the lock vcpu_cpu_time() reads it with, so
         * the time it reports never goes back.
         */
        spin_lock(&sched_lock);
        prev->cpu_time += now_ns() - prev->run_start;
        prev->is_running = false;
        if (vcpu_runnable(prev) && !prev->on_runq)
            runq_add(prev);
        spin_unlock(&sched_lock);
    }
    if (is_idle_vcpu(next))
        arch_reset_stack_and_jump_idle();
    arch_reset_stack_and_resume_guest();
}

void idle_loop(void)
{
    for (;;) {
        process_softirqs();
        arch_idle();
    }
}
