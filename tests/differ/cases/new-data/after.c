/* SPDX-License-Identifier: MIT */
/*
 * New data: a new global variable and a new file-scope static, used by a
 * changed function, are carried in the output (the global exported).
 */
#include "corpus.h"

int nd_total;
static int nd_calls[4] = { 1, 2, 3, 4 };
int nd_account(int x);

int nd_account(int x)
{
    printk("account %d\n", x);
    nd_total += x;
    return x + nd_calls[x & 3];
}
