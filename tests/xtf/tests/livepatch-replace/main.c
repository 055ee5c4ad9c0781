/* SPDX-License-Identifier: MIT */
/*
 * REPLACE: with hello and bye stacked, replacing them with one payload
 * reverts both (newest first) and applies it in one rendezvous.  The
 * replaced payloads stay loaded but CHECKED; hello (writable data) may not
 * be re-applied, bye no longer has its dependency on top.  A payload whose
 * functions are found by name (old_addr 0) is used, and REPLACE on an
 * applied payload changes nothing.
 */
#include <xtf.h>
#include <xtf/livepatch.h>

const char test_title[] = "Live patching: replace a stack of payloads";

void test_main(void)
{
    char original[16];

    lp_extraversion(original);
    XTF_EXPECT(lp_upload_file("hello", "hello.livepatch"), 0);
    XTF_EXPECT(lp_upload_file("bye", "bye.livepatch"), 0);
    XTF_EXPECT(lp_upload_file("replace", "replace.livepatch"), 0);
    lp_expect_run("hello", LIVEPATCH_ACTION_APPLY, 0);
    lp_expect_run("bye", LIVEPATCH_ACTION_APPLY, 0);
    lp_expect_extra("Bye World!", "hello and bye applied");

    lp_expect_run("replace", LIVEPATCH_ACTION_REPLACE, 0);
    lp_expect_extra("Hello Again Wor", "replaced"); /* 18 characters, 16-byte field */
    XTF_EXPECT(lp_state("hello"), LIVEPATCH_STATE_CHECKED);
    XTF_EXPECT(lp_state("bye"), LIVEPATCH_STATE_CHECKED);
    XTF_EXPECT(lp_state("replace"), LIVEPATCH_STATE_APPLIED);
    XTF_EXPECT(lp_action("replace", LIVEPATCH_ACTION_REPLACE, 0, 0), 0); /* nothing to do */

    lp_expect_run("hello", LIVEPATCH_ACTION_APPLY, -XEN_EINVAL);             /* writable data */
    XTF_EXPECT(lp_action("bye", LIVEPATCH_ACTION_APPLY, 0, 0), -XEN_EINVAL); /* depends on hello */
    lp_expect_extra("Hello Again Wor", "refused applies");

    lp_expect_run("replace", LIVEPATCH_ACTION_REVERT, 0);
    lp_expect_extra(original, "replace reverted");
    lp_expect_run("replace", LIVEPATCH_ACTION_APPLY, 0); /* no writable data: may re-apply */
    lp_expect_extra("Hello Again Wor", "replace re-applied");
    lp_expect_run("replace", LIVEPATCH_ACTION_REVERT, 0);

    XTF_EXPECT(lp_action("replace", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    XTF_EXPECT(lp_action("bye", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    XTF_EXPECT(lp_action("hello", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    XTF_EXPECT(lp_count(), 0);
    lp_expect_extra(original, "all unloaded");
    if (!xtf_status_reported())
        xtf_success(NULL);
}
