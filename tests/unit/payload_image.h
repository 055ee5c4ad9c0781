/* SPDX-License-Identifier: MIT */
/*
 * Live-patch payloads built in memory, for the loader's unit tests and the
 * fuzzer's seed corpus.  A payload is first a description (sections,
 * symbols, relocations) that a test may change, then pi_build() writes it
 * as an ELF64 x86_64 ET_REL image whose bytes a test may corrupt.
 *
 * Image layout: ELF header, section header table, then the contents of
 * each section in index order, each on an 8-byte boundary, and nothing
 * after the last one, so that any truncation cuts something the loader
 * needs.  Section indices: the sections added, in order, then one
 * ".rela<name>" per section with relocations, then .symtab, .strtab and
 * .shstrtab.
 *
 * Host-only (libc); never included by common/.  Built with PI_BUILDER_ONLY
 * (the fuzzer's corpus generator), it has only the builder: none of the
 * functions below that need the hypervisor (fake text, memory, uploads).
 */
#ifndef UNIT_PAYLOAD_IMAGE_H
#define UNIT_PAYLOAD_IMAGE_H

#include <stdbool.h>

#include <hv/elf.h>
#include <hv/livepatch_payload.h>

#define PI_MAX_SECS 40
#define PI_MAX_SYMS 40
#define PI_MAX_RELAS 64
#define PI_ARENA_SIZE 16384
#define PI_NAME_MAX 48

/* x86_64 relocation types and ELF constants hv/elf.h leaves out. */
#define PI_R_X86_64_64 1
#define PI_R_X86_64_PC32 2
#define PI_SHF_INFO_LINK 0x40
#define PI_ELFDATA2MSB 2

/*
 * The fake hypervisor text the payloads patch: one page at a fixed host
 * address within 2 GiB of the vmap area (so a 5-byte jump reaches payload
 * code), with nothing mapped after it.  pi_text_init() maps it, fills it
 * and declares it as hypervisor text with fake_text_set().
 */
#define PI_TEXT_ADDR 0x3effffe00000UL
#define PI_TEXT_SIZE 4096UL
#define PI_OLD_FUNC (PI_TEXT_ADDR + 0x000)  /* 64 bytes, patched by funcs[0] */
#define PI_OLD_ENDBR (PI_TEXT_ADDR + 0x040) /* 64 bytes starting with ENDBR64 */
#define PI_OLD_NOP (PI_TEXT_ADDR + 0x080)   /* 64 bytes, NOPped by funcs[1] */
#define PI_OLD_SMALL (PI_TEXT_ADDR + 0x0c0) /* a 4-byte function */
#define PI_OLD_FUNC_SIZE 64
void pi_text_init(void);

struct pi_sec {
    char name[PI_NAME_MAX];
    uint32_t type;
    uint64_t flags, align, entsize, size;
    uint32_t link, info;
    size_t data; /* offset of the contents in the arena (not NOBITS) */
};

struct pi_sym {
    char name[PI_NAME_MAX];
    uint8_t info;
    uint16_t shndx;
    uint64_t value, size;
};

struct pi_rela {
    unsigned int sec; /* the section it applies to */
    uint64_t offset;
    uint32_t type, sym;
    int64_t addend;
};

struct payload_image {
    /* The description: sec[0] and sym[0] are the null entries. */
    struct pi_sec sec[PI_MAX_SECS];
    unsigned int nsec;
    struct pi_sym sym[PI_MAX_SYMS];
    unsigned int nsym;
    struct pi_rela rela[PI_MAX_RELAS];
    unsigned int nrela;
    _Alignas(16) uint8_t arena[PI_ARENA_SIZE];
    size_t arena_len;
    /* What pi_build() made: the image and where things are in it. */
    uint8_t *buf;
    size_t len;
    unsigned int shnum, symtab, strtab, shstrtab;
    unsigned int rela_sec[PI_MAX_SECS]; /* index of the .rela section of each, or 0 */
    unsigned int hook_sym;              /* pi_valid()'s pi_hook_<seed>, for pi_add_hooks() */
};

/* An empty description (just the null section and symbol). */
struct payload_image *pi_new(void);
void pi_free(struct payload_image *pi);

/*
 * A valid payload, described but not built: .text, .rodata, .data, .bss,
 * .livepatch.funcs with two entries, the three build-id notes and .modinfo,
 * with relocations in .text, .data and .livepatch.funcs.  funcs[0] jumps
 * from PI_OLD_FUNC (given as an SHN_ABS symbol) to pi_new_func; funcs[1]
 * NOPs 3 bytes of PI_OLD_NOP (its old_addr written in the entry itself).
 * @seed makes the payload's build-id and its new symbols pi_helper_<seed>
 * and pi_hook_<seed> unique, so several can be loaded together.
 */
struct payload_image *pi_valid(unsigned int seed);

/* Adds a section (@data NULL: zeroes; ignored for NOBITS); returns its index. */
unsigned int pi_add_section(struct payload_image *pi, const char *name, uint32_t type,
                            uint64_t flags, uint64_t align, const void *data, uint64_t size);
/* Adds a symbol; locals must come before globals.  Returns its index. */
unsigned int pi_add_symbol(struct payload_image *pi, const char *name, uint8_t bind, uint8_t type,
                           uint16_t shndx, uint64_t value, uint64_t size);
void pi_add_rela(struct payload_image *pi, unsigned int sec, uint64_t offset, uint32_t type,
                 uint32_t sym, int64_t addend);
/* A hook section of @n pointers, each relocated to pi_valid()'s pi_hook_<seed> in .text. */
unsigned int pi_add_hooks(struct payload_image *pi, const char *name, unsigned int n);
/* A GNU build-id note of @len bytes of @id, as a section's contents. */
unsigned int pi_add_note(struct payload_image *pi, const char *name, const void *id, size_t len);

/* Index of the section / symbol called @name in the description, or 0. */
unsigned int pi_section(const struct payload_image *pi, const char *name);
unsigned int pi_symbol(const struct payload_image *pi, const char *name);
/* Index of the STT_SECTION symbol of section @name, or 0. */
unsigned int pi_section_sym(const struct payload_image *pi, const char *name);
/* Renames a section, e.g. so that the loader does not find it. */
void pi_rename(struct payload_image *pi, const char *name, const char *new_name);
/* The contents of section @name in the description, for changes before building. */
uint8_t *pi_contents(struct payload_image *pi, const char *name);
/* funcs[@i] of .livepatch.funcs in the description. */
struct livepatch_func *pi_func(struct payload_image *pi, unsigned int i);

/* Writes the image to pi->buf (replacing any earlier one). */
void pi_build(struct payload_image *pi);
/* pi_valid(@seed), built. */
struct payload_image *pi_valid_built(unsigned int seed);

/* Views of the built image, for corrupting it. */
Elf64_Ehdr *pi_ehdr(struct payload_image *pi);
Elf64_Shdr *pi_shdr(struct payload_image *pi, unsigned int i);
Elf64_Sym *pi_sym(struct payload_image *pi, unsigned int i);
/* Relocation @n (in the order added) of section @sec. */
Elf64_Rela *pi_rela(struct payload_image *pi, unsigned int sec, unsigned int n);
/* The file bytes of section @i. */
uint8_t *pi_bytes(struct payload_image *pi, unsigned int i);

/*
 * Memory the loader could leak: heap bytes in use, free machine pages, and
 * the first free vmap address.  pi_mem_warm() fills the heap's size
 * classes first, since pages carved into objects stay with the heap.
 */
struct pi_mem {
    size_t heap;
    unsigned long pages, vmap;
};
void pi_mem_warm(void);
struct pi_mem pi_mem_now(void);
bool pi_mem_same(const struct pi_mem *a, const struct pi_mem *b);
/* After fixture_boot(): pi_text_init(), pi_mem_warm(), and the memory baseline. */
struct pi_mem pi_baseline(void);
/* Is memory now as it was at @base? */
bool pi_mem_back_to(const struct pi_mem *base);

/* lp_upload() of the first @len bytes of @img, from an exactly sized heap copy. */
int pi_upload(const void *img, size_t len, const char *name);

/*
 * Uploads the first @len bytes of @img and checks the outcome.  With @err
 * 0: it loads (as "good"), then unloads.  Otherwise: it is refused (as
 * "bad") with @err, and the log names it and holds @reason.  Either way
 * nothing stays registered and memory is back to @base.  Returns NULL if
 * all that held, else what did not, in a static buffer.
 */
const char *pi_check_upload(const void *img, size_t len, int err, const char *reason,
                            const struct pi_mem *base);

/* pi_check_upload() as a unit-test check, against a test file's own baseline @base. */
#define UPLOAD_CHECK(img, len, err, reason)                                       \
    ({                                                                            \
        const char *why_ = pi_check_upload((img), (len), (err), (reason), &base); \
        unit_check(!why_, __FILE__, __LINE__, "%s", why_ ? why_ : "");            \
    })
#define REFUSED(pi, err, reason) UPLOAD_CHECK((pi)->buf, (pi)->len, (err), (reason))
#define REFUSED_LEN(pi, len, err, reason) UPLOAD_CHECK((pi)->buf, (len), (err), (reason))
#define LOADS(pi) UPLOAD_CHECK((pi)->buf, (pi)->len, 0, "")

#endif /* UNIT_PAYLOAD_IMAGE_H */
