/* SPDX-License-Identifier: MIT */
/*
 * HVSA-3: platform_op has no privilege check, so any domain can set the
 * wall clock every guest reads from shared_info.  We try to set it to a
 * time of our choosing.  The wall clock outlives us: if it already holds
 * our time when we start, an earlier run set it and it was never put
 * right, which the fix must also do (its live patch resets it).  Runs
 * unprivileged.
 */
#include <xtf.h>

const char test_title[] = "HVSA-3: platform_op lets any domain set the wall clock";

#define OUR_TIME 0x600dcafeULL /* Unix seconds: 2021-01-24 */

static uint64_t wall_clock(void)
{
    const volatile struct shared_info *s = (const void *)start_info->shared_info;
    uint32_t version, lo, hi;

    do {
        version = s->wc_version;
        __asm__ volatile("" ::: "memory");
        lo = s->wc_sec;
        hi = s->wc_sec_hi;
        __asm__ volatile("" ::: "memory");
    } while ((version & 1) || version != s->wc_version);
    return ((uint64_t)hi << 32) | lo;
}

void test_main(void)
{
    struct xen_platform_op op = { .cmd = XENPF_settime64 };
    uint64_t before = wall_clock();
    long rc;

    if (before == OUR_TIME)
        return xtf_failure("Vulnerable: the wall clock still holds %#llx, the time an "
                           "unprivileged domain set",
                           (unsigned long long)before);
    op.u.settime64.secs = OUR_TIME;
    rc = hypercall_platform_op(&op);
    if (rc == -XEN_EPERM && wall_clock() == before)
        return xtf_success("XENPF_settime64 from an unprivileged domain: -EPERM");
    if (rc == 0 && wall_clock() == OUR_TIME)
        return xtf_failure("Vulnerable: an unprivileged domain set every guest's wall clock to "
                           "%#llx",
                           OUR_TIME);
    xtf_error("XENPF_settime64: %ld, wall clock %#llx", rc, (unsigned long long)wall_clock());
}
