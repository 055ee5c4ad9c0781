/* SPDX-License-Identifier: MIT */
/*
 * A function's own read-only table ("static const" inside it) changes
 * while its code does not: the function changes with it and carries a
 * copy (no other code can see the table), rather than being refused as
 * changed data.  A writable function-local static would be refused.
 */
#include "corpus.h"

int lt_lookup(int i);

int lt_lookup(int i)
{
    static const int primes[] = { 2, 3, 5, 7, 11, 13, 17, 23 };

    printk("lookup %d\n", i);
    return primes[i & 7] + hv_state;
}
