/* SPDX-License-Identifier: MIT */
/*
 * An inline function in a header changes: every function it is inlined
 * into changes (three here), one that does not use it does not.
 */
#include "corpus.h"
#include "hi.h"

int hi_a(int x);
int hi_b(int x);
int hi_c(int x);
int hi_d(int x);

int hi_a(int x)
{
    printk("a %d\n", x);
    return hi_clamp(x);
}

int hi_b(int x)
{
    printk("b %d\n", x);
    return hi_clamp(x * 2) + 1;
}

int hi_c(int x)
{
    printk("c %d\n", x);
    return hi_clamp(x - hv_state);
}

int hi_d(int x)
{
    printk("d %d\n", x);
    return x + hv_state;
}
