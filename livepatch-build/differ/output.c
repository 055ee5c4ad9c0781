/* SPDX-License-Identifier: MIT */
/*
 * The output object: the included sections (tables trimmed to their kept
 * entries), .livepatch.strings and .livepatch.funcs, an empty
 * .note.GNU-stack, and ARM's build attributes; then a symbol table with
 * locals first, and every relocation rewritten for the new section and
 * symbol numbers.  A reference to something the output does not define
 * becomes an undefined symbol named as the hypervisor's table names it.
 * No build-id: the driver links outputs with "ld -r" and adds the notes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "elf_io.h"
#include "funcs.h"
#include "log.h"
#include "names.h"
#include "passes.h"

struct builder {
    struct diff *d;
    const struct arch *arch;
    struct out_object out;
    size_t capsecs, capsyms;
    const struct section **src; /* out section -> the patched section it copies */
    unsigned int *sec_out;      /* patched section -> out section (0: none) */
    unsigned int *sym_out;      /* patched symbol -> out symbol (0: none) */
    unsigned int *secsym_out;   /* out section -> its section symbol */
    unsigned int **kept;        /* out section of a trimmed table -> new index of each entry */
    struct hash undef;          /* undefined symbols by name: out index */
    char **names;               /* strings the builder allocated */
    size_t nnames, capnames;
    struct funcs_table funcs;
    unsigned int strings_sec, funcs_sec;
};

static const char *keep_name(struct builder *b, char *s)
{
    if (!s)
        return NULL;
    if (b->nnames == b->capnames) {
        size_t cap = b->capnames ? 2 * b->capnames : 64;
        char **n = realloc(b->names, cap * sizeof(*n));

        if (!n) {
            free(s);
            return NULL;
        }
        b->names = n;
        b->capnames = cap;
    }
    b->names[b->nnames++] = s;
    return s;
}

static const char *concat(struct builder *b, const char *a, const char *c)
{
    char *s = malloc(strlen(a) + strlen(c) + 1);

    if (s)
        sprintf(s, "%s%s", a, c);
    return keep_name(b, s);
}

static unsigned int add_sec(struct builder *b, const struct out_sec *s, const struct section *src)
{
    b->out.secs[b->out.nsecs] = *s;
    b->src[b->out.nsecs] = src;
    return (unsigned int)++b->out.nsecs;
}

static int add_sym(struct builder *b, const struct out_sym *s, unsigned int *index)
{
    if (b->out.nsyms == b->capsyms) {
        size_t cap = 2 * b->capsyms;
        struct out_sym *n = realloc(b->out.syms, cap * sizeof(*n));

        if (!n)
            return log_error("out of memory");
        b->out.syms = n;
        b->capsyms = cap;
    }
    b->out.syms[b->out.nsyms] = *s;
    if (index)
        *index = (unsigned int)b->out.nsyms;
    b->out.nsyms++;
    return 0;
}

/* A copy of @s's bytes, only the kept entries for a trimmed table (their new indexes in @kept). */
static uint8_t *copy_data(const struct section *s, uint64_t *size, unsigned int **kept)
{
    uint8_t *data;
    uint64_t n = 0, entries = s->keep ? s->size / s->keep_entsize : 0;

    *size = s->size;
    if (s->type == SHT_NOBITS)
        return NULL;
    data = malloc(s->size ? s->size : 1);
    if (!data || !s->keep) {
        if (data && s->size)
            memcpy(data, s->data, s->size);
        return data;
    }
    *kept = calloc(entries ? entries : 1, sizeof(**kept));
    if (!*kept) {
        free(data);
        return NULL;
    }
    for (uint64_t i = 0; i < entries; i++)
        if (s->keep[i]) {
            (*kept)[i] = (unsigned int)n;
            memcpy(data + n * s->keep_entsize, s->data + i * s->keep_entsize, s->keep_entsize);
            n++;
        }
    *size = n * s->keep_entsize;
    return data;
}

/* The relocation section for out section @base. */
static struct out_sec rel_section(const struct builder *b, const char *name, unsigned int base)
{
    return (struct out_sec){ .name = name,
                             .type = b->arch->rela ? SHT_RELA : SHT_REL,
                             .align = b->arch->ptr_size,
                             .info = base };
}

static int add_included_sections(struct builder *b)
{
    const struct object *p = &b->d->patched;

    for (size_t i = 1; i < p->nsecs; i++) {
        const struct section *s = &p->secs[i];
        struct out_sec o = { .name = s->name,
                             .type = s->type,
                             .flags = s->flags & ~(uint64_t)SHF_GROUP,
                             .align = s->align,
                             .entsize = s->entsize };
        const char *rel_name;
        unsigned int at;

        if (!s->include)
            continue;
        o.data = copy_data(s, &o.size, &b->kept[b->out.nsecs + 1]);
        if (!o.data && s->type != SHT_NOBITS)
            return log_error("out of memory");
        at = b->sec_out[i] = add_sec(b, &o, s);
        if (!s->nrelocs)
            continue;
        rel_name = concat(b, b->arch->rela ? ".rela" : ".rel", s->name);
        if (!rel_name)
            return log_error("out of memory");
        o = rel_section(b, rel_name, at);
        add_sec(b, &o, s);
    }
    return 0;
}

static int add_livepatch_sections(struct builder *b)
{
    const struct arch *arch = b->arch;
    const struct section *attrs = NULL;
    struct out_sec o;

    for (size_t i = 1; i < b->d->patched.nsecs; i++)
        if (b->d->patched.secs[i].type == SHT_ARM_ATTRIBUTES)
            attrs = &b->d->patched.secs[i];
    if (b->funcs.n) {
        o = (struct out_sec){ .name = ".livepatch.strings",
                              .type = SHT_PROGBITS,
                              .flags = SHF_ALLOC,
                              .align = 1,
                              .size = b->funcs.strings_size,
                              .data = (uint8_t *)b->funcs.strings };
        b->strings_sec = add_sec(b, &o, NULL);
        /* Writable: the loader fills in old_addr. */
        o = (struct out_sec){ .name = ".livepatch.funcs",
                              .type = SHT_PROGBITS,
                              .flags = SHF_ALLOC | SHF_WRITE,
                              .align = arch->ptr_size,
                              .entsize = arch->funcs_size,
                              .size = b->funcs.size,
                              .data = b->funcs.data };
        b->funcs_sec = add_sec(b, &o, NULL);
        o = rel_section(b, arch->rela ? ".rela.livepatch.funcs" : ".rel.livepatch.funcs",
                        b->funcs_sec);
        add_sec(b, &o, NULL);
    }
    o = (struct out_sec){ .name = ".note.GNU-stack", .type = SHT_PROGBITS, .align = 1 };
    add_sec(b, &o, NULL);
    if (attrs) {
        o = (struct out_sec){ .name = attrs->name,
                              .type = attrs->type,
                              .flags = attrs->flags,
                              .align = attrs->align,
                              .size = attrs->size,
                              .data = (uint8_t *)(uintptr_t)attrs->data };
        add_sec(b, &o, NULL);
    }
    return 0;
}

/* The name a defined symbol gets: statics as the hypervisor's table would name them. */
static const char *defined_name(struct builder *b, const struct symbol *s)
{
    char buf[512];

    if (s->bind != STB_LOCAL || !sym_is_named(s))
        return s->name;
    return keep_name(b, strdup(xensyms_name(b->d->patched.file, s, buf, sizeof(buf))));
}

static int add_defined(struct builder *b, bool locals)
{
    const struct object *p = &b->d->patched;

    for (size_t i = 1; i < p->nsyms; i++) {
        const struct symbol *s = &p->syms[i];
        struct out_sym o;

        bool abs = s->shndx == SHN_ABS && s->include; /* a constant, kept as it is */

        if ((!abs && (!s->sec || !s->sec->include || s->sec->keep)) || s->type == STT_SECTION ||
            s->type == STT_FILE || (s->bind == STB_LOCAL) != locals)
            continue;
        o = (struct out_sym){ .name = abs ? s->name : defined_name(b, s),
                              .value = s->value,
                              .size = s->size,
                              .bind = s->bind,
                              .type = s->type,
                              .other = s->other,
                              .shndx = abs ? SHN_ABS : (uint16_t)b->sec_out[s->sec->index] };
        if (!o.name || add_sym(b, &o, &b->sym_out[i]))
            return log_error("out of memory");
    }
    return 0;
}

static int add_symbols(struct builder *b)
{
    struct out_sym o = { .name = "", .bind = STB_LOCAL, .type = STT_NOTYPE };

    if (add_sym(b, &o, NULL))
        return -1;
    if (b->d->patched.file) {
        o = (struct out_sym){
            .name = b->d->patched.file, .bind = STB_LOCAL, .type = STT_FILE, .shndx = SHN_ABS
        };
        if (add_sym(b, &o, NULL))
            return -1;
    }
    for (size_t i = 0; i < b->out.nsecs; i++) {
        const struct out_sec *s = &b->out.secs[i];

        if (s->type == SHT_REL || s->type == SHT_RELA || !(s->flags & SHF_ALLOC))
            continue;
        o = (struct out_sym){
            .name = "", .bind = STB_LOCAL, .type = STT_SECTION, .shndx = (uint16_t)(i + 1)
        };
        if (add_sym(b, &o, &b->secsym_out[i + 1]))
            return -1;
    }
    if (add_defined(b, true))
        return -1;
    b->out.first_global = b->out.nsyms;
    return add_defined(b, false);
}

/* The out symbol for a reference to @t: defined in the output, or undefined by name. */
static int target_symbol(struct builder *b, const struct symbol *t, unsigned int *index)
{
    char buf[512];
    const char *name;
    struct out_sym o;
    void *found;

    if (t->type == STT_SECTION) {
        *index = t->sec ? b->secsym_out[b->sec_out[t->sec->index]] : 0;
        return *index ? 0
                      : log_error("reference to section %s, which is not in the output", t->name);
    }
    if (b->sym_out[t->index]) {
        *index = b->sym_out[t->index];
        return 0;
    }
    name = xensyms_name(b->d->patched.file, t, buf, sizeof(buf));
    found = hash_get(&b->undef, name);
    if (found) {
        *index = (unsigned int)(uintptr_t)found;
        return 0;
    }
    o = (struct out_sym){ .name = keep_name(b, strdup(name)),
                          .bind = t->bind == STB_WEAK ? STB_WEAK : STB_GLOBAL,
                          .type = STT_NOTYPE,
                          .shndx = SHN_UNDEF };
    if (!o.name || add_sym(b, &o, index) || hash_add(&b->undef, o.name, (void *)(uintptr_t)*index))
        return log_error("out of memory");
    b->sym_out[t->index] = *index;
    return 0;
}

static int add_reloc(struct builder *b, struct out_sec *rs, struct out_sec *base,
                     const struct out_rel *r)
{
    if (!b->arch->rela &&
        (!base->data || r->offset >= base->size ||
         b->arch->rel_put(r->type, base->data + r->offset, base->size - r->offset, r->addend)))
        return log_error("%s: cannot store addend %lld at %#llx", base->name, (long long)r->addend,
                         (unsigned long long)r->offset);
    rs->rels[rs->nrels++] = *r;
    return 0;
}

static int fill_relocs(struct builder *b, unsigned int at)
{
    struct out_sec *rs = &b->out.secs[at - 1], *base = &b->out.secs[rs->info - 1];
    const struct section *s = b->src[rs->info - 1];

    rs->rels = calloc(s->nrelocs ? s->nrelocs : 1, sizeof(*rs->rels));
    if (!rs->rels)
        return log_error("out of memory");
    for (size_t i = 0; i < s->nrelocs; i++) {
        const struct reloc *r = &s->relocs[i];
        const struct symbol *t = r->merge ? r->sym : r->target;
        struct out_rel o = { r->offset, 0, r->type, r->merge ? r->addend : r->taddend };

        if (s->keep) {
            uint64_t e = r->offset / s->keep_entsize;

            if (!s->keep[e])
                continue;
            o.offset = b->kept[rs->info][e] * s->keep_entsize + r->offset % s->keep_entsize;
        }
        if (target_symbol(b, t, &o.sym) || add_reloc(b, rs, base, &o))
            return -1;
    }
    return 0;
}

static int fill_funcs_relocs(struct builder *b, unsigned int at)
{
    struct out_sec *rs = &b->out.secs[at - 1], *base = &b->out.secs[b->funcs_sec - 1];
    const struct arch *arch = b->arch;

    rs->rels = calloc(2 * b->funcs.n + 1, sizeof(*rs->rels));
    if (!rs->rels)
        return log_error("out of memory");
    for (size_t k = 0; k < b->funcs.n; k++) {
        uint64_t e = k * arch->funcs_size;
        struct out_rel name = { e + b->funcs.name_field, b->secsym_out[b->strings_sec],
                                arch->abs_ptr, (int64_t)b->funcs.name_off[k] };
        struct out_rel new = { e + b->funcs.new_addr_field, b->sym_out[b->funcs.func[k]->index],
                               arch->abs_ptr, 0 };

        if (add_reloc(b, rs, base, &name) || add_reloc(b, rs, base, &new))
            return -1;
    }
    return 0;
}

static int fill_all_relocs(struct builder *b)
{
    for (unsigned int i = 1; i <= b->out.nsecs; i++) {
        const struct out_sec *s = &b->out.secs[i - 1];
        int rc = 0;

        if (s->type != SHT_REL && s->type != SHT_RELA)
            continue;
        if (s->info == b->funcs_sec)
            rc = fill_funcs_relocs(b, i);
        else
            rc = fill_relocs(b, i);
        if (rc)
            return -1;
    }
    return 0;
}

static int init(struct builder *b, struct diff *d)
{
    const struct object *p = &d->patched;

    memset(b, 0, sizeof(*b));
    b->d = d;
    b->arch = p->arch;
    b->out = (struct out_object){ .elf_class = p->elf_class,
                                  .osabi = p->osabi,
                                  .machine = p->machine,
                                  .e_flags = p->e_flags,
                                  .rela = p->arch->rela };
    b->capsecs = 2 * p->nsecs + 8;
    b->capsyms = p->nsyms + p->nsecs + 16;
    b->out.secs = calloc(b->capsecs, sizeof(*b->out.secs));
    b->src = calloc(b->capsecs, sizeof(*b->src));
    b->out.syms = calloc(b->capsyms, sizeof(*b->out.syms));
    b->sec_out = calloc(p->nsecs, sizeof(*b->sec_out));
    b->sym_out = calloc(p->nsyms, sizeof(*b->sym_out));
    b->secsym_out = calloc(b->capsecs + 1, sizeof(*b->secsym_out));
    b->kept = calloc(b->capsecs + 1, sizeof(*b->kept));
    if (!b->out.secs || !b->src || !b->out.syms || !b->sec_out || !b->sym_out || !b->secsym_out ||
        !b->kept || hash_init(&b->undef, 64))
        return log_error("out of memory");
    return funcs_build(d, &b->funcs);
}

static void fini(struct builder *b)
{
    for (size_t i = 0; b->out.secs && i < b->out.nsecs; i++) {
        struct out_sec *s = &b->out.secs[i];

        free(s->rels);
        if (b->src[i])
            free(s->data);
    }
    for (size_t i = 0; i < b->nnames; i++)
        free(b->names[i]);
    free(b->names);
    free(b->out.secs);
    free(b->out.syms);
    free(b->src);
    free(b->sec_out);
    free(b->sym_out);
    free(b->secsym_out);
    for (size_t i = 0; b->kept && i <= b->capsecs; i++)
        free(b->kept[i]);
    free(b->kept);
    hash_free(&b->undef);
    funcs_free(&b->funcs);
}

int output_write(struct diff *d, const char *path)
{
    struct builder b;
    int rc = init(&b, d);

    if (!rc)
        rc = add_included_sections(&b);
    if (!rc)
        rc = add_livepatch_sections(&b);
    if (!rc && b.out.nsecs + 3 >= SHN_LORESERVE)
        rc = log_error("%zu sections: too many for an output object", b.out.nsecs);
    if (!rc)
        rc = add_symbols(&b);
    if (!rc)
        rc = fill_all_relocs(&b);
    if (!rc) {
        log_debug("output: %zu sections, %zu symbols", b.out.nsecs, b.out.nsyms);
        rc = elf_io_write(path, &b.out);
    }
    fini(&b);
    return rc;
}
