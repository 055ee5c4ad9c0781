/* SPDX-License-Identifier: MIT */
/*
 * Softirqs: deferred work run at the two safe points of a CPU, the
 * return-to-guest path and the idle loop, with an unwound hypervisor stack.
 */
#ifndef HV_SOFTIRQ_H
#define HV_SOFTIRQ_H

#include <hv/types.h>

enum softirq {
    SOFTIRQ_TIMER,
    SOFTIRQ_CALL,      /* cpu_call() requests */
    SOFTIRQ_DEVICE,    /* device interrupt lines of domains fired */
    SOFTIRQ_LIVEPATCH, /* before SCHEDULE: a CPU must join first */
    SOFTIRQ_SCHEDULE,  /* last: it may switch stacks and not return */
    NR_SOFTIRQS
};

void raise_softirq(enum softirq nr);
void cpu_raise_softirq(unsigned int cpu, enum softirq nr);
bool softirq_pending(unsigned int cpu);
/* Runs pending softirqs; may not return if it schedules another vCPU. */
void process_softirqs(void);

#endif /* HV_SOFTIRQ_H */
