/* SPDX-License-Identifier: MIT */
/*
 * What the differ needs to know per architecture, chosen from e_machine:
 * one table per arch in arch/<arch>.c.  Relocation types the hypervisor's
 * engine for the arch does not name (reloc->type_name) are refused.
 */
#ifndef DIFFER_ARCH_H
#define DIFFER_ARCH_H

#include <stdbool.h>
#include <stdint.h>

struct lp_reloc_arch;

struct arch {
    const char *name;
    uint16_t machine;
    uint8_t elf_class;
    bool rela;        /* RELA, or REL with the addend kept in the field */
    uint32_t abs_ptr; /* pointer-sized absolute relocation */
    unsigned int ptr_size;
    unsigned int funcs_size; /* sizeof(struct livepatch_func), payload version 2 */
    unsigned int jump_size;  /* bytes the trampoline overwrites */
    /* Bytes at the start of a function that patching leaves alone (ENDBR64). */
    unsigned int (*entry_skip)(const uint8_t *code, uint64_t len);
    /*
     * The loader's relocation engine (hypervisor/arch/<arch>/livepatch_reloc.c,
     * linked in): its type_name() names a relocation type, NULL if the loader
     * does not support it.
     */
    const struct lp_reloc_arch *reloc;
    /*
     * Where a relocation of @type points relative to its addend: at
     * addend + bias, or up to @slack bytes further (x86 instructions with
     * an immediate after the displacement).  0 for absolute relocations.
     */
    int64_t (*bias)(uint32_t type, bool in_code, unsigned int *slack);
    /* REL only: the addend @field holds and the bits of it the relocation owns. */
    int (*rel_get)(uint32_t type, const uint8_t *field, uint64_t room, int64_t *addend,
                   uint32_t *mask);
    /* REL only: stores @addend into @field. */
    int (*rel_put)(uint32_t type, uint8_t *field, uint64_t room, int64_t addend);
};

extern const struct arch arch_x86_64, arch_arm64, arch_arm32;

/* The arch of objects with this header, or NULL. */
const struct arch *arch_for(uint16_t machine, uint8_t elf_class);

#endif /* DIFFER_ARCH_H */
