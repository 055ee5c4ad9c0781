/* SPDX-License-Identifier: MIT */
/*
 * The live-patch state machine through the real sysctl, as Xen's own test
 * walk does: upload, apply, stack a second payload on the first, revert in
 * order only, unload, and every refusal on the way.  After each step the
 * extra version (what the patched function returns) and GET must agree.  A
 * domain keeps calling the patched code on the other CPU all along.
 */
#include <xtf.h>
#include <xtf/bundle.h>
#include <xtf/livepatch.h>

const char test_title[] = "Live patching: apply, stack, revert, unload";

static char original[16];

#define EXPECT(expr, want)                                                      \
    do {                                                                        \
        long rc_ = (expr);                                                      \
        if (rc_ != (want))                                                      \
            xtf_failure("%s: got %ld, expected %ld", #expr, rc_, (long)(want)); \
    } while (0)

static void expect_extra(const char *want, const char *when)
{
    char now[16];

    lp_extraversion(now);
    if (strcmp(now, want))
        xtf_failure("%s: extra version '%s', expected '%s'", when, now, want);
}

/* Runs an action and expects it to be accepted and to end with @want_rc. */
static void run(const char *name, uint32_t cmd, int32_t want_rc)
{
    int32_t rc;
    long ret = lp_run(name, cmd, &rc);

    if (ret || rc != want_rc)
        xtf_failure("%s action %u: returned %ld, rc %d (expected 0, rc %d)", name, cmd, ret, rc,
                    want_rc);
}

static domid_t start_caller(void)
{
    size_t size;
    const void *image = bundle_file("helper-pv64-xenver-loop", &size);
    domid_t d = 0;

    if (!image || domctl_create(&d) || domctl_load_image(d, image, size, 1024, "") ||
        domctl_simple(XEN_DOMCTL_unpausedomain, d))
        xtf_error("cannot start the domain that calls the patched code");
    return d;
}

static void check_caller(domid_t d)
{
    struct xen_domctl_getdomaininfo info;

    if (domctl_getinfo(d, &info) || info.domain != d || (info.flags & XEN_DOMINF_shutdown))
        xtf_failure("the domain calling the patched code died (flags %#x)", info.flags);
    else
        printk("the caller ran for %lu ms meanwhile\n", (unsigned long)(info.cpu_time / 1000000));
    domctl_simple(XEN_DOMCTL_destroydomain, d);
}

void test_main(void)
{
    struct xen_livepatch_status st;
    domid_t caller = start_caller();

    lp_extraversion(original);
    EXPECT(lp_count(), 0);
    EXPECT(lp_get("hello", &st), -XEN_ENOENT);
    EXPECT(lp_action("hello", LIVEPATCH_ACTION_APPLY, 0, 0), -XEN_ENOENT);

    EXPECT(lp_upload_file("hello", "hello.livepatch"), 0);
    EXPECT(lp_upload_file("hello", "hello.livepatch"), -XEN_EEXIST);
    EXPECT(lp_get("hello", &st), 0);
    EXPECT(st.state, LIVEPATCH_STATE_CHECKED);
    EXPECT(lp_count(), 1);
    expect_extra(original, "after upload");

    run("hello", LIVEPATCH_ACTION_APPLY, 0);
    EXPECT(lp_state("hello"), LIVEPATCH_STATE_APPLIED);
    expect_extra("Hello World", "hello applied");
    EXPECT(lp_action("hello", LIVEPATCH_ACTION_APPLY, 0, 0), 0); /* nothing to do */
    EXPECT(lp_action("hello", LIVEPATCH_ACTION_UNLOAD, 0, 0), -XEN_EINVAL);

    EXPECT(lp_upload_file("bye", "bye.livepatch"), 0);
    run("bye", LIVEPATCH_ACTION_APPLY, 0);
    expect_extra("Bye World!", "bye stacked on hello");
    EXPECT(lp_action("hello", LIVEPATCH_ACTION_REVERT, 0, 0), -XEN_EBUSY); /* bye is on top */
    expect_extra("Bye World!", "refused revert");

    run("bye", LIVEPATCH_ACTION_REVERT, 0);
    expect_extra("Hello World", "bye reverted");
    run("hello", LIVEPATCH_ACTION_REVERT, 0);
    expect_extra(original, "hello reverted");
    EXPECT(lp_state("hello"), LIVEPATCH_STATE_CHECKED);

    /* hello has writable data: applying it again needs a fresh upload. */
    run("hello", LIVEPATCH_ACTION_APPLY, -XEN_EINVAL);
    expect_extra(original, "refused re-apply");

    EXPECT(lp_action("bye", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    EXPECT(lp_action("hello", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    EXPECT(lp_action("hello", LIVEPATCH_ACTION_UNLOAD, 0, 0), -XEN_ENOENT);
    EXPECT(lp_count(), 0);
    check_caller(caller);
    if (!xtf_status_reported())
        xtf_success("the whole walk behaved as Xen's does");
}
