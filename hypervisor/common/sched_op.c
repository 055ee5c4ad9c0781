/* SPDX-License-Identifier: MIT */
/*
 * The sched_op hypercall: yield, block, shutdown and remote_shutdown.
 * There are no event channels; an "event" is a notification from the
 * hypervisor (for dom0: another domain changed state).  SCHEDOP_block
 * returns once one arrived since the previous block, possibly spuriously,
 * so guests re-check their condition in a loop.
 */
#include <hv/hypercall.h>
#include <hv/domain.h>
#include <hv/percpu.h>
#include <hv/sched.h>
#include <hv/softirq.h>
#include <public/sched.h>

static long sched_block(void)
{
    struct vcpu *v = current;

    __atomic_fetch_or(&v->pause_flags, VPF_blocked, __ATOMIC_SEQ_CST);
    if (__atomic_exchange_n(&v->event_pending, false, __ATOMIC_SEQ_CST)) {
        __atomic_fetch_and(&v->pause_flags, ~VPF_blocked, __ATOMIC_SEQ_CST);
        return 0;
    }
    vcpu_sleep_nosync(v);
    return 0;
}

static long sched_shutdown(guest_ptr_t arg)
{
    struct sched_shutdown s;

    if (copy_from_guest(&s, arg, sizeof(s)))
        return -EFAULT;
    if (s.reason > SHUTDOWN_MAX)
        return -EINVAL;
    domain_shutdown(current->domain, s.reason);
    return 0;
}

static long sched_remote_shutdown(guest_ptr_t arg)
{
    struct sched_remote_shutdown s;
    struct domain *d;

    if (!current->domain->is_privileged)
        return -EPERM;
    if (copy_from_guest(&s, arg, sizeof(s)))
        return -EFAULT;
    if (s.reason > SHUTDOWN_MAX)
        return -EINVAL;
    domlist_lock_acquire();
    d = domain_by_id(s.domain_id);
    if (d && d != dom0)
        domain_shutdown(d, s.reason);
    domlist_lock_release();
    return d ? (d == dom0 ? -EINVAL : 0) : -ESRCH;
}

long do_sched_op(unsigned int cmd, guest_ptr_t arg)
{
    switch (cmd) {
    case SCHEDOP_yield:
        this_cpu()->slice_end = 0;
        raise_softirq(SOFTIRQ_SCHEDULE);
        return 0;
    case SCHEDOP_block:
        return sched_block();
    case SCHEDOP_shutdown:
        return sched_shutdown(arg);
    case SCHEDOP_remote_shutdown:
        return sched_remote_shutdown(arg);
    default:
        return -ENOSYS;
    }
}
