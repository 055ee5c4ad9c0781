/* SPDX-License-Identifier: MIT */
/*
 * The patch adds a load hook and metadata: .livepatch.hooks.load and
 * .modinfo are carried, with the (new, static) hook function.
 */
#include "corpus.h"

int hk_main(int x);

int hk_main(int x)
{
    printk("main %d\n", x);
    return x + 1;
}
