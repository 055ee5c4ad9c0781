/* SPDX-License-Identifier: MIT */
/*
 * Expectations: a payload may require the bytes at an old function to be
 * what it was built against.  The right bytes (read from xen-syms at build
 * time) let it apply; wrong ones make APPLY refuse with -EINVAL before
 * anything is written.  Once a function is patched its bytes differ, so an
 * expectation on it then fails too.
 */
#include <xtf.h>
#include <xtf/livepatch.h>

const char test_title[] = "Live patching: expectations";

void test_main(void)
{
    char original[16];

    lp_extraversion(original);
    XTF_EXPECT(lp_upload_file("exp", "expectations.livepatch"), 0);
    XTF_EXPECT(lp_upload_file("expfail", "expectations_fail.livepatch"), 0);
    XTF_EXPECT(lp_action("expfail", LIVEPATCH_ACTION_APPLY, 0, 0), -XEN_EINVAL);
    lp_expect_extra(original, "failed expectation");

    lp_expect_run("exp", LIVEPATCH_ACTION_APPLY, 0);
    lp_expect_extra("Expected World", "met expectation");
    lp_expect_run("exp", LIVEPATCH_ACTION_REVERT, 0);

    /* The same payload again, now that its function is patched by hello. */
    XTF_EXPECT(lp_upload_file("hello", "hello.livepatch"), 0);
    lp_expect_run("hello", LIVEPATCH_ACTION_APPLY, 0);
    XTF_EXPECT(lp_action("exp", LIVEPATCH_ACTION_APPLY, 0, LIVEPATCH_ACTION_APPLY_NODEPS),
               -XEN_EINVAL);
    lp_expect_extra("Hello World", "expectation on patched code");
    lp_expect_run("hello", LIVEPATCH_ACTION_REVERT, 0);

    XTF_EXPECT(lp_action("hello", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    XTF_EXPECT(lp_action("exp", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    XTF_EXPECT(lp_action("expfail", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    if (!xtf_status_reported())
        xtf_success(NULL);
}
