/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU data.  The arch part comes first because entry code reaches its
 * fields at fixed offsets; the common part follows.
 */
#ifndef HV_PERCPU_H
#define HV_PERCPU_H

#include <hv/types.h>
#include <hv/arch.h>
#include <hv/list.h>
#include <hv/spinlock.h>

struct vcpu;
struct timer;

struct cpu_data {
    struct arch_cpu arch;          /* must stay first */
    struct vcpu *curr;             /* vCPU running here (idle vCPU if none) */
    struct vcpu *idle;             /* this CPU's idle vCPU */
    unsigned long softirq_pending; /* bitmap of SOFTIRQ_* */
    bool online;
    uint64_t slice_end; /* when the running vCPU's slice ends */
    spinlock_t timer_lock;
    struct list_head timers;     /* armed timers, sorted by deadline */
    struct timer *timer_running; /* whose callback runs now (timer.c) */
};

extern struct cpu_data cpu_data[NR_CPUS];

static inline struct cpu_data *this_cpu(void)
{
    return &cpu_data[arch_cpu_id()];
}

#define current (this_cpu()->curr)

unsigned int num_online_cpus(void);

#endif /* HV_PERCPU_H */
