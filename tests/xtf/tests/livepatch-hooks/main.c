/* SPDX-License-Identifier: MIT */
/*
 * Hooks: pre/post hooks run once each and a pre-hook can veto (the first
 * revert is refused, the second goes through); a pre-apply hook that always
 * refuses keeps its payload out; action hooks that patch themselves work;
 * one that fails leaves nothing patched, even after patching one of two
 * functions (all or nothing).
 */
#include <xtf.h>
#include <xtf/livepatch.h>

const char test_title[] = "Live patching: hooks";

static char original[16];

static void vetoing_hooks(void)
{
    XTF_EXPECT(lp_upload_file("pp", "prepost_hooks.livepatch"), 0);
    lp_expect_run("pp", LIVEPATCH_ACTION_APPLY, 0);
    lp_expect_extra("H1100", "pre/post apply hooks ran once");              /* pre, post, -, - */
    XTF_EXPECT(lp_action("pp", LIVEPATCH_ACTION_REVERT, 0, 0), -XEN_EBUSY); /* vetoed */
    XTF_EXPECT(lp_state("pp"), LIVEPATCH_STATE_APPLIED);
    lp_expect_extra("H1110", "vetoed revert");
    lp_expect_run("pp", LIVEPATCH_ACTION_REVERT, 0);
    lp_expect_extra(original, "reverted on the second try");
    XTF_EXPECT(lp_action("pp", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);

    XTF_EXPECT(lp_upload_file("ppf", "prepost_hooks_fail.livepatch"), 0);
    XTF_EXPECT(lp_action("ppf", LIVEPATCH_ACTION_APPLY, 0, 0), -XEN_EINVAL);
    XTF_EXPECT(lp_state("ppf"), LIVEPATCH_STATE_CHECKED);
    lp_expect_extra(original, "vetoed apply");
    XTF_EXPECT(lp_action("ppf", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
}

static void action_hooks(void)
{
    XTF_EXPECT(lp_upload_file("ah", "action_hooks.livepatch"), 0);
    lp_expect_run("ah", LIVEPATCH_ACTION_APPLY, 0);
    lp_expect_extra("Action hooks", "apply hook patched");
    lp_expect_run("ah", LIVEPATCH_ACTION_REVERT, 0);
    lp_expect_extra(original, "revert hook unpatched");
    XTF_EXPECT(lp_action("ah", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);

    XTF_EXPECT(lp_upload_file("noapply", "action_hooks_noapply.livepatch"), 0);
    lp_expect_run("noapply", LIVEPATCH_ACTION_APPLY, -XEN_EINVAL);
    XTF_EXPECT(lp_state("noapply"), LIVEPATCH_STATE_CHECKED);
    lp_expect_extra(original, "failed apply hook");
    XTF_EXPECT(lp_action("noapply", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);

    XTF_EXPECT(lp_upload_file("partial", "action_hooks_partial.livepatch"), 0);
    lp_expect_run("partial", LIVEPATCH_ACTION_APPLY, -XEN_EIO);
    XTF_EXPECT(lp_state("partial"), LIVEPATCH_STATE_CHECKED);
    lp_expect_extra(original, "half-applied hook undone");
    XTF_EXPECT(hypercall_xen_version(XENVER_version, NULL) >> 16, 4);
    XTF_EXPECT(lp_action("partial", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
}

void test_main(void)
{
    lp_extraversion(original);
    vetoing_hooks();
    action_hooks();
    XTF_EXPECT(lp_count(), 0);
    if (!xtf_status_reported())
        xtf_success(NULL);
}
