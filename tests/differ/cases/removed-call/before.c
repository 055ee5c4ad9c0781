/* SPDX-License-Identifier: MIT */
/* A call disappears: the function changes and no longer refers to the callee. */
#include "corpus.h"

int rc_main(int x);
void rc_trace(int x);

void rc_trace(int x)
{
    printk("trace %d\n", x);
}

int rc_main(int x)
{
    rc_trace(x);
    log_event(x);
    return x + 3;
}
