/* SPDX-License-Identifier: MIT */
/* The same source twice (no after.c): no change, no output. */
#include "corpus.h"

int so_main(int x);

int so_main(int x)
{
    printk("main %d\n", x);
    return x + hv_state;
}
