/* SPDX-License-Identifier: MIT */
/*
 * A changed function calls a new static helper (carried, named
 * "<file>#name") and an unchanged static one (left undefined as
 * "<file>#name", resolved in the running hypervisor).
 */
#include "corpus.h"

int sh_main(int x);

static __attribute__((noinline)) int sh_old(int x, int y)
{
    printk("old %d %d\n", x, y);
    return x ^ y;
}

static __attribute__((noinline)) int sh_new(int x, int y)
{
    printk("new %d %d\n", x, y);
    return x + y;
}

int sh_main(int x)
{
    return sh_old(x, hv_state) + sh_new(x, hv_state);
}
