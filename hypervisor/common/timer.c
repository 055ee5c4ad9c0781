/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU one-shot timers: a deadline-sorted list per CPU, and the arch
 * timer interrupt armed for the earliest deadline.
 *
 * Locking: cpu_data[cpu].timer_lock protects that CPU's list and the
 * armed/cpu fields of the timers on it.  Callbacks run without the lock;
 * cpu_data[cpu].timer_running names the one running, so that timer_stop()
 * can wait for it before its owner frees the timer.
 */
#include <hv/timer.h>
#include <hv/arch.h>
#include <hv/percpu.h>
#include <hv/softirq.h>

void timers_init_cpu(unsigned int cpu)
{
    spin_lock_init(&cpu_data[cpu].timer_lock);
    list_init(&cpu_data[cpu].timers);
}

void timer_init(struct timer *t, void (*fn)(void *), void *data)
{
    list_init(&t->link);
    t->armed = false;
    t->fn = fn;
    t->data = data;
    t->cpu = 0;
}

/* Removes @t from whichever CPU's list holds it. */
static void timer_remove(struct timer *t)
{
    for (;;) {
        unsigned int cpu = READ_ONCE(t->cpu);
        spinlock_t *lock = &cpu_data[cpu].timer_lock;

        spin_lock(lock);
        if (cpu == t->cpu) {
            if (t->armed) {
                list_del(&t->link);
                t->armed = false;
            }
            spin_unlock(lock);
            return;
        }
        spin_unlock(lock); /* moved under us: retry on its new CPU */
    }
}

void timer_set(struct timer *t, uint64_t deadline_ns)
{
    struct cpu_data *c = this_cpu();
    struct timer *pos;
    bool first;

    timer_remove(t);
    spin_lock(&c->timer_lock);
    t->deadline = deadline_ns;
    t->cpu = arch_cpu_id();
    t->armed = true;
    list_for_each_entry(pos, &c->timers, link) if (pos->deadline > deadline_ns) break;
    list_add_tail(&t->link, &pos->link);
    first = c->timers.next == &t->link;
    spin_unlock(&c->timer_lock);
    if (first)
        arch_timer_program(deadline_ns);
}

void timer_stop(struct timer *t)
{
    timer_remove(t);
    while (__atomic_load_n(&cpu_data[READ_ONCE(t->cpu)].timer_running, __ATOMIC_ACQUIRE) == t)
        cpu_relax();
}

void timer_softirq(void);
void timer_softirq(void)
{
    struct cpu_data *c = this_cpu();

    for (;;) {
        struct timer *t;

        spin_lock(&c->timer_lock);
        if (list_empty(&c->timers)) {
            spin_unlock(&c->timer_lock);
            arch_timer_program(0);
            return;
        }
        t = list_first_entry(&c->timers, struct timer, link);
        if (t->deadline > now_ns()) {
            uint64_t next = t->deadline;

            spin_unlock(&c->timer_lock);
            arch_timer_program(next);
            return;
        }
        list_del(&t->link);
        t->armed = false;
        __atomic_store_n(&c->timer_running, t, __ATOMIC_RELAXED);
        spin_unlock(&c->timer_lock);
        t->fn(t->data);
        __atomic_store_n(&c->timer_running, NULL, __ATOMIC_RELEASE);
    }
}
