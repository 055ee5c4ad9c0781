/* SPDX-License-Identifier: MIT */
/*
 * The wall clock: the Unix time at which system time was 0.  The control
 * domain sets it (XENPF_settime64); the arch publishes it to every guest
 * (x86: shared_info's wc_* fields).  Unset, it is 0.
 */
#ifndef HV_WALLCLOCK_H
#define HV_WALLCLOCK_H

#include <hv/types.h>

/*
 * Makes Unix time @secs.@nsecs correspond to system time @system_time.
 * -EINVAL if @nsecs is not below a second or that time is before boot.
 */
int wallclock_set(uint64_t secs, uint32_t nsecs, uint64_t system_time);

#endif /* HV_WALLCLOCK_H */
