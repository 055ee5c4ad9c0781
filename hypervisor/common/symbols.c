/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's own symbol table.  The arrays are generated from the
 * linked xen-syms and linked in again (see hypervisor/Makefile).
 */
#include <hv/symbols.h>
#include <hv/lib.h>
#include <hv/livepatch.h>

extern const struct symtab_entry symtab_entries[];
extern const uint32_t symtab_by_name[];
extern const uint32_t symtab_count;
extern const char symtab_names[];
extern const char __image_start[], _end[];

static struct symtab hv_symtab(void)
{
    return (struct symtab){
        .by_addr = symtab_entries,
        .by_name = symtab_by_name,
        .count = symtab_count,
        .names = symtab_names,
        .base = (unsigned long)__image_start,
        .end = (unsigned long)_end,
    };
}

unsigned long symbols_lookup_by_name(const char *name)
{
    struct symtab t = hv_symtab();

    return symtab_lookup_name(&t, name);
}

bool symbols_lookup_by_addr(unsigned long addr, const char **name, unsigned long *start,
                            unsigned long *size)
{
    struct symtab t = hv_symtab();

    return symtab_lookup_addr(&t, addr, name, start, size);
}

void symbols_format(char *buf, size_t len, unsigned long addr)
{
    const char *name, *payload;
    unsigned long start, size;

    if (symbols_lookup_by_addr(addr, &name, &start, &size))
        snprintf(buf, len, "%s+%#lx/%#lx", name, addr - start, size);
    else if (livepatch_lookup_addr(addr, &name, &start, &size, &payload))
        snprintf(buf, len, "%s+%#lx/%#lx [%s]", name, addr - start, size, payload);
    else
        snprintf(buf, len, "%#lx", addr);
}
