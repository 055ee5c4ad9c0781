/* SPDX-License-Identifier: MIT */
/*
 * The only code that talks to libelf: reading an object into the model
 * (model.h), reading a linked image's symbols, and writing an output
 * object described by plain arrays.
 */
#ifndef DIFFER_ELF_IO_H
#define DIFFER_ELF_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct object;

/*
 * Reads @path's header, sections (data stays in libelf's buffers until
 * elf_io_close), symbols and relocations.  Relocation addends are the
 * explicit ones; REL entries get 0 (arch code decodes the field).
 */
int elf_io_read(struct object *o, const char *path);
void elf_io_close(struct object *o);

struct elf_io_sym {
    const char *name;
    uint8_t type, bind;
    uint16_t shndx;
    uint64_t value, size;
};

/* Calls @fn for each symbol of @path's symbol table, in order; stops on non-zero. */
int elf_io_symbols(const char *path, int (*fn)(void *ctx, const struct elf_io_sym *s), void *ctx);

struct out_rel {
    uint64_t offset;
    uint32_t sym, type;
    int64_t addend;
};

struct out_sec {
    const char *name;
    uint32_t type;
    uint64_t flags, align, entsize, size;
    uint8_t *data;        /* NULL for SHT_NOBITS and relocation sections */
    unsigned int info;    /* relocation section: its base's index */
    struct out_rel *rels; /* relocation section: its entries */
    size_t nrels;
};

struct out_sym {
    const char *name;
    uint64_t value, size;
    uint8_t bind, type, other;
    uint16_t shndx;
};

/* An object to write: sections 1..nsecs, then .symtab, .strtab and .shstrtab. */
struct out_object {
    uint8_t elf_class, osabi;
    uint16_t machine;
    uint32_t e_flags;
    bool rela; /* relocation sections are SHT_RELA (else SHT_REL) */
    struct out_sec *secs;
    size_t nsecs;
    struct out_sym *syms; /* [0] is the null symbol; locals first */
    size_t nsyms, first_global;
};

int elf_io_write(const char *path, const struct out_object *out);

#endif /* DIFFER_ELF_IO_H */
