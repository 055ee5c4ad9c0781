/* SPDX-License-Identifier: MIT */
/*
 * With livepatch_sig=log, signatures are checked and reported but do not
 * decide: hello unsigned, signed with a key the hypervisor does not know,
 * and changed after signing all load and apply like the signed one (the
 * hypervisor logs why each did not verify).  What is not a payload at all
 * still meets the ELF checks: garbage is -EINVAL, not the -EACCES of
 * enforce mode.
 */
#include <xtf.h>
#include <xtf/livepatch.h>

const char test_title[] = "Live patching: signatures only logged";

void test_main(void)
{
    static uint8_t garbage[4096];

    lp_expect_loads("hello.livepatch", "Hello World");
    lp_expect_loads("hello-unsigned.livepatch", "Hello World");
    lp_expect_loads("hello-untrusted-2048.livepatch", "Hello World");
    lp_expect_loads("hello-tampered.livepatch", "Hello World");
    memset(garbage, 0x5a, sizeof(garbage));
    XTF_EXPECT(lp_upload("g", garbage, sizeof(garbage)), -XEN_EINVAL);
    XTF_EXPECT(lp_count(), 0);
    if (!xtf_status_reported())
        xtf_success(NULL);
}
