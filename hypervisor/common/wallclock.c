/* SPDX-License-Identifier: MIT */
/* The wall clock (see hv/wallclock.h). */
#include <hv/wallclock.h>
#include <hv/arch.h>
#include <hv/errno.h>
#include <hv/spinlock.h>

#define NSEC_PER_SEC 1000000000ULL

static uint64_t boot_sec;
static uint32_t boot_nsec;
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
    boot_sec = at_boot / NSEC_PER_SEC;
    boot_nsec = (uint32_t)(at_boot % NSEC_PER_SEC);
    arch_wallclock_publish(boot_sec, boot_nsec);
    spin_unlock(&wallclock_lock);
    return 0;
}

void wallclock_get(uint64_t *sec, uint32_t *nsec)
{
    spin_lock(&wallclock_lock);
    *sec = boot_sec;
    *nsec = boot_nsec;
    spin_unlock(&wallclock_lock);
}
