/* SPDX-License-Identifier: MIT */
/*
 * Reads XEN-SYMS once into a hash table.  The same symbols are kept as
 * symtab-gen keeps: no section, file, undefined, ".L" or ARM mapping
 * symbols, and (when the image has __image_start) only those in the image.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf_io.h"
#include "log.h"
#include "model.h"
#include "names.h"
#include "xensyms.h"

static size_t add_name(struct xensyms *x, const char *a, const char *b)
{
    size_t la = strlen(a), lb = b ? strlen(b) + 1 : 0, at = x->names_len;

    if (at + la + lb + 1 > x->names_cap) {
        size_t cap = x->names_cap ? x->names_cap : 4096;
        char *n;

        while (cap < at + la + lb + 1)
            cap *= 2;
        n = realloc(x->names, cap);
        if (!n)
            return (size_t)-1;
        x->names = n;
        x->names_cap = cap;
    }
    memcpy(x->names + at, a, la);
    if (b) {
        x->names[at + la] = '#';
        memcpy(x->names + at + la + 1, b, lb - 1);
    }
    x->names[at + la + lb] = '\0';
    x->names_len += la + lb + 1;
    return at;
}

static int add_sym(void *ctx, const struct elf_io_sym *s)
{
    struct xensyms *x = ctx;
    size_t name;

    if (s->type == STT_FILE) {
        x->file_off = add_name(x, s->name, NULL);
        return x->file_off == (size_t)-1 ? log_error("out of memory") : 0;
    }
    if (!strcmp(s->name, "__image_start")) {
        x->image_start = s->value;
        x->has_image_start = 1;
    }
    if (s->type == STT_SECTION || s->shndx == SHN_UNDEF || !*s->name ||
        !strncmp(s->name, ".L", 2) || name_is_mapping(s->name))
        return 0;
    if (x->n == x->cap) {
        size_t cap = x->cap ? 2 * x->cap : 1024;
        struct xensym *n = realloc(x->syms, cap * sizeof(*n));

        if (!n)
            return log_error("out of memory");
        x->syms = n;
        x->cap = cap;
    }
    /* names may move while growing: keep the file as an offset and copy it first. */
    if (s->bind == STB_LOCAL) {
        size_t flen = x->file_off != (size_t)-1 ? strlen(x->names + x->file_off) : 1;
        char *file = malloc(flen + 1);

        if (!file)
            return log_error("out of memory");
        strcpy(file, x->file_off != (size_t)-1 ? x->names + x->file_off : "?");
        name = add_name(x, file, s->name);
        free(file);
    } else {
        name = add_name(x, s->name, NULL);
    }
    if (name == (size_t)-1)
        return log_error("out of memory");
    x->syms[x->n++] = (struct xensym){ name, NULL, s->value, s->size, s->type };
    return 0;
}

int xensyms_load(struct xensyms *x, const char *path)
{
    memset(x, 0, sizeof(*x));
    x->file_off = (size_t)-1;
    if (elf_io_symbols(path, add_sym, x) || hash_init(&x->by_name, x->n))
        return -1;
    for (size_t i = 0; i < x->n; i++) {
        struct xensym *s = &x->syms[i];

        s->cname = x->names + s->name;
        if (x->has_image_start &&
            (s->value < x->image_start || s->value - x->image_start > UINT32_MAX))
            continue;
        if (hash_add(&x->by_name, s->cname, s))
            return log_error("out of memory");
    }
    return 0;
}

void xensyms_free(struct xensyms *x)
{
    hash_free(&x->by_name);
    free(x->syms);
    free(x->names);
    memset(x, 0, sizeof(*x));
}

const char *xensyms_name(const char *file, const struct symbol *s, char *buf, size_t len)
{
    const char *name = s->twin ? s->twin->name : s->name;

    if (s->bind != STB_LOCAL)
        return name;
    snprintf(buf, len, "%s#%s", file ? file : "?", name);
    return buf;
}

const struct xensym *xensyms_find(const struct xensyms *x, const char *name)
{
    return hash_get(&x->by_name, name);
}
