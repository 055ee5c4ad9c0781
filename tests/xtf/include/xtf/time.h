/* SPDX-License-Identifier: MIT */
/*
 * System time, nanoseconds since the hypervisor booted: the clock of
 * HYPERVISOR_set_timer_op, read from the shared_info page.
 */
#ifndef XTF_TIME_H
#define XTF_TIME_H

#include <xtf/hypercall.h>

uint64_t xtf_now_ns(void);

/* Arms this vCPU's one-shot timer for @deadline_ns (0 cancels it). */
static inline long hypercall_set_timer_op(uint64_t deadline_ns)
{
    return hypercall_raw(__HYPERVISOR_set_timer_op, deadline_ns, 0, 0, 0, 0);
}

/* Blocks until system time reaches @deadline_ns. */
void xtf_sleep_until(uint64_t deadline_ns);

#endif /* XTF_TIME_H */
