/* SPDX-License-Identifier: MIT */
/*
 * Guest time and the one-shot timer: system time read from shared_info
 * moves forward at the TSC's measured rate; HYPERVISOR_set_timer_op wakes
 * a blocked vCPU once its deadline passes, not before; re-arming replaces
 * the deadline, 0 cancels it, a past deadline wakes at once; and the
 * shared_info page is read-only.  Runs as dom0, alone, so nothing else
 * notifies it: each SCHEDOP_block returns only because of the timer.
 */
#include <xtf.h>
#include <xtf/time.h>
#include <arch/setup.h>

const char test_title[] = "Guest time and set_timer_op";

#define MS 1000000ULL

/*
 * System time moves forward, and shared_info's scale turns TSC ticks into
 * nanoseconds at the TSC rate the hypervisor measured (physinfo).  The
 * scale is checked on a fixed number of ticks rather than by timing two
 * clocks against each other, which the host can upset by descheduling us.
 */
static void check_clock(void)
{
    const struct vcpu_time_info *t =
        &((const struct shared_info *)start_info->shared_info)->vcpu_info[0].time;
    const uint64_t ticks = 1ULL << 31;
    struct xen_sysctl_physinfo pi;
    uint64_t prev = xtf_now_ns(), first = prev, scaled, expect_ns;

    for (unsigned int i = 0; i < 100000; i++) {
        uint64_t now = xtf_now_ns();

        if (now < prev)
            return xtf_failure("time went back from %lu to %lu ns", prev, now);
        prev = now;
    }
    if (prev == first)
        return xtf_failure("time did not move in 100000 reads");
    if (sysctl_physinfo(&pi) || !pi.cpu_khz)
        return xtf_error("physinfo gives no cpu_khz");
    scaled = t->tsc_shift >= 0 ? ticks << t->tsc_shift : ticks >> -t->tsc_shift;
    scaled = (uint64_t)(((unsigned __int128)scaled * t->tsc_to_system_mul) >> 32);
    expect_ns = ticks * 1000000ULL / pi.cpu_khz;
    if (scaled * 1000 < expect_ns * 999 || scaled * 1000 > expect_ns * 1001)
        xtf_failure("%lu TSC ticks at %u kHz are %lu ns, but shared_info scales them to %lu ns",
                    ticks, pi.cpu_khz, expect_ns, scaled);
}

/* Blocks once and returns how far past @deadline we woke (negative: early). */
static long long block_once(uint64_t deadline)
{
    hypercall_block();
    return (long long)(xtf_now_ns() - deadline);
}

static void check_timer(void)
{
    uint64_t deadline;
    long long late;

    deadline = xtf_now_ns() + 20 * MS;
    XTF_EXPECT(hypercall_set_timer_op(deadline), 0);
    late = block_once(deadline);
    if (late < 0)
        xtf_failure("woke %lld ns before the 20 ms deadline", -late);

    /* Re-arming replaces the deadline: a far one would hang the test. */
    XTF_EXPECT(hypercall_set_timer_op(xtf_now_ns() + 3600000 * MS), 0);
    deadline = xtf_now_ns() + 10 * MS;
    XTF_EXPECT(hypercall_set_timer_op(deadline), 0);
    if (block_once(deadline) < 0)
        xtf_failure("the re-armed timer woke us before its deadline");

    /* A cancelled timer must not wake us: only the later one may. */
    XTF_EXPECT(hypercall_set_timer_op(xtf_now_ns() + 2 * MS), 0);
    XTF_EXPECT(hypercall_set_timer_op(0), 0);
    deadline = xtf_now_ns() + 30 * MS;
    XTF_EXPECT(hypercall_set_timer_op(deadline), 0);
    late = block_once(deadline);
    if (late < 0)
        xtf_failure("a cancelled timer woke us %lld ns before the live one", -late);

    /* A deadline in the past notifies at once (else this blocks for good). */
    XTF_EXPECT(hypercall_set_timer_op(1), 0);
    hypercall_block();

    deadline = xtf_now_ns() + 5 * MS;
    xtf_sleep_until(deadline);
    if (xtf_now_ns() < deadline)
        xtf_failure("xtf_sleep_until returned early");
}

static void check_page(void)
{
    unsigned long page = start_info->shared_info;
    exinfo_t ex;
    char text[48];

    if (probe_read(page))
        return xtf_failure("shared_info at %#lx is not readable", page);
    ex = probe_write(page);
    if (!(ex & EXINFO_EXPECTED) || EXINFO_VEC(ex) != VEC_PF)
        xtf_failure("write to shared_info: got %s, expected #PF",
                    exinfo_str(ex, text, sizeof(text)));
    ex = probe_exec(page);
    if (!(ex & EXINFO_EXPECTED) || EXINFO_VEC(ex) != VEC_PF)
        xtf_failure("execute shared_info: got %s, expected #PF",
                    exinfo_str(ex, text, sizeof(text)));
}

void test_main(void)
{
    if (!start_info->shared_info)
        return xtf_failure("start_info has no shared_info page");
    check_clock();
    check_timer();
    check_page();
    if (!xtf_status_reported())
        xtf_success("time is consistent and the timer wakes us on time");
}
