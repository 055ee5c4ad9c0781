/* SPDX-License-Identifier: MIT */
/*
 * A checked, read-only model of a relocatable ELF object (a live-patch
 * payload) held in a buffer, for ELF32 and ELF64 little-endian alike.
 *
 Parsing has two stages so a payload for another hypervisor build can be
 * refused before its symbols are looked at: lp_elf_parse() checks the
 * header, the section table, every section's file range and alignment, and
 * the section names; lp_elf_parse_symbols() then checks the one symbol
 * table, its string table, every symbol's name, and every relocation
 * section's links and entry size.  A failure gets -EINVAL or -EOPNOTSUPP
 * and a message naming the payload and the reason, and frees the model.
 *
 * Pure portable C: it builds in the hypervisor and on the host (unit tests,
 * fuzzer).  It allocates with xzalloc_array()/xfree().
 */
#ifndef HV_LIVEPATCH_ELF_H
#define HV_LIVEPATCH_ELF_H

#include <hv/types.h>
#include <hv/elf.h>

#define LP_MAX_SECTIONS 1024 /* as Xen: e_shnum must be below this */

struct lp_elf_sec {
    const char *name; /* NUL-terminated, inside .shstrtab */
    uint32_t type;    /* SHT_* */
    uint64_t flags;   /* SHF_* */
    uint64_t offset, size, align, entsize;
    uint32_t link, info;
    const uint8_t *data; /* file contents; NULL for SHT_NOBITS */
    /* Set when the section is placed (allocated sections only): */
    uint8_t *load;      /* writable view of its memory */
    uint64_t load_addr; /* its run-time address */
};

struct lp_elf_sym {
    const char *name; /* NUL-terminated, inside the string table ("" if none) */
    uint64_t value, size;
    uint16_t shndx;
    uint8_t type, bind; /* STT_*, STB_* */
};

struct lp_elf {
    const uint8_t *buf;
    size_t len;
    uint16_t machine;
    uint8_t elf_class; /* ELFCLASS32 or ELFCLASS64 */
    uint32_t e_flags;
    unsigned int nsec;
    struct lp_elf_sec *sec; /* sec[0] is the null section */
    unsigned int nsym;
    struct lp_elf_sym *sym; /* sym[0] is the null symbol */
    unsigned int symtab;    /* index of the SHT_SYMTAB section */
};

/*
 * Checks @buf (@len bytes) as an ET_REL object of @machine and @elf_class
 * up to its section names.  @who names the payload in messages.  On
 * failure *@elf is empty and a reason has been logged.
 */
int lp_elf_parse(struct lp_elf *elf, const void *buf, size_t len, uint16_t machine,
                 uint8_t elf_class, const char *who);
/* The second stage: symbols and relocation sections.  Frees on failure. */
int lp_elf_parse_symbols(struct lp_elf *elf, const char *who);
void lp_elf_free(struct lp_elf *elf);

/* The section called @name, or NULL. */
const struct lp_elf_sec *lp_elf_section(const struct lp_elf *elf, const char *name);

/*
 * Decoding without checks, shared with the signature check (sig_note.c),
 * which must find the signature before lp_elf_parse() has checked anything.
 * Callers bound every read: the header's size, and the section table
 * inside the buffer.
 */
struct lp_elf_ehdr {
    uint16_t type, machine;
    uint32_t flags;
    uint64_t phoff, shoff;
    uint16_t ehsize, phnum, shentsize, shnum, shstrndx;
};
void lp_elf_read_ehdr(const uint8_t *buf, uint8_t elf_class, struct lp_elf_ehdr *h);
/* Section header @i: every field but the name, whose offset goes to *@name. */
void lp_elf_read_shdr(const uint8_t *buf, uint8_t elf_class, const struct lp_elf_ehdr *h,
                      unsigned int i, struct lp_elf_sec *s, uint32_t *name);

/* Is [off, off+len) inside a buffer of @size bytes? */
static inline bool lp_elf_in_buf(uint64_t off, uint64_t len, uint64_t size)
{
    return off <= size && len <= size - off;
}

/* Relocation entries of a checked SHT_REL/SHT_RELA section, normalised. */
struct lp_elf_rel {
    uint64_t offset;
    uint32_t type, sym;
    int64_t addend; /* 0 for SHT_REL */
};
/* Reads entry @i of relocation section @rsec (lp_elf_parse checked the bounds). */
void lp_elf_rel_get(const struct lp_elf *elf, const struct lp_elf_sec *rsec, size_t i,
                    struct lp_elf_rel *out);
/* Number of entries in relocation section @rsec. */
size_t lp_elf_rel_count(const struct lp_elf *elf, const struct lp_elf_sec *rsec);

#endif /* HV_LIVEPATCH_ELF_H */
