/* SPDX-License-Identifier: MIT */
/*
 * Marking: each patched section and symbol is SAME, CHANGED or NEW.
 *
 * Two sections are the same when their bytes and their relocations are:
 * a relocation compares by what it refers to, never by raw offsets into
 * other sections.  A named target must be the twin of the original one
 * with the same addend; a string literal (or other mergeable constant)
 * must be the same string at the same position in it, wherever the
 * compiler put it; an unnamed section (a switch table) must be the twin
 * and itself unchanged.  With REL (ARM32) the relocated bits of a field
 * hold the addend, so they are compared as addends, not as bytes.
 *
 * Then changes spread: code using changed data it owns (a switch table, a
 * read-only function-local static) is changed, and a function and its
 * ".cold" part change together (the part jumps back into the middle of
 * its parent).
 */
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "log.h"
#include "names.h"
#include "passes.h"

static const char *status_name(enum status s)
{
    return s == ST_SAME ? "SAME" : s == ST_CHANGED ? "CHANGED" : "NEW";
}

/* Elements of @e bytes: is the one at @off all zero (a string's end)? */
static bool zero_elem(const uint8_t *p, uint64_t off, uint64_t e)
{
    for (uint64_t i = 0; i < e; i++)
        if (p[off + i])
            return false;
    return true;
}

/* The extent of what a mergeable reference uses: [*start, *end) around @off. */
static bool merge_extent(const struct section *s, int64_t off, unsigned int slack, uint64_t *start,
                         uint64_t *end)
{
    uint64_t e = s->entsize ? s->entsize : 1, last;

    if (!s->data || off < 0 || (uint64_t)off >= s->size)
        return false;
    *start = (uint64_t)off - (uint64_t)off % e;
    last = (uint64_t)off + slack < s->size ? (uint64_t)off + slack : s->size - 1;
    last -= last % e;
    if (!(s->flags & SHF_STRINGS)) {
        *end = last + e <= s->size ? last + e : s->size;
        return true;
    }
    while (*start >= e && !zero_elem(s->data, *start - e, e))
        *start -= e;
    while (last + e <= s->size && !zero_elem(s->data, last, e))
        last += e;
    *end = last + e <= s->size ? last + e : s->size;
    return true;
}

static bool same_merge(const struct reloc *a, const struct reloc *b)
{
    uint64_t sa, ea, sb, eb;

    if ((a->merge->flags & SHF_STRINGS) != (b->merge->flags & SHF_STRINGS) ||
        a->merge->entsize != b->merge->entsize || a->slack != b->slack ||
        !merge_extent(a->merge, a->merge_off, a->slack, &sa, &ea) ||
        !merge_extent(b->merge, b->merge_off, b->slack, &sb, &eb))
        return false;
    return (uint64_t)a->merge_off - sa == (uint64_t)b->merge_off - sb && ea - sa == eb - sb &&
           !memcmp(a->merge->data + sa, b->merge->data + sb, ea - sa);
}

static bool same_target(const struct reloc *a, const struct reloc *b)
{
    const struct symbol *ta = a->target, *tb = b->target;

    if (a->merge || b->merge)
        return a->merge && b->merge && same_merge(a, b);
    if (a->taddend != b->taddend)
        return false;
    if (ta->twin)
        return ta->twin == tb;
    /* Unpaired undefined or absolute symbols: the same name is the same thing. */
    return !ta->sec && !tb->sec && !tb->twin && ta->shndx == tb->shndx &&
           (ta->shndx != SHN_ABS || ta->value == tb->value) && !strcmp(ta->name, tb->name);
}

/* Relocations of @s in [off, off + len): the first index, and how many (they are sorted). */
static size_t relocs_in(const struct section *s, uint64_t off, uint64_t len, size_t *first)
{
    size_t lo = 0, hi = s->nrelocs, j;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;

        if (s->relocs[mid].offset < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (j = lo; j < s->nrelocs && s->relocs[j].offset < off + len;)
        j++;
    *first = lo;
    return j - lo;
}

/* Bytes equal outside relocated fields; inside them only the bits the relocation leaves. */
static bool same_bytes(const struct arch *arch, const uint8_t *a, const uint8_t *b, uint64_t len,
                       const struct reloc *rel, size_t n, uint64_t base)
{
    uint64_t at = 0;

    if (arch->rela)
        return !memcmp(a, b, len);
    for (size_t i = 0; i < n; i++) {
        uint64_t off = rel[i].offset - base;
        uint32_t wa, wb, mask;
        int64_t addend;

        if (off < at)
            continue; /* a second relocation of the same field */
        if (off + 4 > len)
            break;
        if (memcmp(a + at, b + at, off - at))
            return false;
        if (arch->rel_get(rel[i].type, b + off, len - off, &addend, &mask))
            mask = 0; /* unknown type: compare it all */
        memcpy(&wa, a + off, 4);
        memcpy(&wb, b + off, 4);
        if ((wa ^ wb) & ~mask)
            return false;
        at = off + 4;
    }
    return !memcmp(a + at, b + at, len - at);
}

/* Are [ooff, ooff+len) of original @o and [poff, poff+len) of patched @p the same? */
static bool same_range(const struct arch *arch, const struct section *o, uint64_t ooff,
                       const struct section *p, uint64_t poff, uint64_t len)
{
    size_t fo, fp, n = relocs_in(p, poff, len, &fp);

    if (relocs_in(o, ooff, len, &fo) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        const struct reloc *a = &o->relocs[fo + i], *b = &p->relocs[fp + i];

        if (a->offset - ooff != b->offset - poff || a->type != b->type || !same_target(a, b))
            return false;
    }
    if (p->type == SHT_NOBITS)
        return o->type == SHT_NOBITS;
    if (!o->data || !p->data || ooff + len > o->size || poff + len > p->size)
        return !len;
    return same_bytes(arch, o->data + ooff, p->data + poff, len, p->relocs + fp, n, poff);
}

#define SEC_FLAGS (SHF_ALLOC | SHF_WRITE | SHF_EXECINSTR | SHF_MERGE | SHF_STRINGS)

static bool compared(const struct section *s)
{
    enum sec_kind k = section_kind(s);

    return k == SK_TEXT || k == SK_DATA || k == SK_RODATA || k == SK_MERGE || k == SK_UNKNOWN;
}

static void mark_section(const struct arch *arch, struct section *p)
{
    const struct section *o = p->twin;

    if (!o) {
        p->status = ST_NEW;
        return;
    }
    if (o->type != p->type || (o->flags & SEC_FLAGS) != (p->flags & SEC_FLAGS) ||
        ((p->flags & SHF_MERGE) && o->entsize != p->entsize)) {
        log_refuse(p->bundled ? p->bundled->name : p->name,
                   "section %s changed type or flags (%#llx -> %#llx)", p->name,
                   (unsigned long long)o->flags, (unsigned long long)p->flags);
        p->status = ST_CHANGED;
        return;
    }
    p->status = o->size == p->size && same_range(arch, o, 0, p, 0, p->size) ? ST_SAME : ST_CHANGED;
}

/* The changed data @p owns (see sym_is_owned_data) it uses, if any: @p changes with it. */
static const struct symbol *uses_changed_owned(const struct section *p)
{
    for (size_t i = 0; i < p->nrelocs; i++) {
        const struct reloc *r = &p->relocs[i];
        const struct section *t = r->target->sec;

        if (!r->merge && t && t != p && t->status != ST_SAME && compared(t) &&
            (r->target->type == STT_SECTION || sym_is_owned_data(r->target)))
            return r->target;
    }
    return NULL;
}

static void find_cold_parents(struct diff *d)
{
    size_t longest = 0;
    char *buf;

    for (size_t i = 1; i < d->patched.nsyms; i++)
        if (strlen(d->patched.syms[i].name) > longest)
            longest = strlen(d->patched.syms[i].name);
    buf = malloc(longest + 1);
    for (size_t i = 1; buf && i < d->patched.nsyms; i++) {
        struct symbol *s = &d->patched.syms[i];
        size_t n = s->type == STT_FUNC && s->sec ? name_cold_parent_len(s->name) : 0;

        if (!n)
            continue;
        memcpy(buf, s->name, n);
        buf[n] = '\0';
        s->parent = object_symbol(&d->patched, buf);
        if (s->parent && (!s->parent->sec || s->parent->type != STT_FUNC))
            s->parent = NULL;
    }
    free(buf);
}

/* One round of spreading changes; returns whether anything changed. */
static bool spread(struct diff *d)
{
    bool any = false;

    for (size_t i = 1; i < d->patched.nsecs; i++) {
        struct section *p = &d->patched.secs[i];

        const struct symbol *t = p->status == ST_SAME && compared(p) ? uses_changed_owned(p) : NULL;

        if (t) {
            log_debug("mark: %s uses %s, its own data, which changed", p->name, t->name);
            p->status = ST_CHANGED;
            any = true;
        }
    }
    for (size_t i = 1; i < d->patched.nsyms; i++) {
        struct symbol *c = &d->patched.syms[i];
        struct section *ps = c->parent ? c->parent->sec : NULL;

        if (!ps || (ps->status == ST_SAME) == (c->sec->status == ST_SAME))
            continue;
        log_debug("mark: %s and %s change together", c->parent->name, c->name);
        if (ps->status == ST_SAME)
            ps->status = ST_CHANGED;
        else
            c->sec->status = ps->status == ST_NEW ? ST_NEW : ST_CHANGED;
        any = true;
    }
    return any;
}

static const char *bind_name(const struct symbol *s)
{
    return s->bind == STB_LOCAL ? "static" : s->bind == STB_WEAK ? "weak" : "global";
}

static const char *type_name(const struct symbol *s)
{
    return s->type == STT_FUNC ? "function" : s->type == STT_OBJECT ? "object" : "symbol";
}

static void mark_symbol(const struct arch *arch, struct symbol *p)
{
    const struct symbol *o = p->twin;

    if (!p->sec || p->type == STT_FILE)
        return;
    if (p->type == STT_SECTION || !o) {
        p->status = p->type == STT_SECTION ? p->sec->status : ST_NEW;
        return;
    }
    if (o->type != p->type || o->bind != p->bind) {
        log_refuse(p->name, "changed from %s %s to %s %s", bind_name(o), type_name(o), bind_name(p),
                   type_name(p));
        p->status = ST_CHANGED;
        return;
    }
    if (!o->sec || o->sec->twin != p->sec) {
        log_refuse(p->name, "moved from section %s to %s", o->sec ? o->sec->name : "(none)",
                   p->sec->name);
        p->status = ST_CHANGED;
        return;
    }
    if (p->type == STT_OBJECT && o->size != p->size) {
        log_refuse(p->name, "object size changed from %llu to %llu bytes",
                   (unsigned long long)o->size, (unsigned long long)p->size);
        p->status = ST_CHANGED;
        return;
    }
    if (p->sec->bundled == p || p->sec->status == ST_SAME)
        p->status = p->sec->status;
    else
        p->status =
            o->size == p->size && same_range(arch, o->sec, o->value, p->sec, p->value, p->size)
                ? ST_SAME
                : ST_CHANGED;
}

int compare(struct diff *d)
{
    const struct arch *arch = d->patched.arch;

    for (size_t i = 1; i < d->patched.nsecs; i++)
        if (compared(&d->patched.secs[i]))
            mark_section(arch, &d->patched.secs[i]);
    find_cold_parents(d);
    while (spread(d))
        ;
    for (size_t i = 1; i < d->patched.nsyms; i++)
        mark_symbol(arch, &d->patched.syms[i]);
    for (size_t i = 1; i < d->patched.nsecs; i++) {
        const struct section *s = &d->patched.secs[i];

        if (compared(s) && s->status != ST_SAME)
            log_debug("mark: section %s %s", s->name, status_name(s->status));
    }
    for (size_t i = 1; i < d->patched.nsyms; i++) {
        const struct symbol *s = &d->patched.syms[i];

        if (sym_is_named(s) && s->sec && s->status != ST_SAME)
            log_debug("mark: %s %s", s->name, status_name(s->status));
    }
    return 0;
}
