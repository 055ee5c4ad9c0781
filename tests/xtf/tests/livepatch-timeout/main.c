/* SPDX-License-Identifier: MIT */
/*
 * The rendezvous is bounded: with another CPU held busy with interrupts
 * off (XEN_SYSCTL_test_hold_cpu, only in the test build), APPLY with a
 * 30 ms timeout must end with -EBUSY, the payload still CHECKED and not a
 * byte of text changed (an expectation on the old function still holds).
 * Once the CPU is free again the same APPLY succeeds.
 */
#include <xtf.h>
#include <xtf/livepatch.h>
#include <public/sysctl-test.h>

const char test_title[] = "Live patching: rendezvous timeout";

#define HOLD_MS 300
#define TIMEOUT_NS 30000000u

static long hold_other_cpu(uint32_t ms)
{
    struct xen_sysctl op = { .cmd = XEN_SYSCTL_test_hold_cpu };

    ((struct xen_sysctl_test_hold_cpu *)&op.u)->ms = ms;
    return hypercall_sysctl(&op);
}

static int32_t apply_with_timeout(const char *name)
{
    struct xen_livepatch_status st = { .rc = -XEN_EAGAIN };
    long rc = lp_action(name, LIVEPATCH_ACTION_APPLY, TIMEOUT_NS, 0);

    if (rc)
        return (int32_t)rc;
    for (int i = 0; i < 100000 && st.rc == -XEN_EAGAIN; i++)
        if (lp_get(name, &st))
            break;
    return st.rc;
}

void test_main(void)
{
    char original[16];
    int32_t rc = -XEN_EBUSY;

    lp_extraversion(original);
    XTF_EXPECT(lp_upload_file("hello", "hello.livepatch"), 0);
    XTF_EXPECT(lp_upload_file("exp", "expectations.livepatch"), 0);
    if (hold_other_cpu(HOLD_MS)) {
        xtf_error("cannot hold a CPU: is this the test build with 2 CPUs?");
        return;
    }
    XTF_EXPECT(apply_with_timeout("hello"), -XEN_EBUSY);
    XTF_EXPECT(lp_state("hello"), LIVEPATCH_STATE_CHECKED);
    lp_expect_extra(original, "timed-out apply");

    /* Retry until the CPU comes back: each try waits at most 30 ms. */
    for (int tries = 0; tries < 100 && rc == -XEN_EBUSY; tries++)
        rc = apply_with_timeout("exp");
    XTF_EXPECT(rc, 0); /* the expectation held: the old bytes were untouched */
    lp_expect_extra("Expected World", "after the CPU came back");
    lp_expect_run("exp", LIVEPATCH_ACTION_REVERT, 0);
    XTF_EXPECT(lp_action("exp", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    XTF_EXPECT(lp_action("hello", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    if (!xtf_status_reported())
        xtf_success(NULL);
}
