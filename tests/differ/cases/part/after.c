/* SPDX-License-Identifier: MIT */
/*
 * GCC's partial inlining: the fast path of pt_check is inlined into its
 * callers, the slow path split out as "pt_check.part.N".  A change in the
 * slow path patches only that part, under its original name.
 */
#include "corpus.h"

int pt_check(int x);
int pt_one(int x);
int pt_two(int x);

int pt_check(int x)
{
    if (__builtin_expect(x < 10, 1))
        return hv_state;
    int s = 0;
    for (int i = 0; i < x; i++)
        s += printk("a %d %d\n", i, x) * hv_state;
    for (int i = 0; i < s; i++)
        s += printk("c %d %d\n", i, x) * (hv_state + i);
    printk("finished %d", s);
    printk("b %d", x);
    return s * 2;
}

int pt_one(int x)
{
    return pt_check(x) + 1;
}

int pt_two(int x)
{
    return pt_check(x * 3) + 2;
}
