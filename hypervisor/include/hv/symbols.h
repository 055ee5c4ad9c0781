/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's embedded symbol table, generated from xen-syms by
 * tools/symtab-gen in a multi-pass link.  Global symbols are named as in C;
 * static ones as "<source path>#<name>" so equal names in different files
 * stay distinct.
 */
#ifndef HV_SYMBOLS_H
#define HV_SYMBOLS_H

#include <hv/types.h>

struct symtab_entry {
    uint32_t offset; /* from __image_start */
    uint32_t size;
    uint32_t name;  /* offset into the name blob */
    uint32_t flags; /* SYMTAB_* */
};

#define SYMTAB_FUNC (1u << 0)
#define SYMTAB_OBJECT (1u << 1)
#define SYMTAB_LOCAL (1u << 2)

struct symtab {
    const struct symtab_entry *by_addr; /* sorted by offset */
    const uint32_t *by_name;            /* indexes into by_addr, sorted by name */
    uint32_t count;
    const char *names;
    unsigned long base;
    unsigned long end; /* addresses at or above belong to no symbol here */
};

/* The address of @name, or 0 if the table has no such symbol. */
unsigned long symbols_lookup_by_name(const char *name);
/*
 * The symbol containing @addr: its name, start and size; false if none.
 * Entries without a size cover up to the next symbol, or the table's end.
 */
bool symbols_lookup_by_addr(unsigned long addr, const char **name, unsigned long *start,
                            unsigned long *size);
/* Formats "name+0xoff/0xsize" (or the bare address) into @buf. */
void symbols_format(char *buf, size_t len, unsigned long addr);

/* Lookups on an explicit table: what the functions above use, and tests. */
unsigned long symtab_lookup_name(const struct symtab *t, const char *name);
bool symtab_lookup_addr(const struct symtab *t, unsigned long addr, const char **name,
                        unsigned long *start, unsigned long *size);

#endif /* HV_SYMBOLS_H */
