/* SPDX-License-Identifier: MIT */
/*
 * Function-local statics keep their state: the changed function must
 * refer to the running hypervisor's "counter" (by its original number,
 * "<file>#counter.N") although the patch renumbers them, while a static
 * the patch adds is new and carried.  GCC numbers statics from the end of
 * the file, so the new function at the end takes sl_other's old number:
 * pairing statics by name would give sl_last sl_other's counter.
 */
#include "corpus.h"

int sl_count(void);
int sl_other(void);

int sl_count(void)
{
    static int counter;

    counter++;
    printk("count %d\n", counter);
    return counter;
}

int sl_other(void)
{
    static int counter;

    counter += 2;
    return counter;
}
