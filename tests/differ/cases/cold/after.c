/* SPDX-License-Identifier: MIT */
/*
 * GCC's hot/cold splitting: the unlikely path of co_check lives in
 * "co_check.cold" (.text.unlikely) and jumps back into the middle of its
 * parent.  A change in the hot part alone must carry the cold part too
 * (the running one would jump back into the old parent), and only the
 * parent gets a .livepatch.funcs entry.  ARM32 GCC does not split
 * functions ("-freorder-blocks-and-partition not supported on this
 * architecture"), so this case is not run there.
 */
#include "corpus.h"

int co_check(int x);

int co_check(int x)
{
    if (x > 100) {
        report(x);
        printk("big %d\n", x);
        x = hv_state;
    }
    log_event(x);
    log_event(x + hv_state);
    printk("checked %d\n", x);
    return hv_state * x + 1;
}
