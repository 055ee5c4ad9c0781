/* SPDX-License-Identifier: MIT */
/*
 * One object as the passes see it.  After elf_io has read it:
 *   - each section gets its section symbol, its functions and objects
 *     sorted by value, and its "bundled" symbol when it holds exactly one
 *     at offset 0 (what -ffunction-sections/-fdata-sections give);
 *   - REL addends are decoded from the fields they live in;
 *   - every relocation gets a canonical target, so the same reference
 *     compares equal whether the assembler wrote it against the symbol or
 *     against its section ("jmp .text.foo+0x41" is "foo+0x41");
 *   - names and correlation keys go into hash tables.
 */
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "elf_io.h"
#include "log.h"
#include "model.h"
#include "names.h"

static int by_value(const void *a, const void *b)
{
    const struct symbol *x = *(struct symbol *const *)a, *y = *(struct symbol *const *)b;

    if (x->value != y->value)
        return x->value < y->value ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Section symbols, the file name, and each section's functions and objects. */
static int link_symbols(struct object *o)
{
    size_t total = 0;
    struct symbol **cursor;

    for (size_t i = 0; i < o->nsyms; i++) {
        struct symbol *s = &o->syms[i];

        if (s->type == STT_SECTION && s->sec) {
            s->sec->secsym = s;
            s->name = s->sec->name;
        } else if (s->type == STT_FILE && !o->file) {
            o->file = s->name;
        } else if (sym_is_named(s) && s->sec) {
            s->sec->nsyms++;
            total++;
        }
    }
    o->by_sec = cursor = calloc(total ? total : 1, sizeof(*o->by_sec));
    if (!cursor)
        return log_error("out of memory");
    for (size_t i = 0; i < o->nsecs; i++) {
        o->secs[i].syms = cursor;
        cursor += o->secs[i].nsyms;
        o->secs[i].nsyms = 0;
    }
    for (size_t i = 0; i < o->nsyms; i++) {
        struct symbol *s = &o->syms[i];

        if (sym_is_named(s) && s->sec)
            s->sec->syms[s->sec->nsyms++] = s;
    }
    for (size_t i = 0; i < o->nsecs; i++) {
        struct section *sec = &o->secs[i];

        qsort(sec->syms, sec->nsyms, sizeof(*sec->syms), by_value);
        if (sec->nsyms == 1 && sec->syms[0]->value == 0)
            sec->bundled = sec->syms[0];
    }
    return 0;
}

static int make_keys(struct object *o)
{
    size_t len = 0;
    char *k;

    for (size_t i = 0; i < o->nsyms; i++)
        len += strlen(o->syms[i].name) + 1;
    o->keys = k = malloc(len ? len : 1);
    if (!k)
        return log_error("out of memory");
    for (size_t i = 0; i < o->nsyms; i++) {
        struct symbol *s = &o->syms[i];

        s->key = k;
        if (sym_is_static_local(s)) {
            size_t n = (size_t)(strrchr(s->name, '.') - s->name);

            memcpy(k, s->name, n);
            k[n] = '\0';
        } else {
            name_clone_key(s->name, k);
        }
        k += strlen(k) + 1;
    }
    return 0;
}

static int by_offset(const void *a, const void *b)
{
    const struct reloc *x = a, *y = b;

    if (x->offset != y->offset)
        return x->offset < y->offset ? -1 : 1;
    if (x->type != y->type)
        return x->type < y->type ? -1 : 1;
    return x->sym->index < y->sym->index ? -1 : x->sym->index > y->sym->index;
}

/* Sorts a section's relocations by offset (assemblers nearly always emit them so). */
static void sort_relocs(struct section *rs)
{
    for (size_t j = 1; j < rs->nrelocs; j++)
        if (rs->relocs[j].offset < rs->relocs[j - 1].offset) {
            qsort(rs->relocs, rs->nrelocs, sizeof(*rs->relocs), by_offset);
            return;
        }
}

/* REL: the addend is the relocated field's current value. */
static void decode_addends(struct object *o, struct section *rs)
{
    const struct section *base = rs->base;

    for (size_t j = 0; j < rs->nrelocs; j++) {
        struct reloc *r = &rs->relocs[j];
        uint32_t mask;

        if (!base->data || r->offset >= base->size ||
            o->arch->rel_get(r->type, base->data + r->offset, base->size - r->offset, &r->addend,
                             &mask))
            r->addend = 0; /* an unknown type: refused if it matters */
    }
}

/* The function or object of @sec containing offset @off, or NULL. */
static struct symbol *section_symbol_at(const struct section *sec, uint64_t off)
{
    size_t lo = 0, hi = sec->nsyms;
    struct symbol *s;

    /* The last symbol starting at or before @off. */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;

        if (sec->syms[mid]->value <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo)
        return NULL;
    s = sec->syms[lo - 1];
    if (off < s->value + s->size)
        return s;
    /* One past the end ("&array[N]") belongs to it unless another symbol starts there. */
    if (off == s->value + s->size && (lo == sec->nsyms || sec->syms[lo]->value != off))
        return s;
    return NULL;
}

static void canonicalize(const struct object *o, struct section *rs)
{
    bool in_code = sec_is_text(rs->base);

    for (size_t j = 0; j < rs->nrelocs; j++) {
        struct reloc *r = &rs->relocs[j];
        struct section *sec = r->sym->sec;
        int64_t bias = o->arch->bias(r->type, in_code, &r->slack), off;
        struct symbol *t;

        r->target = r->sym;
        r->taddend = r->addend;
        if (!sec)
            continue;
        if (section_kind(sec) == SK_MERGE && !sym_is_named(r->sym)) {
            r->merge = sec;
            r->merge_off = (int64_t)r->sym->value + r->addend + bias;
            continue;
        }
        if (sym_is_named(r->sym) || (r->sym->type != STT_SECTION && r->sym->bind != STB_LOCAL))
            continue;
        /* A section symbol or a local label (ARM's ".LANCHOR0"): find what it lands in. */
        off = (int64_t)r->sym->value + r->addend;
        t = sec->bundled;
        if (!t && off + bias >= 0)
            t = section_symbol_at(sec, (uint64_t)(off + bias));
        if (t) {
            r->target = t;
            r->taddend = off - (int64_t)t->value;
        } else if (r->sym->type != STT_SECTION && sec->secsym) {
            r->target = sec->secsym;
            r->taddend = off;
        }
    }
}

static int build_hashes(struct object *o)
{
    if (hash_init(&o->sec_names, o->nsecs) || hash_init(&o->sym_names, o->nsyms) ||
        hash_init(&o->sym_keys, o->nsyms))
        return log_error("out of memory");
    for (size_t i = 1; i < o->nsecs; i++)
        if (hash_add(&o->sec_names, o->secs[i].name, &o->secs[i]))
            return log_error("out of memory");
    for (size_t i = 1; i < o->nsyms; i++) {
        struct symbol *s = &o->syms[i];

        if (!*s->name || s->type == STT_SECTION || s->type == STT_FILE || name_is_mapping(s->name))
            continue;
        if (hash_add(&o->sym_names, s->name, s) ||
            (sym_is_named(s) && hash_add(&o->sym_keys, s->key, s)))
            return log_error("out of memory");
    }
    return 0;
}

int object_load(struct object *o, const char *path)
{
    memset(o, 0, sizeof(*o));
    if (elf_io_read(o, path))
        return -1;
    o->arch = arch_for(o->machine, o->elf_class);
    if (!o->arch)
        return log_error("%s: unsupported machine %u (ELF class %u)", path, o->machine,
                         o->elf_class);
    if (link_symbols(o) || make_keys(o))
        return -1;
    for (size_t i = 1; i < o->nsecs; i++) {
        struct section *rs = &o->secs[i];

        if (!sec_is_rel(rs) || section_kind(rs->base) == SK_IGNORED)
            continue;
        if (!o->arch->rela)
            decode_addends(o, rs);
        sort_relocs(rs);
        canonicalize(o, rs);
    }
    return build_hashes(o);
}

void object_free(struct object *o)
{
    hash_free(&o->sec_names);
    hash_free(&o->sym_names);
    hash_free(&o->sym_keys);
    free(o->secs);
    free(o->syms);
    free(o->relocs);
    free(o->by_sec);
    free(o->keys);
    elf_io_close(o);
    memset(o, 0, sizeof(*o));
}

struct section *object_section(const struct object *o, const char *name)
{
    return hash_get(&o->sec_names, name);
}

struct symbol *object_symbol(const struct object *o, const char *name)
{
    return hash_get(&o->sym_names, name);
}
