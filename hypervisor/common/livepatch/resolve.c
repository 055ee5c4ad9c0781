/* SPDX-License-Identifier: MIT */
/*
 * Symbol resolution: an undefined symbol takes its address from the
 * hypervisor's table or from a loaded payload's new symbols; a defined one
 * becomes its section's run-time address plus its value.  Symbols in
 * sections that are not loaded keep their value; relocate.c refuses any
 * relocation against them.
 */
#include "private.h"
#include <hv/errno.h>
#include <hv/lib.h>

int lp_resolve_symbols(struct lp_elf *elf, const char *who)
{
    for (unsigned int i = 1; i < elf->nsym; i++) {
        struct lp_elf_sym *s = &elf->sym[i];

        switch (s->shndx) {
        case SHN_UNDEF:
            if (!*s->name)
                continue;
            s->value = lp_port_resolve(s->name);
            if (!s->value)
                return lp_refuse(-ENOENT, who, "unresolved symbol %s", s->name);
            continue;
        case SHN_COMMON:
            return lp_refuse(-EINVAL, who, "common symbol %s (build with -fno-common)", s->name);
        case SHN_ABS:
            continue;
        default:
            break;
        }
        if (s->shndx >= SHN_LORESERVE)
            return lp_refuse(-EOPNOTSUPP, who, "symbol %s: special section %#x", s->name, s->shndx);
        if (s->shndx >= elf->nsec)
            return lp_refuse(-EINVAL, who, "symbol %s: section %u out of range", s->name, s->shndx);
        if (!(elf->sec[s->shndx].flags & SHF_ALLOC))
            continue; /* not loaded: unusable */
        if (s->value > elf->sec[s->shndx].size)
            return lp_refuse(-EINVAL, who, "symbol %s lies past the end of %s", s->name,
                             elf->sec[s->shndx].name);
        s->value += elf->sec[s->shndx].load_addr;
    }
    return 0;
}
