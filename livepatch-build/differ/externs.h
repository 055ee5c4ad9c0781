/* SPDX-License-Identifier: MIT */
/*
 * Symbols other objects of the same payload define (--extern NAME,
 * --extern-from OBJECT): a new global function added in one file and
 * called from another is not in XEN-SYMS, and need not be.
 */
#ifndef DIFFER_EXTERNS_H
#define DIFFER_EXTERNS_H

#include <stdbool.h>

#include "hash.h"

struct externs {
    struct hash names;
    char **copies; /* names read from objects */
    size_t ncopies, capcopies;
};

int externs_init(struct externs *e);
void externs_free(struct externs *e);

/* @name, borrowed: it must outlive @e. */
int externs_add_name(struct externs *e, const char *name);

/* Every global symbol @path defines. */
int externs_add_object(struct externs *e, const char *path);

bool externs_has(const struct externs *e, const char *name);

#endif /* DIFFER_EXTERNS_H */
