/* SPDX-License-Identifier: MIT */
/* The wall clock (see hv/wallclock.h). */
#include <hv/wallclock.h>
#include <hv/arch.h>
#include <hv/errno.h>
#include <hv/spinlock.h>

#define NSEC_PER_SEC 1000000000ULL

/* One setter at a time: the arch publishes with a version count. */
static spinlock_t wallclock_lock = SPIN_LOCK_UNLOCKED;

int wallclock_set(uint64_t secs, uint32_t nsecs, uint64_t system_time)
{
    uint64_t now_ns, at_boot;

    if (nsecs >= NSEC_PER_SEC || secs > (UINT64_MAX - nsecs) / NSEC_PER_SEC)
        return -EINVAL;
    now_ns = secs * NSEC_PER_SEC + nsecs;
    if (now_ns < system_time)
        return -EINVAL;
    at_boot = now_ns - system_time;
    spin_lock(&wallclock_lock);
    arch_wallclock_publish(at_boot / NSEC_PER_SEC, (uint32_t)(at_boot % NSEC_PER_SEC));
    spin_unlock(&wallclock_lock);
    return 0;
}
