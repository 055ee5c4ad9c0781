/* SPDX-License-Identifier: MIT */
/*
 * Inclusion: what the output holds.  The seeds are the changed functions
 * and the new global functions and objects; from there every relocation
 * of an included section is followed:
 *   - to something new or changed: it is included too (a new static
 *     helper, new data, a new function-local static);
 *   - to a string literal, switch table or other unnamed read-only data:
 *     a copy is included (nothing could name the running one);
 *   - to an unchanged function or object: it stays an undefined reference,
 *     resolved at load against the running hypervisor (statics by
 *     "<file>#<name>", see output.c);
 *   - to unnamed writable data or to init code or data: refused.
 * An explicit worklist, not recursion: a long call chain of new functions
 * would otherwise nest as deep.
 */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "names.h"
#include "passes.h"

int include_section(struct diff *d, struct section *s, const char *why)
{
    if (s->include)
        return 0;
    s->include = true;
    log_debug("include: %s (%s)", s->name, why);
    if (d->nwork == d->capwork) {
        size_t cap = d->capwork ? 2 * d->capwork : 64;
        struct section **w = realloc(d->work, cap * sizeof(*w));

        if (!w)
            return log_error("out of memory");
        d->work = w;
        d->capwork = cap;
    }
    d->work[d->nwork++] = s;
    return 0;
}

/* Can the running copy of @t be referred to by name, or must the output carry one? */
static bool copy_needed(const struct symbol *t, const struct reloc *r)
{
    bool nameable = t->type != STT_SECTION && (sym_is_named(t) || t->bind != STB_LOCAL);

    return r->merge || t->status != ST_SAME || !nameable;
}

/* What a refusal about @s names: its function or object, else the section. */
static const char *what(const struct section *s)
{
    return s->bundled ? s->bundled->name : s->name;
}

int include_target(struct diff *d, const struct section *from, const struct reloc *r)
{
    struct symbol *t = r->target;
    struct section *s = t->sec;
    enum sec_kind k;

    t->include = true;
    if (!s)
        return 0; /* undefined: resolved by name */
    if (r->merge && r->sym->sec)
        r->sym->include = true; /* a label in a literal section stays defined */
    if (name_is_init(s->name)) {
        log_refuse(what(from), "refers to %s in init section %s", t->name, s->name);
        return 0;
    }
    if (!copy_needed(t, r))
        return 0;
    k = section_kind(s);
    if (k == SK_DATA && t->status == ST_CHANGED)
        return 0; /* changed data: verify refuses it */
    if (k == SK_DATA && s->status == ST_SAME && t->status == ST_SAME) {
        log_refuse(what(from), "refers to unnamed writable data in %s (offset %lld)", s->name,
                   (long long)r->taddend);
        return 0;
    }
    return include_section(d, s, from->name);
}

int include_drain(struct diff *d)
{
    while (d->nwork) {
        struct section *s = d->work[--d->nwork];

        for (size_t i = 0; i < s->nrelocs; i++)
            if (include_target(d, s, &s->relocs[i]))
                return -1;
    }
    return 0;
}

static bool is_cold_part(const struct symbol *s)
{
    return name_cold_parent_len(s->name) != 0;
}

bool include_is_patched(const struct symbol *s)
{
    return s->type == STT_FUNC && s->status == ST_CHANGED && s->sec && s->sec->include &&
           s->sec->bundled == s && !is_cold_part(s);
}

int include(struct diff *d)
{
    for (size_t i = 1; i < d->patched.nsyms; i++) {
        struct symbol *s = &d->patched.syms[i];

        if (!sym_is_named(s) || !s->sec || s->sec->bundled != s)
            continue;
        if (s->type == STT_FUNC && s->status == ST_CHANGED && section_kind(s->sec) == SK_TEXT &&
            !name_is_init(s->sec->name)) {
            if (!is_cold_part(s))
                d->changed_funcs++;
            s->include = true;
            if (include_section(d, s->sec, "changed"))
                return -1;
        } else if (s->status == ST_NEW && s->bind != STB_LOCAL && !name_is_init(s->sec->name)) {
            d->new_globals++;
            s->include = true;
            if (include_section(d, s->sec, "new global"))
                return -1;
        }
    }
    return include_drain(d);
}
