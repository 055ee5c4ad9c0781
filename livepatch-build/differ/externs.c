/* SPDX-License-Identifier: MIT */
#include <elf.h>
#include <stdlib.h>
#include <string.h>

#include "elf_io.h"
#include "externs.h"
#include "log.h"

int externs_init(struct externs *e)
{
    memset(e, 0, sizeof(*e));
    return hash_init(&e->names, 16) ? log_error("out of memory") : 0;
}

void externs_free(struct externs *e)
{
    for (size_t i = 0; i < e->ncopies; i++)
        free(e->copies[i]);
    free(e->copies);
    hash_free(&e->names);
    memset(e, 0, sizeof(*e));
}

int externs_add_name(struct externs *e, const char *name)
{
    return hash_add(&e->names, name, (void *)(uintptr_t)1) ? log_error("out of memory") : 0;
}

/* elf_io's names live only while it reads: keep copies. */
static int add_global(void *ctx, const struct elf_io_sym *s)
{
    struct externs *e = ctx;
    char *copy;

    if (s->bind == STB_LOCAL || s->shndx == SHN_UNDEF || !*s->name)
        return 0;
    if (e->ncopies == e->capcopies) {
        size_t cap = e->capcopies ? 2 * e->capcopies : 64;
        char **n = realloc(e->copies, cap * sizeof(*n));

        if (!n)
            return log_error("out of memory");
        e->copies = n;
        e->capcopies = cap;
    }
    copy = strdup(s->name);
    if (!copy)
        return log_error("out of memory");
    e->copies[e->ncopies++] = copy;
    return externs_add_name(e, copy);
}

int externs_add_object(struct externs *e, const char *path)
{
    return elf_io_symbols(path, add_global, e);
}

bool externs_has(const struct externs *e, const char *name)
{
    return hash_get(&e->names, name) != NULL;
}
