/* SPDX-License-Identifier: MIT */
/*
 * A string literal changes: the function using it changes and carries the
 * new literal.  The patch also adds a table whose string goes first in the
 * shared literal section, so the unchanged table's strings move: they
 * still compare equal (by content, not offset), so nothing refuses it.
 */
#include "corpus.h"

int sc_changed(int x);
int sc_same(int x);

static const char *const sc_keep[] = { "keep", "these" };
static const char *const sc_fresh[] = { "a fresh", "table" };

int sc_changed(int x)
{
    printk("goodbye %d %s\n", x, sc_fresh[x & 1]);
    return x + 1;
}

int sc_same(int x)
{
    printk("constant %d %s\n", x, sc_keep[x & 1]);
    return x + 2;
}
