/* SPDX-License-Identifier: MIT */
/*
 * One-shot software timers, each owned by one CPU.  Callbacks run from the
 * timer softirq on that CPU, with interrupts off.
 */
#ifndef HV_TIMER_H
#define HV_TIMER_H

#include <hv/types.h>
#include <hv/list.h>

struct timer {
    struct list_head link;
    uint64_t deadline;
    unsigned int cpu;
    bool armed;
    void (*fn)(void *data);
    void *data;
};

void timer_init(struct timer *t, void (*fn)(void *), void *data);
/* Arms (or re-arms) @t on the calling CPU. */
void timer_set(struct timer *t, uint64_t deadline_ns);
/*
 * Disarms @t and waits until its callback is not running on any CPU, so
 * the caller may free it.  Never call it from @t's own callback.
 */
void timer_stop(struct timer *t);
void timers_init_cpu(unsigned int cpu);

static inline uint64_t now_ns(void)
{
    extern uint64_t arch_now_ns(void);
    return arch_now_ns();
}

#define MILLISECS(ms) ((uint64_t)(ms)*1000000ULL)
#define MICROSECS(us) ((uint64_t)(us)*1000ULL)

#endif /* HV_TIMER_H */
