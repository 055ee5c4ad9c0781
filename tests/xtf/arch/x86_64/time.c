/* SPDX-License-Identifier: MIT */
/*
 * Reading system time the Xen PV way: our own TSC, scaled by the
 * vcpu_time_info record in shared_info, retried while its version is odd
 * or changes under us.
 */
#include <xtf.h>
#include <xtf/time.h>
#include <arch/setup.h>

uint64_t xtf_now_ns(void)
{
    const struct shared_info *s = (const void *)start_info->shared_info;
    const volatile struct vcpu_time_info *t;
    uint32_t version;
    uint64_t ns;

    if (!s)
        panic("no shared_info page: the hypervisor gives no clock");
    t = &s->vcpu_info[0].time;
    do {
        uint64_t delta;

        version = t->version;
        __asm__ volatile("" ::: "memory");
        delta = arch_cycles() - t->tsc_timestamp;
        delta = t->tsc_shift >= 0 ? delta << t->tsc_shift : delta >> -t->tsc_shift;
        ns = t->system_time + (uint64_t)(((unsigned __int128)delta * t->tsc_to_system_mul) >> 32);
        __asm__ volatile("" ::: "memory");
    } while ((version & 1) || version != t->version);
    return ns;
}
