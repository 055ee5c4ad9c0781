/* SPDX-License-Identifier: MIT */
/*
 * The relocation engines agree with GNU ld, byte for byte.  mk/reloc.mk
 * builds each fixture under reloc-oracle/ with its architecture's compiler
 * to <arch>-<name>.o and has ld link it (link.sh) to <arch>-<name>.elf,
 * each allocated section NAME alone in output section .oracleNAME.  Here
 * each object is read with the payload ELF model, its sections placed at
 * ld's addresses and its symbols given ld's values; every relocation is
 * applied with the engine, and every section must then equal ld's.  Every
 * type the engine names must occur in some fixture of its architecture.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hv/elf.h>
#include <hv/livepatch_elf.h>
#include <hv/livepatch_reloc.h>

#include "fake.h"
#include "fixture.h"
#include "unit.h"

#ifndef RELOC_ORACLE_DIR
#error "mk/reloc.mk defines RELOC_ORACLE_DIR, where the fixtures are built"
#endif

/* A failure with a message; the test goes on. */
#define FAIL(...) unit_check(false, __FILE__, __LINE__, __VA_ARGS__)

#define SHT_ARM_EXIDX 0x70000001u
#define EXIDX_ENTRY 8
#define MAX_TYPE 512
#define MAX_FIXTURES 8

/* A section of ld's output, by its .oracle name. */
struct out_sec {
    const char *name;
    uint32_t type;
    uint64_t addr, size;
    const uint8_t *data; /* NULL for SHT_NOBITS */
};

/* ld's output: just its sections and its symbol table. */
struct linked {
    uint8_t *buf;
    size_t len;
    unsigned int nsec;
    struct out_sec *sec;
    const struct out_sec *symtab, *strtab;
    size_t symsize;
    bool is64;
};

struct tally {
    unsigned int relocs, sections, fixtures;
    unsigned int per_type[MAX_TYPE];
};

static uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf = NULL;
    long n;

    if (!f)
        return NULL;
    if (!fseek(f, 0, SEEK_END) && (n = ftell(f)) > 0 && !fseek(f, 0, SEEK_SET)) {
        buf = malloc((size_t)n);
        if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
            free(buf);
            buf = NULL;
        }
        *len = (size_t)n;
    }
    fclose(f);
    return buf;
}

static bool in_file(const struct linked *l, uint64_t off, uint64_t size)
{
    return off <= l->len && size <= l->len - off;
}

/* The section headers of ld's output, read with hv/elf.h's layouts. */
static void linked_open(struct linked *l, const char *path, uint8_t elf_class)
{
    uint64_t shoff;
    unsigned int shentsize, shstrndx;
    uint32_t *name_off;

    memset(l, 0, sizeof(*l));
    l->buf = read_file(path, &l->len);
    REQUIRE(l->buf && l->len > sizeof(Elf64_Ehdr) && !memcmp(l->buf, "\177ELF", 4));
    l->is64 = elf_class == ELFCLASS64;
    REQUIRE(l->buf[EI_CLASS] == elf_class);
    if (l->is64) {
        Elf64_Ehdr e;

        memcpy(&e, l->buf, sizeof(e));
        shoff = e.e_shoff, l->nsec = e.e_shnum, shentsize = e.e_shentsize;
        shstrndx = e.e_shstrndx;
    } else {
        Elf32_Ehdr e;

        memcpy(&e, l->buf, sizeof(e));
        shoff = e.e_shoff, l->nsec = e.e_shnum, shentsize = e.e_shentsize;
        shstrndx = e.e_shstrndx;
    }
    REQUIRE(shentsize >= (l->is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr)));
    REQUIRE(in_file(l, shoff, (uint64_t)l->nsec * shentsize) && shstrndx < l->nsec);
    l->sec = calloc(l->nsec, sizeof(*l->sec));
    name_off = calloc(l->nsec, sizeof(*name_off));

    REQUIRE(l->sec && name_off);
    for (unsigned int i = 0; i < l->nsec; i++) {
        const uint8_t *p = l->buf + shoff + (uint64_t)i * shentsize;
        struct out_sec *s = &l->sec[i];
        uint64_t off;

        if (l->is64) {
            Elf64_Shdr h;

            memcpy(&h, p, sizeof(h));
            name_off[i] = h.sh_name, s->type = h.sh_type, s->addr = h.sh_addr;
            s->size = h.sh_size, off = h.sh_offset;
        } else {
            Elf32_Shdr h;

            memcpy(&h, p, sizeof(h));
            name_off[i] = h.sh_name, s->type = h.sh_type, s->addr = h.sh_addr;
            s->size = h.sh_size, off = h.sh_offset;
        }
        if (s->type != SHT_NOBITS && s->type != SHT_NULL) {
            REQUIRE(in_file(l, off, s->size));
            s->data = l->buf + off;
        }
    }
    for (unsigned int i = 0; i < l->nsec; i++) {
        const struct out_sec *names = &l->sec[shstrndx];

        REQUIRE(names->data && name_off[i] < names->size && names->data[names->size - 1] == 0);
        l->sec[i].name = (const char *)names->data + name_off[i];
        if (l->sec[i].type == SHT_SYMTAB)
            l->symtab = &l->sec[i];
        if (!strcmp(l->sec[i].name, ".strtab"))
            l->strtab = &l->sec[i];
    }
    free(name_off);
    REQUIRE(l->symtab && l->strtab && l->strtab->data && l->strtab->size);
    l->symsize = l->is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
}

static void linked_close(struct linked *l)
{
    free(l->sec);
    free(l->buf);
}

/* ld's output section for input section @name. */
static const struct out_sec *linked_section(const struct linked *l, const char *name)
{
    for (unsigned int i = 1; i < l->nsec; i++)
        if (!strncmp(l->sec[i].name, ".oracle", 7) && !strcmp(l->sec[i].name + 7, name))
            return &l->sec[i];
    return NULL;
}

/* The value ld gave global symbol @name. */
static bool linked_symbol(const struct linked *l, const char *name, uint64_t *value)
{
    for (uint64_t off = 0; off + l->symsize <= l->symtab->size; off += l->symsize) {
        const uint8_t *p = l->symtab->data + off;
        uint32_t str;
        uint8_t info;

        if (l->is64) {
            Elf64_Sym s;

            memcpy(&s, p, sizeof(s));
            str = s.st_name, info = s.st_info, *value = s.st_value;
        } else {
            Elf32_Sym s;

            memcpy(&s, p, sizeof(s));
            str = s.st_name, info = s.st_info, *value = s.st_value;
        }
        if (ELF_ST_BIND(info) != STB_LOCAL && str < l->strtab->size &&
            !strcmp((const char *)l->strtab->data + str, name))
            return true;
    }
    return false;
}

/* Gives each allocated section of @elf its own copy at ld's address. */
static void place_sections(struct lp_elf *elf, const struct linked *l, const char *who)
{
    for (unsigned int i = 1; i < elf->nsec; i++) {
        struct lp_elf_sec *s = &elf->sec[i];
        const struct out_sec *o;

        if (!(s->flags & SHF_ALLOC) || !s->size)
            continue; /* ld drops empty sections */
        o = linked_section(l, s->name);
        if (!o) {
            FAIL("%s: ld did not place %s", who, s->name);
            unit_stop();
        }
        /* ld ends the last .ARM.exidx with an EXIDX_CANTUNWIND entry of its own. */
        if (!(o->size == s->size || (s->type == SHT_ARM_EXIDX && o->size == s->size + EXIDX_ENTRY)))
            FAIL("%s: %s is %#llx bytes, ld's %#llx", who, s->name, (unsigned long long)s->size,
                 (unsigned long long)o->size);
        s->load = calloc(1, s->size);
        REQUIRE(s->load);
        if (s->data)
            memcpy(s->load, s->data, s->size);
        s->load_addr = o->addr;
    }
}

/* Symbols get ld's values: sections' addresses, --defsym values for the undefined. */
static void resolve_symbols(struct lp_elf *elf, const struct linked *l, const char *who)
{
    for (unsigned int i = 1; i < elf->nsym; i++) {
        struct lp_elf_sym *s = &elf->sym[i];
        uint64_t ld_value = 0;
        bool in_ld = *s->name && linked_symbol(l, s->name, &ld_value);

        if (s->shndx == SHN_UNDEF) {
            if (*s->name && !in_ld)
                FAIL("%s: ld did not define %s", who, s->name);
            s->value = ld_value;
            continue;
        }
        if (s->shndx == SHN_ABS || s->shndx >= elf->nsec)
            continue;
        s->value += elf->sec[s->shndx].load_addr;
        /* A check of the placement itself, where ld's symbol is unique. */
        if (s->bind != STB_LOCAL && in_ld && s->value != ld_value)
            FAIL("%s: %s at %#llx, ld's at %#llx", who, s->name, (unsigned long long)s->value,
                 (unsigned long long)ld_value);
    }
}

static void apply_section(const struct lp_reloc_arch *a, struct lp_elf *elf,
                          const struct lp_elf_sec *r, struct tally *t, const char *who)
{
    struct lp_elf_sec *target = &elf->sec[r->info];

    if (!(target->flags & SHF_ALLOC) || !target->size)
        return;
    for (size_t i = 0; i < lp_elf_rel_count(elf, r); i++) {
        struct lp_elf_rel rel;
        int rc;

        lp_elf_rel_get(elf, r, i, &rel);
        REQUIRE(rel.sym < elf->nsym && rel.offset < target->size && rel.type < MAX_TYPE);
        rc = a->apply(rel.type, target->load + rel.offset, target->size - rel.offset,
                      target->load_addr + rel.offset, elf->sym[rel.sym].value, rel.addend,
                      r->type == SHT_RELA);
        if (rc)
            FAIL("%s: %s at %s+%#llx: error %d", who,
                 a->type_name(rel.type) ? a->type_name(rel.type) : "unknown type", target->name,
                 (unsigned long long)rel.offset, rc);
        t->relocs++;
        t->per_type[rel.type]++;
    }
}

static void compare_sections(const struct lp_elf *elf, const struct linked *l, struct tally *t,
                             const char *who)
{
    for (unsigned int i = 1; i < elf->nsec; i++) {
        const struct lp_elf_sec *s = &elf->sec[i];
        const struct out_sec *o = s->load ? linked_section(l, s->name) : NULL;
        uint64_t at = 0;

        if (!o || !s->data)
            continue;
        while (at < s->size && s->load[at] == o->data[at])
            at++;
        if (at < s->size)
            unit_check(false, __FILE__, __LINE__,
                       "%s: %s+%#llx (%#llx): engine wrote %02x, ld %02x", who, s->name,
                       (unsigned long long)at, (unsigned long long)(o->addr + at), s->load[at],
                       o->data[at]);
        t->sections++;
    }
}

static void check_fixture(const struct lp_reloc_arch *a, const char *stem, struct tally *t)
{
    char path[512];
    struct lp_elf elf;
    struct linked l;
    uint8_t *obj;
    size_t len = 0;
    int rc;

    snprintf(path, sizeof(path), "%s/%s.o", RELOC_ORACLE_DIR, stem);
    obj = read_file(path, &len);
    REQUIRE(obj);
    rc = lp_elf_parse(&elf, obj, len, a->machine, a->elf_class, stem);
    if (!rc)
        rc = lp_elf_parse_symbols(&elf, stem);
    if (rc) {
        FAIL("%s: refused by the ELF model (%d): %s", stem, rc, fake_console_output());
        unit_stop();
    }
    snprintf(path, sizeof(path), "%s/%s.elf", RELOC_ORACLE_DIR, stem);
    linked_open(&l, path, a->elf_class);
    place_sections(&elf, &l, stem);
    resolve_symbols(&elf, &l, stem);
    for (unsigned int i = 1; i < elf.nsec; i++)
        if (elf.sec[i].type == SHT_REL || elf.sec[i].type == SHT_RELA)
            apply_section(a, &elf, &elf.sec[i], t, stem);
    compare_sections(&elf, &l, t, stem);
    for (unsigned int i = 1; i < elf.nsec; i++)
        free(elf.sec[i].load);
    lp_elf_free(&elf);
    linked_close(&l);
    free(obj);
    t->fixtures++;
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The fixtures of @arch: "<arch>-<name>" for each <arch>-<name>.o built. */
static unsigned int find_fixtures(const char *arch, char *stems[MAX_FIXTURES])
{
    DIR *d = opendir(RELOC_ORACLE_DIR);
    size_t plen = strlen(arch);
    unsigned int n = 0;
    struct dirent *e;

    REQUIRE(d);
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);

        if (len > plen + 3 && !strncmp(e->d_name, arch, plen) && e->d_name[plen] == '-' &&
            !strcmp(e->d_name + len - 2, ".o")) {
            REQUIRE(n < MAX_FIXTURES);
            stems[n++] = strndup(e->d_name, len - 2);
        }
    }
    closedir(d);
    qsort(stems, n, sizeof(*stems), by_name);
    return n;
}

static void oracle(const struct lp_reloc_arch *a)
{
    char *stems[MAX_FIXTURES];
    unsigned int n = find_fixtures(a->name, stems), types = 0;
    struct tally *t = calloc(1, sizeof(*t));

    REQUIRE(t);
    fixture_boot(); /* the ELF model allocates from the hypervisor's heap */
    if (!n)
        FAIL("no %s fixtures in %s", a->name, RELOC_ORACLE_DIR);
    for (unsigned int i = 0; i < n; i++) {
        check_fixture(a, stems[i], t);
        free(stems[i]);
    }
    for (uint32_t type = 0; type < MAX_TYPE; type++) {
        types += t->per_type[type] != 0;
        if (a->type_name(type) && !t->per_type[type])
            FAIL("%s is in no %s fixture", a->type_name(type), a->name);
    }
    printf("oracle %s: %u relocations of %u types in %u fixtures, %u sections compared with "
           "GNU ld's\n",
           a->name, t->relocs, types, t->fixtures, t->sections);
    free(t);
}

TEST(x86_64)
{
    oracle(&lp_reloc_x86_64);
}

TEST(aarch64)
{
    oracle(&lp_reloc_aarch64);
}

TEST(arm)
{
    oracle(&lp_reloc_arm);
}
