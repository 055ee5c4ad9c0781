/* SPDX-License-Identifier: MIT */
/*
 * Applying relocation sections with the native engine.  The offset of every
 * entry must lie inside its target section; the engine checks the field
 * fits and the value does not overflow it.
 */
#include "private.h"
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/livepatch_reloc.h>

static const char *type_name(const struct lp_reloc_arch *a, uint32_t type, char *buf, size_t len)
{
    const char *n = a->type_name ? a->type_name(type) : NULL;

    if (n)
        return n;
    snprintf(buf, len, "type %u", type);
    return buf;
}

static int relocate_section(struct lp_elf *elf, const struct lp_elf_sec *rsec,
                            const struct lp_reloc_arch *a, const char *who)
{
    const struct lp_elf_sec *target = &elf->sec[rsec->info];
    size_t n = lp_elf_rel_count(elf, rsec);

    if ((rsec->type == SHT_RELA && !a->has_rela) || (rsec->type == SHT_REL && !a->has_rel))
        return lp_refuse(-EOPNOTSUPP, who, "%s: %s relocations are not used on %s", rsec->name,
                         rsec->type == SHT_REL ? "REL" : "RELA", a->name);
    for (size_t i = 0; i < n; i++) {
        struct lp_elf_rel r;
        const struct lp_elf_sym *sym;
        char tbuf[24];
        int rc;

        lp_elf_rel_get(elf, rsec, i, &r);
        if (r.sym == 0)
            return lp_refuse(-EOPNOTSUPP, who, "%s: entry %zu has no symbol", rsec->name, i);
        if (r.sym >= elf->nsym)
            return lp_refuse(-EINVAL, who, "%s: entry %zu: symbol %u out of range", rsec->name, i,
                             r.sym);
        sym = &elf->sym[r.sym];
        if (sym->shndx != SHN_UNDEF && sym->shndx < elf->nsec &&
            !(elf->sec[sym->shndx].flags & SHF_ALLOC))
            return lp_refuse(-EINVAL, who, "%s: entry %zu refers to %s in an unloaded section",
                             rsec->name, i, sym->name);
        if (r.offset >= target->size)
            return lp_refuse(-EINVAL, who, "%s: entry %zu: offset %#llx outside %s", rsec->name, i,
                             (unsigned long long)r.offset, target->name);
        rc = a->apply(r.type, target->load + r.offset, target->size - r.offset,
                      target->load_addr + r.offset, sym->value, r.addend, rsec->type == SHT_RELA);
        if (rc)
            return lp_refuse(
                rc, who, "%s against %s at %s+%#llx: %s", type_name(a, r.type, tbuf, sizeof(tbuf)),
                *sym->name ? sym->name : "(section)", target->name, (unsigned long long)r.offset,
                rc == -EOVERFLOW    ? "value out of range"
                : rc == -EOPNOTSUPP ? "unsupported relocation type"
                                    : "bad relocation site");
    }
    return 0;
}

int lp_relocate(struct lp_elf *elf, const char *who)
{
    const struct lp_reloc_arch *a = lp_reloc_native();

    for (unsigned int i = 1; i < elf->nsec; i++) {
        const struct lp_elf_sec *r = &elf->sec[i];
        int rc;

        if ((r->type != SHT_REL && r->type != SHT_RELA) || !r->size)
            continue;
        if (!(elf->sec[r->info].flags & SHF_ALLOC))
            continue; /* e.g. debug info: not loaded */
        rc = relocate_section(elf, r, a, who);
        if (rc)
            return rc;
    }
    return 0;
}
