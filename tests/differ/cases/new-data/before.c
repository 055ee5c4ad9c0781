/* SPDX-License-Identifier: MIT */
/*
 * New data: a new global variable and a new file-scope static, used by a
 * changed function, are carried in the output (the global exported).
 */
#include "corpus.h"

int nd_account(int x);

int nd_account(int x)
{
    printk("account %d\n", x);
    return x + 1;
}
