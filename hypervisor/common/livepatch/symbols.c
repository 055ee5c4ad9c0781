/* SPDX-License-Identifier: MIT */
/*
 * A payload's own symbol table, for backtraces and for later payloads to
 * link against.  A global symbol at the address of a replacement function
 * overrides the function it patches; every other global one is new: it is
 * exported to later payloads and must not clash with the hypervisor's
 * symbols or another payload's new ones.  Local (static) symbols are kept
 * for backtraces only, private to their payload as in any link.  (Xen
 * checks every kept symbol, so two payloads with equal static names clash
 * there; not here.)
 */
#include "private.h"
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/mm.h>

/* Local labels, section and file symbols, and ARM mapping symbols stay out. */
static bool keep(const struct lp_elf *elf, const struct lp_elf_sym *s)
{
    const char *n = s->name;

    if (!*n || s->shndx == SHN_UNDEF || s->shndx >= elf->nsec ||
        !(elf->sec[s->shndx].flags & SHF_ALLOC))
        return false;
    if (s->type == STT_SECTION || s->type == STT_FILE || !strncmp(n, ".L", 2))
        return false;
    return !(n[0] == '$' && (n[1] == 'a' || n[1] == 'd' || n[1] == 'x' || n[1] == 't') &&
             (n[2] == '\0' || n[2] == '.'));
}

static bool overrides(const struct payload *p, unsigned long value)
{
    for (unsigned int i = 0; i < p->nfuncs; i++)
        if ((unsigned long)p->funcs[i].new_addr == value)
            return true;
    return false;
}

int lp_build_symtab(struct lp_elf *elf, struct payload *p)
{
    size_t strings = 0;
    unsigned int n = 0;
    char *cursor;

    for (unsigned int i = 1; i < elf->nsym; i++)
        if (keep(elf, &elf->sym[i])) {
            n++;
            strings += strlen(elf->sym[i].name) + 1;
        }
    p->syms = xzalloc_array(struct lp_symbol, n ? n : 1);
    p->strings = xmalloc_bytes(strings ? strings : 1);
    if (!p->syms || !p->strings)
        return lp_refuse(-ENOMEM, p->name, "out of memory for %u symbols", n);
    cursor = p->strings;
    for (unsigned int i = 1; i < elf->nsym; i++) {
        const struct lp_elf_sym *s = &elf->sym[i];
        struct lp_symbol *out = &p->syms[p->nsyms];

        if (!keep(elf, s))
            continue;
        out->is_new = s->bind != STB_LOCAL && !overrides(p, (unsigned long)s->value);
        if (out->is_new && lp_port_symbol_exists(s->name))
            return lp_refuse(-EEXIST, p->name, "duplicate new symbol %s", s->name);
        size_t len = strlen(s->name) + 1;

        memcpy(cursor, s->name, len);
        out->name = cursor;
        out->value = (unsigned long)s->value;
        out->size = (unsigned long)s->size;
        cursor += len;
        p->nsyms++;
    }
    return 0;
}
