/* SPDX-License-Identifier: MIT */
/*
 * Correlation: which patched element is which original one.  A fixed
 * funnel, each level only for what the levels before left unpaired:
 *
 *   name     exact name          "do_xen_version" ~ "do_xen_version"
 *   clone    name without GCC's clone numbering
 *                                "scale.constprop.1" ~ "scale.constprop.0"
 *   content  several clones of one function: equal bytes first,
 *   order    then in the order of their numbers
 *   use      function-local statics, through the correlated functions
 *            that use them       "counter.5" used by f ~ "counter.3" used by f
 *   symbol   a section holding one function or object follows it
 *   section  other sections by name, then by name without clone numbering
 *                                ".rodata.f.isra.1" ~ ".rodata.f.isra.0"
 *
 * Scope and file need no level of their own: an object is one file, and a
 * local never pairs with a global (compare refuses a changed binding).
 * Function-local statics never pair by name: GCC numbers them across the
 * whole file, so "counter.3" may be another function's variable after the
 * patch.  Every pairing goes through a hash table: linear time.
 */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "names.h"
#include "passes.h"

static void pair_syms(struct symbol *p, struct symbol *o, const char *how)
{
    p->twin = o;
    o->twin = p;
    log_debug("correlate: %s ~ %s (%s)", p->name, o->name, how);
}

static bool correlatable(const struct symbol *s)
{
    return *s->name && s->type != STT_SECTION && s->type != STT_FILE && !name_is_mapping(s->name) &&
           strncmp(s->name, ".L", 2);
}

/* Level "name": globals, plain statics and undefined symbols. */
static void by_name(struct diff *d)
{
    for (size_t i = 1; i < d->patched.nsyms; i++) {
        struct symbol *p = &d->patched.syms[i], *o;
        size_t cursor = 0;

        if (!correlatable(p) || sym_is_static_local(p))
            continue;
        while ((o = hash_next(&d->orig.sym_names, p->name, &cursor)))
            if (!o->twin && !sym_is_static_local(o) && !o->sec == !p->sec) {
                pair_syms(p, o, "name");
                break;
            }
    }
}

/* Trailing number of a clone name, for pairing in order ("foo.isra.12" -> 12). */
static unsigned long clone_number(const struct symbol *s)
{
    const char *dot = strrchr(s->name, '.');

    return dot ? strtoul(dot + 1, NULL, 10) : 0;
}

static int by_number(const void *a, const void *b)
{
    unsigned long x = clone_number(*(struct symbol *const *)a);
    unsigned long y = clone_number(*(struct symbol *const *)b);

    return x < y ? -1 : x > y;
}

static bool same_bytes(const struct symbol *a, const struct symbol *b)
{
    if (a->size != b->size || !a->sec || !b->sec || !a->sec->data || !b->sec->data ||
        a->value + a->size > a->sec->size || b->value + b->size > b->sec->size)
        return false;
    return !memcmp(a->sec->data + a->value, b->sec->data + b->value, a->size);
}

/* Unpaired symbols of @o under @key with @type, into @out (at most @max). */
static size_t candidates(const struct object *o, const char *key, uint8_t type, struct symbol **out,
                         size_t max)
{
    struct symbol *s;
    size_t cursor = 0, n = 0;

    while ((s = hash_next(&o->sym_keys, key, &cursor)))
        if (!s->twin && s->type == type && s->sec && !sym_is_static_local(s) && n < max)
            out[n++] = s;
    return n;
}

#define MAX_CLONES 64

/* Levels "clone", "content" and "order" for the clones sharing @p's key. */
static void by_clone_key(struct diff *d, struct symbol *p)
{
    struct symbol *ps[MAX_CLONES], *os[MAX_CLONES];
    size_t np = candidates(&d->patched, p->key, p->type, ps, MAX_CLONES);
    size_t no = candidates(&d->orig, p->key, p->type, os, MAX_CLONES);

    if (np == 1 && no == 1) {
        pair_syms(ps[0], os[0], "clone");
        return;
    }
    for (size_t i = 0; i < np; i++)
        for (size_t j = 0; j < no; j++)
            if (!os[j]->twin && same_bytes(ps[i], os[j])) {
                pair_syms(ps[i], os[j], "content");
                break;
            }
    np = candidates(&d->patched, p->key, p->type, ps, MAX_CLONES);
    no = candidates(&d->orig, p->key, p->type, os, MAX_CLONES);
    qsort(ps, np, sizeof(*ps), by_number);
    qsort(os, no, sizeof(*os), by_number);
    for (size_t i = 0; i < np && i < no; i++)
        pair_syms(ps[i], os[i], "order");
}

static void by_clone(struct diff *d)
{
    for (size_t i = 1; i < d->patched.nsyms; i++) {
        struct symbol *p = &d->patched.syms[i];

        if (!p->twin && p->sec && sym_is_named(p) && !sym_is_static_local(p) &&
            strcmp(p->key, p->name))
            by_clone_key(d, p);
    }
}

/* The relocations of @s's own bytes. */
static const struct reloc *relocs_of(const struct symbol *s, size_t *n)
{
    const struct section *sec = s->sec;
    size_t first = 0, last;

    if (sec->bundled == s) {
        *n = sec->nrelocs;
        return sec->relocs;
    }
    while (first < sec->nrelocs && sec->relocs[first].offset < s->value)
        first++;
    for (last = first; last < sec->nrelocs && sec->relocs[last].offset < s->value + s->size;)
        last++;
    *n = last - first;
    return sec->relocs + first;
}

/* Level "use": statics used by function @p are those its original @o used. */
static void statics_of(struct symbol *p, struct symbol *o)
{
    size_t np, no;
    const struct reloc *rp = relocs_of(p, &np), *ro = relocs_of(o, &no);

    for (size_t i = 0; i < np; i++) {
        struct symbol *t = rp[i].target;

        if (t->twin || !sym_is_static_local(t))
            continue;
        for (size_t j = 0; j < no; j++) {
            struct symbol *u = ro[j].target;

            if (!u->twin && sym_is_static_local(u) && u->type == t->type &&
                !strcmp(u->key, t->key)) {
                pair_syms(t, u, "use");
                log_debug("correlate: %s is used by %s", t->name, p->name);
                break;
            }
        }
    }
}

static void by_use(struct diff *d)
{
    for (size_t i = 1; i < d->patched.nsyms; i++) {
        struct symbol *p = &d->patched.syms[i];

        if (p->type == STT_FUNC && p->sec && p->twin && p->twin->sec)
            statics_of(p, p->twin);
    }
}

static void pair_secs(struct section *p, struct section *o, const char *how)
{
    p->twin = o;
    o->twin = p;
    if (p->secsym && o->secsym) {
        p->secsym->twin = o->secsym;
        o->secsym->twin = p->secsym;
    }
    if (p->relsec && o->relsec) {
        p->relsec->twin = o->relsec;
        o->relsec->twin = p->relsec;
    }
    if (strcmp(p->name, o->name))
        log_debug("correlate: section %s ~ %s (%s)", p->name, o->name, how);
}

/* Sections without a bundled symbol, by name then by name without clone numbering. */
static int by_section_name(struct diff *d)
{
    struct hash keys;
    char *buf, *key;
    size_t len = 0, at = 0, longest = 0;

    for (size_t i = 1; i < d->orig.nsecs; i++)
        len += strlen(d->orig.secs[i].name) + 1;
    for (size_t i = 1; i < d->patched.nsecs; i++)
        if (strlen(d->patched.secs[i].name) > longest)
            longest = strlen(d->patched.secs[i].name);
    buf = malloc(len + longest + 2);
    if (!buf || hash_init(&keys, d->orig.nsecs)) {
        free(buf);
        return log_error("out of memory");
    }
    key = buf + len + 1;
    for (size_t i = 1; i < d->patched.nsecs; i++) {
        struct section *p = &d->patched.secs[i], *o;
        size_t cursor = 0;

        if (p->twin || p->bundled || sec_is_rel(p))
            continue;
        while ((o = hash_next(&d->orig.sec_names, p->name, &cursor)))
            if (!o->twin && !o->bundled) {
                pair_secs(p, o, "section");
                break;
            }
    }
    for (size_t i = 1; i < d->orig.nsecs; i++) {
        struct section *o = &d->orig.secs[i];

        if (o->twin || o->bundled || sec_is_rel(o) || !name_clone_key(o->name, buf + at))
            continue;
        if (hash_add(&keys, buf + at, o)) {
            hash_free(&keys);
            free(buf);
            return log_error("out of memory");
        }
        at += strlen(buf + at) + 1;
    }
    for (size_t i = 1; i < d->patched.nsecs; i++) {
        struct section *p = &d->patched.secs[i], *o, *other;
        size_t cursor = 0;

        if (p->twin || p->bundled || sec_is_rel(p) || !name_clone_key(p->name, key))
            continue;
        o = hash_next(&keys, key, &cursor);
        other = o ? hash_next(&keys, key, &cursor) : NULL;
        if (o && !other && !o->twin)
            pair_secs(p, o, "section clone");
    }
    hash_free(&keys);
    free(buf);
    return 0;
}

/* Level "symbol": a function's or object's section follows it. */
static void by_bundled(struct diff *d)
{
    for (size_t i = 1; i < d->patched.nsecs; i++) {
        struct section *p = &d->patched.secs[i];
        struct symbol *t = p->bundled ? p->bundled->twin : NULL;

        if (t && t->sec && t->sec->bundled == t && !t->sec->twin)
            pair_secs(p, t->sec, "symbol");
    }
}

/*
 * A new static with the name of an original one no patched function uses:
 * if it is the same variable (its function now inlined elsewhere, say),
 * the patched code would start again from its initial value.
 */
static void warn_unused_static(const struct diff *d, const struct symbol *p)
{
    const struct symbol *o;
    size_t cursor = 0;

    while ((o = hash_next(&d->orig.sym_keys, p->key, &cursor)))
        if (!o->twin && sym_is_static_local(o)) {
            log_warn("%s is taken as a new variable: no patched function uses the running %s",
                     p->name, o->name);
            return;
        }
}

int correlate(struct diff *d)
{
    by_name(d);
    by_clone(d);
    by_use(d);
    by_bundled(d);
    if (by_section_name(d))
        return -1;
    for (size_t i = 1; i < d->patched.nsyms; i++) {
        const struct symbol *p = &d->patched.syms[i];

        if (!p->twin && p->sec && sym_is_named(p))
            log_debug("correlate: %s is new", p->name);
        if (!p->twin && p->sec && sym_is_static_local(p))
            warn_unused_static(d, p);
    }
    return 0;
}
