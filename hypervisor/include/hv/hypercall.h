/* SPDX-License-Identifier: MIT */
/*
 * Hypercall handlers, numbered as in Xen's <xen/xen.h>.  The arch entry
 * code reads the number and up to five arguments from the guest's
 * registers and calls hypercall_dispatch().
 */
#ifndef HV_HYPERCALL_H
#define HV_HYPERCALL_H

#include <hv/types.h>
#include <hv/guest_access.h>

#define HYPERCALL_MAX_ARGS 5

long hypercall_dispatch(unsigned long nr, const unsigned long args[HYPERCALL_MAX_ARGS]);

long do_console_io(unsigned int cmd, unsigned int count, guest_ptr_t buf);
long do_xen_version(unsigned int cmd, guest_ptr_t arg);
long do_sched_op(unsigned int cmd, guest_ptr_t arg);
long do_set_timer_op(uint64_t deadline_ns);
long do_multicall(guest_ptr_t list, unsigned int nr_calls);
long do_platform_op(guest_ptr_t arg);
long do_domctl(guest_ptr_t u_domctl);
long do_sysctl(guest_ptr_t u_sysctl);
/* Hypercalls only some architectures have; -ENOSYS elsewhere. */
long arch_do_hypercall(unsigned long nr, const unsigned long args[HYPERCALL_MAX_ARGS]);

#endif /* HV_HYPERCALL_H */
