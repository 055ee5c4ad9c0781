/* SPDX-License-Identifier: MIT */
/* Lookups in a symbol table sorted by address, with a by-name index. */
#include <hv/symbols.h>
#include <hv/lib.h>

unsigned long symtab_lookup_name(const struct symtab *t, const char *name)
{
    uint32_t lo = 0, hi = t->count;

    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const struct symtab_entry *e = &t->by_addr[t->by_name[mid]];
        int c = strcmp(t->names + e->name, name);

        if (c == 0)
            return t->base + e->offset;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* How well a symbol names an address: a sized function best, then any function, then sized. */
static unsigned int rank(const struct symtab_entry *e)
{
    return ((e->flags & SYMTAB_FUNC) ? 2u : 0u) + (e->size ? 1u : 0u);
}

/* Of the symbols at the same address as entry @i, the best-ranked (first on ties). */
static uint32_t best_at_same_address(const struct symtab *t, uint32_t i)
{
    uint32_t best = i;

    for (uint32_t j = i; j < t->count && t->by_addr[j].offset == t->by_addr[i].offset; j++)
        if (rank(&t->by_addr[j]) > rank(&t->by_addr[best]))
            best = j;
    return best;
}

bool symtab_lookup_addr(const struct symtab *t, unsigned long addr, const char **name,
                        unsigned long *start, unsigned long *size)
{
    uint32_t lo = 0, hi = t->count, i;
    const struct symtab_entry *e;
    unsigned long off;

    if (addr < t->base || addr >= t->end || !t->count)
        return false;
    off = addr - t->base;
    while (lo < hi) { /* first entry with offset > off */
        uint32_t mid = lo + (hi - lo) / 2;

        if (t->by_addr[mid].offset <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return false;
    i = lo - 1;
    while (i > 0 && t->by_addr[i - 1].offset == t->by_addr[i].offset)
        i--;
    e = &t->by_addr[best_at_same_address(t, i)];
    if (e->size && off - e->offset >= e->size)
        return false;
    *name = t->names + e->name;
    *start = t->base + e->offset;
    *size = e->size;
    return true;
}
