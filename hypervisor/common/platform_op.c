/* SPDX-License-Identifier: MIT */
/*
 * HYPERVISOR_platform_op: machine-wide settings, for the control domain.
 * Only XENPF_settime64 (the wall clock) is implemented; other commands
 * are -ENOSYS.  As for sysctl, a mismatched interface_version is -EACCES.
 */
#include <hv/domain.h>
#include <hv/errno.h>
#include <hv/hypercall.h>
#include <hv/percpu.h>
#include <hv/wallclock.h>
#include <public/platform.h>

static long settime64(const struct xenpf_settime64 *t)
{
    if (t->mbz)
        return -EINVAL;
    return wallclock_set(t->secs, t->nsecs, t->system_time);
}

long do_platform_op(guest_ptr_t arg)
{
    struct xen_platform_op op;

    if (copy_from_guest(&op, arg, sizeof(op)))
        return -EFAULT;
    if (op.interface_version != XENPF_INTERFACE_VERSION)
        return -EACCES;
    switch (op.cmd) {
    case XENPF_settime64:
        return settime64(&op.u.settime64);
    default:
        return -ENOSYS;
    }
}
