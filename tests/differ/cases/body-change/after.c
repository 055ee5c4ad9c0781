/* SPDX-License-Identifier: MIT */
/* A function's body changes: only it is patched; what it calls stays undefined. */
#include "corpus.h"

int bc_compute(int x);
int bc_other(int x);

int bc_compute(int x)
{
    printk("compute %d\n", x);
    return x * 5 + hv_state;
}

int bc_other(int x)
{
    printk("other %d\n", x);
    return x - 7;
}
