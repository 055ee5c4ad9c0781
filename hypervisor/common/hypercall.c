/* SPDX-License-Identifier: MIT */
/* Hypercall dispatch by Xen's hypercall numbers. */
#include <hv/hypercall.h>
#include <hv/errno.h>
#include <public/xen.h>

long hypercall_dispatch(unsigned long nr, const unsigned long args[HYPERCALL_MAX_ARGS])
{
    switch (nr) {
    case __HYPERVISOR_console_io:
        return do_console_io((unsigned int)args[0], (unsigned int)args[1], guest_ptr(args[2]));
    case __HYPERVISOR_xen_version:
        return do_xen_version((unsigned int)args[0], guest_ptr(args[1]));
    case __HYPERVISOR_platform_op:
        return do_platform_op(guest_ptr(args[0]));
    case __HYPERVISOR_multicall:
        return do_multicall(guest_ptr(args[0]), (unsigned int)args[1]);
    case __HYPERVISOR_set_timer_op:
        return do_set_timer_op(args[0]);
    case __HYPERVISOR_sched_op:
        return do_sched_op((unsigned int)args[0], guest_ptr(args[1]));
    case __HYPERVISOR_sysctl:
        return do_sysctl(guest_ptr(args[0]));
    case __HYPERVISOR_domctl:
        return do_domctl(guest_ptr(args[0]));
    default:
        return arch_do_hypercall(nr, args);
    }
}
