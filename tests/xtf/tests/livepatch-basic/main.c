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
    XTF_EXPECT(lp_count(), 0);
    XTF_EXPECT(lp_get("hello", &st), -XEN_ENOENT);
    XTF_EXPECT(lp_action("hello", LIVEPATCH_ACTION_APPLY, 0, 0), -XEN_ENOENT);

    XTF_EXPECT(lp_upload_file("hello", "hello.livepatch"), 0);
    XTF_EXPECT(lp_upload_file("hello", "hello.livepatch"), -XEN_EEXIST);
    XTF_EXPECT(lp_get("hello", &st), 0);
    XTF_EXPECT(st.state, LIVEPATCH_STATE_CHECKED);
    XTF_EXPECT(lp_count(), 1);
    lp_expect_extra(original, "after upload");

    lp_expect_run("hello", LIVEPATCH_ACTION_APPLY, 0);
    XTF_EXPECT(lp_state("hello"), LIVEPATCH_STATE_APPLIED);
    lp_expect_extra("Hello World", "hello applied");
    XTF_EXPECT(lp_action("hello", LIVEPATCH_ACTION_APPLY, 0, 0), 0); /* nothing to do */
    XTF_EXPECT(lp_action("hello", LIVEPATCH_ACTION_UNLOAD, 0, 0), -XEN_EINVAL);

    XTF_EXPECT(lp_upload_file("bye", "bye.livepatch"), 0);
    lp_expect_run("bye", LIVEPATCH_ACTION_APPLY, 0);
    lp_expect_extra("Bye World!", "bye stacked on hello");
    XTF_EXPECT(lp_action("hello", LIVEPATCH_ACTION_REVERT, 0, 0), -XEN_EBUSY); /* bye is on top */
    lp_expect_extra("Bye World!", "refused revert");

    lp_expect_run("bye", LIVEPATCH_ACTION_REVERT, 0);
    lp_expect_extra("Hello World", "bye reverted");
    lp_expect_run("hello", LIVEPATCH_ACTION_REVERT, 0);
    lp_expect_extra(original, "hello reverted");
    XTF_EXPECT(lp_state("hello"), LIVEPATCH_STATE_CHECKED);

    /* hello has writable data: applying it again needs a fresh upload. */
    lp_expect_run("hello", LIVEPATCH_ACTION_APPLY, -XEN_EINVAL);
    lp_expect_extra(original, "refused re-apply");

    XTF_EXPECT(lp_action("bye", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    XTF_EXPECT(lp_action("hello", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    XTF_EXPECT(lp_action("hello", LIVEPATCH_ACTION_UNLOAD, 0, 0), -XEN_ENOENT);
    XTF_EXPECT(lp_count(), 0);
    check_caller(caller);
    if (!xtf_status_reported())
        xtf_success("the whole walk behaved as Xen's does");
}
