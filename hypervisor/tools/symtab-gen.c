/* SPDX-License-Identifier: MIT */
/*
 * symtab-gen: writes the assembly for the hypervisor's embedded symbol
 * table from a linked xen-syms.
 *
 *   symtab-gen --empty            a table with no symbols (first link)
 *   symtab-gen XEN-SYMS           the table of XEN-SYMS's defined symbols
 *
 * Globals keep their names; locals become "<file>#<name>", where <file> is
 * the STT_FILE symbol that precedes them (the build renames it to the
 * source path).  Section and file symbols, local labels (.L*) and ARM
 * mapping symbols ($a, $d, $x, $t) are left out.  The symbol set does not
 * depend on the table's contents, so a table generated from one link has
 * the size of the next one's: the build links three times and checks the
 * last table matches its own image.  Output order is fixed (by address,
 * then name), so the result is reproducible.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FLAG_FUNC 1u
#define FLAG_OBJECT 2u
#define FLAG_LOCAL 4u

struct sym {
    char *name;
    uint64_t offset, size;
    unsigned int flags;
};

struct table {
    struct sym *syms;
    size_t count, cap;
};

static void die(const char *what)
{
    fprintf(stderr, "symtab-gen: %s\n", what);
    exit(1);
}

static void add(struct table *t, char *name, uint64_t offset, uint64_t size, unsigned int flags)
{
    if (t->count == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 1024;
        t->syms = realloc(t->syms, t->cap * sizeof(*t->syms));
        if (!t->syms)
            die("out of memory");
    }
    t->syms[t->count++] = (struct sym){ name, offset, size, flags };
}

static int by_address(const void *a, const void *b)
{
    const struct sym *x = a, *y = b;

    if (x->offset != y->offset)
        return x->offset < y->offset ? -1 : 1;
    return strcmp(x->name, y->name);
}

static const struct sym *sorted_syms;

static int by_name(const void *a, const void *b)
{
    const struct sym *x = &sorted_syms[*(const uint32_t *)a];
    const struct sym *y = &sorted_syms[*(const uint32_t *)b];
    int c = strcmp(x->name, y->name);

    return c ? c : (x->offset < y->offset ? -1 : x->offset > y->offset);
}

static int skip_name(const char *n)
{
    return !*n || !strncmp(n, ".L", 2) ||
           (n[0] == '$' && strchr("adtx", n[1]) && (n[2] == '\0' || n[2] == '.'));
}

static char *qualified(const char *file, const char *name)
{
    size_t len = strlen(file) + strlen(name) + 2;
    char *s = malloc(len);

    if (!s)
        die("out of memory");
    snprintf(s, len, "%s#%s", file, name);
    return s;
}

/* Finds a symbol's value by name; exits if absent. */
static uint64_t lookup(Elf *elf, Elf_Data *data, size_t strndx, size_t n, const char *want)
{
    for (size_t i = 1; i < n; i++) {
        GElf_Sym s;
        const char *name;

        if (!gelf_getsym(data, (int)i, &s))
            continue;
        name = elf_strptr(elf, strndx, s.st_name);
        if (name && !strcmp(name, want))
            return s.st_value;
    }
    fprintf(stderr, "symtab-gen: no symbol %s\n", want);
    exit(1);
}

static void read_symbols(const char *path, struct table *t)
{
    int fd = open(path, O_RDONLY);
    Elf *elf;
    Elf_Scn *scn = NULL;
    GElf_Shdr sh;
    Elf_Data *data;
    uint64_t base;
    const char *file = "?";
    size_t n;

    if (fd < 0) {
        fprintf(stderr, "symtab-gen: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    elf_version(EV_CURRENT);
    elf = elf_begin(fd, ELF_C_READ, NULL);
    if (!elf)
        die(elf_errmsg(-1));
    while ((scn = elf_nextscn(elf, scn)) && (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB))
        ;
    if (!scn || !(data = elf_getdata(scn, NULL)))
        die("no symbol table");
    n = sh.sh_size / sh.sh_entsize;
    base = lookup(elf, data, sh.sh_link, n, "__image_start");
    for (size_t i = 1; i < n; i++) {
        GElf_Sym s;
        const char *name;
        unsigned int type, flags;

        if (!gelf_getsym(data, (int)i, &s) || !(name = elf_strptr(elf, sh.sh_link, s.st_name)))
            continue;
        type = GELF_ST_TYPE(s.st_info);
        if (type == STT_FILE) {
            file = name;
            continue;
        }
        if (type == STT_SECTION || s.st_shndx == SHN_UNDEF || skip_name(name))
            continue;
        if (s.st_value < base || s.st_value - base > UINT32_MAX)
            continue;
        flags = (type == STT_FUNC ? FLAG_FUNC : 0) | (type == STT_OBJECT ? FLAG_OBJECT : 0);
        if (GELF_ST_BIND(s.st_info) == STB_LOCAL) {
            add(t, qualified(file, name), s.st_value - base, s.st_size, flags | FLAG_LOCAL);
        } else {
            char *copy = strdup(name);

            if (!copy)
                die("out of memory");
            add(t, copy, s.st_value - base, s.st_size, flags);
        }
    }
    elf_end(elf);
    close(fd);
}

static void emit(const struct table *t)
{
    uint32_t *order = malloc((t->count + 1) * sizeof(*order));
    size_t name_off = 0;

    if (!order)
        die("out of memory");
    printf("/* Generated by symtab-gen: do not edit. */\n");
    printf("    .section .symtab_data, \"a\"\n    .balign 8\n");
    printf("    .globl symtab_entries, symtab_by_name, symtab_count, symtab_names\n");
    printf("symtab_entries:\n");
    for (size_t i = 0; i < t->count; i++) {
        const struct sym *s = &t->syms[i];

        printf("    .long %#llx, %#llx, %zu, %u\n", (unsigned long long)s->offset,
               (unsigned long long)(s->size > UINT32_MAX ? UINT32_MAX : s->size), name_off,
               s->flags);
        name_off += strlen(s->name) + 1;
    }
    for (size_t i = 0; i < t->count; i++)
        order[i] = (uint32_t)i;
    sorted_syms = t->syms;
    qsort(order, t->count, sizeof(*order), by_name);
    printf("symtab_by_name:\n");
    for (size_t i = 0; i < t->count; i++)
        printf("    .long %u\n", order[i]);
    printf("symtab_count:\n    .long %zu\n", t->count);
    printf("symtab_names:\n");
    for (size_t i = 0; i < t->count; i++)
        printf("    .asciz \"%s\"\n", t->syms[i].name);
    printf("    .byte 0\n");
    free(order);
}

int main(int argc, char **argv)
{
    struct table t = { 0 };

    if (argc != 2) {
        fprintf(stderr, "usage: symtab-gen --empty | symtab-gen XEN-SYMS\n");
        return 1;
    }
    if (strcmp(argv[1], "--empty"))
        read_symbols(argv[1], &t);
    qsort(t.syms, t.count, sizeof(*t.syms), by_address);
    emit(&t);
    for (size_t i = 0; i < t.count; i++)
        free(t.syms[i].name);
    free(t.syms);
    return 0;
}
