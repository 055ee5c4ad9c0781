/* SPDX-License-Identifier: MIT */
/*
 * ARM32 (-marm): REL, so each addend lives in the bits of the field the
 * relocation rewrites; those bits are compared as addends, never as raw
 * bytes.  Encodings as in the ARM ELF ABI ("REL addends") and
 * hypervisor/arch/arm32/livepatch_reloc.c.  A 4-byte "B" trampoline.
 */
#include <elf.h>
#include <string.h>

#include <hv/livepatch_reloc.h>

#include "../arch.h"

#define IMM24 0x00ffffffu
#define IMM16 0x000f0fffu /* imm4 [19:16] : imm12 [11:0] of MOVW/MOVT */
#define PREL31 0x7fffffffu

static unsigned int arm32_entry_skip(const uint8_t *code, uint64_t len)
{
    (void)code;
    (void)len;
    return 0;
}

static bool is_branch(uint32_t type)
{
    return type == R_ARM_PC24 || type == R_ARM_CALL || type == R_ARM_JUMP24;
}

static bool is_movw_movt(uint32_t type)
{
    return type >= R_ARM_MOVW_ABS_NC && type <= R_ARM_MOVT_PREL;
}

/* A branch's addend holds the -8 of the ARM pipeline: its target is 8 further. */
static int64_t arm32_bias(uint32_t type, bool in_code, unsigned int *slack)
{
    *slack = 0;
    return in_code && is_branch(type) ? 8 : 0;
}

static int64_t sign_extend(uint32_t v, unsigned int bits)
{
    uint32_t m = 1u << (bits - 1);

    return (int64_t)(int32_t)((v ^ m) - m);
}

static uint32_t mask_of(uint32_t type)
{
    if (is_branch(type))
        return IMM24;
    if (is_movw_movt(type))
        return IMM16;
    if (type == R_ARM_PREL31)
        return PREL31;
    if (type == R_ARM_NONE || type == R_ARM_V4BX)
        return 0;
    return 0xffffffffu;
}

static int arm32_rel_get(uint32_t type, const uint8_t *field, uint64_t room, int64_t *addend,
                         uint32_t *mask)
{
    uint32_t w;

    *mask = mask_of(type);
    *addend = 0;
    if (!*mask)
        return 0;
    if (room < 4 || !lp_reloc_arm.type_name(type))
        return -1;
    memcpy(&w, field, 4);
    if (is_branch(type))
        *addend = sign_extend((w & IMM24) << 2, 26);
    else if (is_movw_movt(type))
        *addend = sign_extend((w >> 4 & 0xf000) | (w & 0xfff), 16);
    else if (type == R_ARM_PREL31)
        *addend = sign_extend(w & PREL31, 31);
    else
        *addend = (int32_t)w;
    return 0;
}

static int arm32_rel_put(uint32_t type, uint8_t *field, uint64_t room, int64_t addend)
{
    uint32_t w, v = (uint32_t)addend, mask = mask_of(type);

    if (!mask)
        return 0;
    if (room < 4 || !lp_reloc_arm.type_name(type))
        return -1;
    memcpy(&w, field, 4);
    if (is_branch(type)) {
        if ((addend & 3) || addend < -(1 << 25) || addend >= (1 << 25))
            return -1;
        v = v >> 2 & IMM24;
    } else if (is_movw_movt(type)) {
        if (addend < -(1 << 15) || addend >= (1 << 15))
            return -1;
        v = (v & 0xf000) << 4 | (v & 0xfff);
    }
    w = (w & ~mask) | (v & mask);
    memcpy(field, &w, 4);
    return 0;
}

const struct arch arch_arm32 = {
    .name = "arm32",
    .machine = EM_ARM,
    .elf_class = ELFCLASS32,
    .rela = false,
    .abs_ptr = R_ARM_ABS32,
    .ptr_size = 4,
    .funcs_size = 92,
    .jump_size = 4,
    .entry_skip = arm32_entry_skip,
    .reloc = &lp_reloc_arm,
    .bias = arm32_bias,
    .rel_get = arm32_rel_get,
    .rel_put = arm32_rel_put,
};
