/* SPDX-License-Identifier: MIT */
/* A changed function calls a new global function: it is carried, defined. */
#include "corpus.h"

int nf_main(int x);

int nf_main(int x)
{
    printk("main %d\n", x);
    return x + 1;
}
