/* SPDX-License-Identifier: MIT */
/* Existing data changes (an initial value): refused, whatever else changes. */
#include "corpus.h"

int dc_limit = 6;
int dc_check(int x);

int dc_check(int x)
{
    printk("check %d\n", x);
    return x <= dc_limit;
}
