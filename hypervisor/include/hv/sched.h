/* SPDX-License-Identifier: MIT */
/* The scheduler: one global run queue, round robin, 10 ms slices. */
#ifndef HV_SCHED_H
#define HV_SCHED_H

#include <hv/types.h>

struct vcpu;

#define SCHED_SLICE_NS 10000000ULL

void sched_init(void);
void sched_init_cpu(unsigned int cpu);
/* Makes the vCPU runnable again if nothing else holds it. */
void vcpu_wake(struct vcpu *v);
/* Takes the vCPU off the CPUs; the _sync form waits until it has stopped. */
void vcpu_sleep_nosync(struct vcpu *v);
void vcpu_sleep_sync(struct vcpu *v);
/* Delivers an event: wakes a blocked vCPU or makes its next block return. */
void vcpu_send_event(struct vcpu *v);
bool vcpu_runnable(const struct vcpu *v);
/* Nanoseconds of CPU @v has used, the current run included; never decreases. */
uint64_t vcpu_cpu_time(const struct vcpu *v);
/* The SCHEDULE softirq: picks what runs next on this CPU. */
void schedule(void);
/* Never returns: this CPU's idle loop. */
__noreturn void idle_loop(void);

#endif /* HV_SCHED_H */
