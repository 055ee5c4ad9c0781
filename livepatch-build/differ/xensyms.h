/* SPDX-License-Identifier: MIT */
/*
 * The running hypervisor's symbols, named as its embedded table names them
 * (hypervisor/tools/symtab-gen.c): globals by name, locals as
 * "<file>#<name>" after the STT_FILE before them, numbered statics with
 * their number ("common/foo.c#counter.3").
 */
#ifndef DIFFER_XENSYMS_H
#define DIFFER_XENSYMS_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

struct xensym {
    size_t name; /* offset in names, then a pointer once loaded */
    const char *cname;
    uint64_t value, size;
    uint8_t type;
};

struct xensyms {
    struct xensym *syms;
    size_t n, cap;
    char *names;
    size_t names_len, names_cap;
    size_t file_off; /* while loading: the current STT_FILE, in names */
    uint64_t image_start;
    int has_image_start;
    struct hash by_name;
};

int xensyms_load(struct xensyms *x, const char *path);
void xensyms_free(struct xensyms *x);

struct symbol;

/*
 * The name the hypervisor's table gives the running counterpart of @s,
 * an object compiled from source @file: "name" or "<file>#name", with the
 * original's name when @s is correlated ("counter.3", not the patched
 * "counter.5").
 */
const char *xensyms_name(const char *file, const struct symbol *s, char *buf, size_t len);

/* @name as the hypervisor's table has it, or NULL. */
const struct xensym *xensyms_find(const struct xensyms *x, const char *name);

#endif /* DIFFER_XENSYMS_H */
