/* SPDX-License-Identifier: MIT */
/* Sleeping on the vCPU's one-shot timer. */
#include <xtf.h>
#include <xtf/time.h>

void xtf_sleep_until(uint64_t deadline_ns)
{
    long rc = hypercall_set_timer_op(deadline_ns);

    if (rc)
        panic("set_timer_op: %ld", rc);
    /* SCHEDOP_block may also return for other notifications. */
    while (xtf_now_ns() < deadline_ns)
        hypercall_block();
}
