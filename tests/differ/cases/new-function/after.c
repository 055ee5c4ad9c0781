/* SPDX-License-Identifier: MIT */
/* A changed function calls a new global function: it is carried, defined. */
#include "corpus.h"

int nf_main(int x);
int nf_helper(int x);

__attribute__((noinline)) int nf_helper(int x)
{
    printk("helper %d\n", x);
    return x * 2;
}

int nf_main(int x)
{
    printk("main %d\n", x);
    return nf_helper(x) + 1;
}
