/* SPDX-License-Identifier: MIT */
/* Helper guest: burns CPU forever, so others can watch it run. */
#include <xtf.h>

const char test_title[] = "Helper: spin";

void test_main(void)
{
    for (volatile unsigned long n = 0;; n++)
        ;
}
