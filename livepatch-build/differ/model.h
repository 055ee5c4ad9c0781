/* SPDX-License-Identifier: MIT */
/*
 * The differ's model of one relocatable object: arrays of sections,
 * symbols and relocations, each allocated once with sizes taken from the
 * counts at open, plus hash tables by name.  Every element has a twin
 * pointer to its correlated partner in the other object and a status.
 */
#ifndef DIFFER_MODEL_H
#define DIFFER_MODEL_H

#include <elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hash.h"

struct arch;
struct symbol;
struct section;

enum status { ST_SAME, ST_CHANGED, ST_NEW };

struct reloc {
    uint64_t offset; /* in the base section */
    uint32_t type;
    int64_t addend; /* explicit (RELA) or decoded from the field (REL) */
    struct symbol *sym;
    /*
     * The canonical target.  A reference through a section symbol becomes
     * one to the named symbol it lands in ("target" + "taddend"); one into
     * a mergeable section is compared by content ("merge" at "merge_off").
     */
    struct symbol *target;
    int64_t taddend;
    struct section *merge;
    int64_t merge_off;
    unsigned int slack; /* the target may lie up to this many bytes further */
};

struct section {
    unsigned int index;
    const char *name;
    uint32_t type, link, info;
    uint64_t flags, size, entsize, align;
    const uint8_t *data; /* NULL for SHT_NOBITS */
    struct section *twin;
    enum status status;
    bool include;
    struct section *relsec; /* its SHT_REL(A) section */
    struct section *base;   /* for a SHT_REL(A) section: what it relocates */
    struct reloc *relocs;   /* sorted by offset */
    size_t nrelocs;
    struct symbol *secsym;  /* its STT_SECTION symbol */
    struct symbol *bundled; /* its only function or object, at offset 0 */
    struct symbol **syms;   /* functions and objects in it, by value */
    size_t nsyms;
    bool *keep; /* a table trimmed to included code: which entries stay */
    uint64_t keep_entsize;
};

struct symbol {
    unsigned int index;
    const char *name;
    const char *key; /* name without clone or static-local numbering */
    uint8_t bind, type, other;
    uint16_t shndx;
    uint64_t value, size;
    struct section *sec;
    struct symbol *twin;
    struct symbol *parent; /* of a ".cold" part: the function it belongs to */
    enum status status;
    bool include; /* referenced by the output (defined there if sec->include) */
};

struct object {
    const char *path;
    const struct arch *arch;
    uint8_t elf_class, osabi;
    uint16_t machine;
    uint32_t e_flags;
    const char *file; /* its STT_FILE name: the source path in the hypervisor build */
    struct section *secs;
    size_t nsecs;
    struct symbol *syms;
    size_t nsyms;
    struct reloc *relocs;
    size_t nrelocs;
    struct symbol **by_sec; /* storage for every section's syms */
    char *keys;             /* storage for every symbol's key */
    struct hash sec_names, sym_names, sym_keys;
    void *elf; /* elf_io's handle: the data above points into it */
};

/* Is @s a function or object symbol (not a section, file or label)? */
static inline bool sym_is_named(const struct symbol *s)
{
    return s->type == STT_FUNC || s->type == STT_OBJECT;
}

static inline bool sec_is_rel(const struct section *s)
{
    return s->type == SHT_REL || s->type == SHT_RELA;
}

static inline bool sec_is_text(const struct section *s)
{
    return s->flags & SHF_EXECINSTR;
}

/* Loads @path into @o: model, canonical relocation targets, hash tables. */
int object_load(struct object *o, const char *path);
void object_free(struct object *o);

struct section *object_section(const struct object *o, const char *name);
struct symbol *object_symbol(const struct object *o, const char *name);

#endif /* DIFFER_MODEL_H */
