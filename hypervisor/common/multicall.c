/* SPDX-License-Identifier: MIT */
/*
 * HYPERVISOR_multicall: a batch of hypercalls in one trap.  Each entry's
 * result is written back to it; the call itself returns 0, or -EFAULT if
 * an entry could not be read or its result not written (the entries
 * before it have run).  Batches are bounded: nothing here is preemptible,
 * so a batch must not keep the CPU for long.  Nested multicalls are
 * refused (-EINVAL in the entry's result).
 */
#include <hv/errno.h>
#include <hv/hypercall.h>
#include <public/xen.h>

#define MULTICALL_MAX 64

static long multicall_entry_run(multicall_entry_t *e)
{
    unsigned long args[HYPERCALL_MAX_ARGS];

    if (e->op == __HYPERVISOR_multicall)
        return -EINVAL;
    for (unsigned int i = 0; i < HYPERCALL_MAX_ARGS; i++)
        args[i] = e->args[i];
    return hypercall_dispatch(e->op, args);
}

long do_multicall(guest_ptr_t list, unsigned int nr_calls)
{
    /* The batch's size bounds the work done without preemption. */
    uint32_t bytes = nr_calls * (uint32_t)sizeof(multicall_entry_t);

    if (bytes > MULTICALL_MAX * sizeof(multicall_entry_t))
        return -EINVAL;
    for (unsigned int i = 0; i < nr_calls; i++) {
        guest_ptr_t at = guest_ptr_add(list, (uint64_t)i * sizeof(multicall_entry_t));
        multicall_entry_t e;

        if (copy_from_guest(&e, at, sizeof(e)))
            return -EFAULT;
        e.result = (xen_ulong_t)multicall_entry_run(&e);
        if (copy_to_guest(guest_ptr_add(at, offsetof(multicall_entry_t, result)), &e.result,
                          sizeof(e.result)))
            return -EFAULT;
    }
    return 0;
}
