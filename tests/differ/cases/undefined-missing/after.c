/* SPDX-License-Identifier: MIT */
/*
 * The changed function calls a function nothing defines: neither this
 * object nor the running hypervisor (XEN-SYMS).  The payload could not be
 * loaded, so the differ refuses it, naming the symbol.
 */
#include "corpus.h"

int um_main(int x);
int um_elsewhere(int x);

int um_main(int x)
{
    printk("main %d\n", x);
    return um_elsewhere(x) + 1;
}
