/* SPDX-License-Identifier: MIT */
/* Init code changes: it ran at boot already, so the change is refused. */
#include "corpus.h"

#define __init __attribute__((section(".init.text")))

int ic_setup(int x);

__init int ic_setup(int x)
{
    printk("setup %d\n", x);
    return x + 2;
}
