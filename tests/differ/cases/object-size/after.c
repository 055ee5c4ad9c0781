/* SPDX-License-Identifier: MIT */
/*
 * An existing object grows: the running code and data around it keep its
 * old size, so the change is refused, naming it.
 */
#include "corpus.h"

int os_buf[8];
int os_sum(void);

int os_sum(void)
{
    int s = 0;

    for (unsigned int i = 0; i < sizeof(os_buf) / sizeof(os_buf[0]); i++)
        s += os_buf[i];
    printk("sum %d\n", s);
    return s;
}
