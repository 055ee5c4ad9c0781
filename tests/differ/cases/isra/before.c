/* SPDX-License-Identifier: MIT */
/*
 * GCC's IPA-SRA clone ("is_weight.isra.N": only the field it reads is
 * passed) changes: it is patched under its original name, whatever
 * number the patched build gave it; its caller is unchanged.
 */
#include "corpus.h"

struct is_big {
    int a, b, c, d;
    long pad[8];
};

int is_caller(struct is_big *s);

static __attribute__((noinline)) int is_weight(struct is_big *s)
{
    int b = s->b;

    printk("weight %d\n", b);
    return b * 3 + 1;
}

int is_caller(struct is_big *s)
{
    return is_weight(s) + is_weight(s + 1);
}
