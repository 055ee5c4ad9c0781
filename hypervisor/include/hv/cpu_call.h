/* SPDX-License-Identifier: MIT */
/* Running a function on another CPU at its next safe point. */
#ifndef HV_CPU_CALL_H
#define HV_CPU_CALL_H

#include <hv/types.h>

/*
 * Asks @cpu to run @fn(@data) from its CALL softirq, at its next safe point
 * (interrupts off, nothing else running there).  One request per CPU at a
 * time: -EBUSY while one is pending, -EINVAL for a CPU that is not online.
 */
int cpu_call(unsigned int cpu, void (*fn)(void *), void *data);
void cpu_call_softirq(void);

#endif /* HV_CPU_CALL_H */
