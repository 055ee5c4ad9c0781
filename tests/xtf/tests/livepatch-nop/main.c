/* SPDX-License-Identifier: MIT */
/*
 * NOP patching: the nop payload turns the body of xen_minor_version into
 * NOPs, so the minor version changes, and back on revert.  It has no
 * writable data, so it may be applied again.  The same payload without
 * .livepatch.xen_depends is refused at upload.
 */
#include <xtf.h>
#include <xtf/livepatch.h>

const char test_title[] = "Live patching: NOP a function";

static long minor(void)
{
    return hypercall_xen_version(XENVER_version, NULL) & 0xffff;
}

void test_main(void)
{
    XTF_EXPECT(lp_upload_file("nox", "no_xen_buildid.livepatch"), -XEN_EINVAL);
    XTF_EXPECT(minor(), 17);
    XTF_EXPECT(lp_upload_file("nop", "nop.livepatch"), 0);
    for (int round = 0; round < 2; round++) {
        lp_expect_run("nop", LIVEPATCH_ACTION_APPLY, 0);
        if (minor() == 17)
            xtf_failure("round %d: the minor version did not change", round);
        XTF_EXPECT(lp_action("nop", LIVEPATCH_ACTION_UNLOAD, 0, 0), -XEN_EINVAL); /* applied */
        lp_expect_run("nop", LIVEPATCH_ACTION_REVERT, 0);
        XTF_EXPECT(minor(), 17);
    }
    XTF_EXPECT(lp_action("nop", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    if (!xtf_status_reported())
        xtf_success(NULL);
}
