/* SPDX-License-Identifier: MIT */
/*
 * A fixture for testing the runner, not the hypervisor: it reports
 * whatever result its command line (its variation) asks for, or none
 * ("noreport": ERROR), or never finishes ("hang": CRASH by timeout).
 * It is selected only when named.
 */
#include <xtf.h>

const char test_title[] = "Runner probe";

static bool is(const char *want)
{
    return !strcmp(test_cmdline(), want);
}

void test_main(void)
{
    if (is("success"))
        xtf_success("as asked");
    else if (is("warning")) {
        xtf_warning("as asked");
        xtf_success(NULL);
    } else if (is("skip"))
        xtf_skip("as asked");
    else if (is("error"))
        xtf_error("as asked");
    else if (is("failure"))
        xtf_failure("as asked");
    else if (is("hang"))
        for (;;)
            hypercall_yield();
}
