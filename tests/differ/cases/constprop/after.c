/* SPDX-License-Identifier: MIT */
/*
 * GCC's constant-propagation clone ("cp_scale.constprop.N": every caller
 * passes k = 7) changes: it is patched under its original name.
 */
#include "corpus.h"

int cp_one(int x);
int cp_two(int x);

static __attribute__((noinline)) int cp_scale(int x, int k)
{
    printk("scale %d by %d\n", x, k);
    return x * k - hv_state;
}

int cp_one(int x)
{
    return cp_scale(x, 7);
}

int cp_two(int x)
{
    return cp_scale(x + 1, 7) + 1;
}
