/* SPDX-License-Identifier: MIT */
/*
 * The changed function calls a new function another object of the same
 * payload defines ("--extern ex_elsewhere"): it stays undefined, for the
 * link with that object to resolve.
 */
#include "corpus.h"

int ex_main(int x);
int ex_elsewhere(int x);

int ex_main(int x)
{
    printk("main %d\n", x);
    return ex_elsewhere(x) + 1;
}
