/* SPDX-License-Identifier: MIT */
/*
 * A change that adds an exception-table entry and a bug frame: the output
 * keeps those entries (and the bug frame's file name) and drops the
 * entries of the unchanged function, which stay the running hypervisor's.
 */
#include "corpus.h"

int et_read(const int *p);
int et_same(const int *p);

int et_read(const int *p)
{
    int v = -1;

    printk("read %p\n", p);
    EXTABLE_LOAD(v, p);
    if (v > 1000)
        CORPUS_WARN();
    return v;
}

int et_same(const int *p)
{
    int v = 0;

    EXTABLE_LOAD(v, p);
    if (v < 0)
        CORPUS_WARN();
    return v;
}
