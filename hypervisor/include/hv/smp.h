/* SPDX-License-Identifier: MIT */
/* Bringing CPUs into the common code. */
#ifndef HV_SMP_H
#define HV_SMP_H

#include <hv/types.h>

/* Sets up @cpu's common state (idle vCPU, timers); runs on the boot CPU. */
void cpu_common_prepare(unsigned int cpu);
/* Marks the calling CPU online and enters its idle loop. */
__noreturn void cpu_common_start(void);

#endif /* HV_SMP_H */
