/* SPDX-License-Identifier: MIT */
/*
 * The smallest test: prints a greeting and reports success.  It shows that
 * the hypervisor boots, runs a guest and carries its console output.
 */
#include <xtf.h>

const char test_title[] = "Hello World";

void test_main(void)
{
    printk("Hello World\n");
    xtf_success(NULL);
}
