/* SPDX-License-Identifier: MIT */
/*
 * HYPERVISOR_set_timer_op: each vCPU's single-shot timer.  The deadline is
 * system time, nanoseconds since boot, which a guest reads from its
 * vcpu_time_info; when it passes the vCPU is notified, so SCHEDOP_block
 * returns (Xen raises VIRQ_TIMER; we have no event channels).  0 cancels
 * the timer, and as in Xen a deadline already past notifies at once.
 */
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/percpu.h>
#include <hv/sched.h>
#include <hv/timer.h>

static void vcpu_timer_fired(void *data)
{
    vcpu_send_event(data);
}

void vcpu_timer_init(struct vcpu *v)
{
    timer_init(&v->singleshot_timer, vcpu_timer_fired, v);
}

void vcpu_timer_kill(struct vcpu *v)
{
    timer_stop(&v->singleshot_timer);
}

long do_set_timer_op(uint64_t deadline_ns)
{
    struct vcpu *v = current;

    if (!deadline_ns)
        timer_stop(&v->singleshot_timer);
    else
        timer_set(&v->singleshot_timer, deadline_ns);
    return 0;
}
