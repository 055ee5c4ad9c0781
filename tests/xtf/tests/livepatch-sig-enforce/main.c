/* SPDX-License-Identifier: MIT */
/*
 * With livepatch_sig=enforce, only payloads signed with a built-in key
 * load.  hello signed with each test key (RSA-2048, RSA-3072, RSA-4096)
 * loads, applies and reverts; hello unsigned, signed with a key the
 * hypervisor does not know, or changed after signing is refused with the
 * error that names why, and leaves nothing loaded.  (The unit tests check
 * the log line of each refusal.)
 */
#include <xtf.h>
#include <xtf/livepatch.h>

const char test_title[] = "Live patching: signatures enforced";

void test_main(void)
{
    lp_expect_loads("hello.livepatch", "Hello World"); /* test-2048, as every test payload */
    lp_expect_loads("hello-test-3072.livepatch", "Hello World");
    lp_expect_loads("hello-test-4096.livepatch", "Hello World");
    XTF_EXPECT(lp_upload_file("hello", "hello-unsigned.livepatch"), -XEN_EACCES);
    XTF_EXPECT(lp_upload_file("hello", "hello-untrusted-2048.livepatch"), -XEN_ENXIO);
    XTF_EXPECT(lp_upload_file("hello", "hello-tampered.livepatch"), -XEN_EBADMSG);
    XTF_EXPECT(lp_count(), 0);
    if (!xtf_status_reported())
        xtf_success(NULL);
}
