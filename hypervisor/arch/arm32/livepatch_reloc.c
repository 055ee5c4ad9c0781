/* SPDX-License-Identifier: MIT */
/*
 * ARM (AArch32, A32 only) relocations for payloads, REL and RELA, from the
 * ARM ELF ABI (aaelf32): S = symbol, A = addend, P = place.  Payloads hold
 * no Thumb code (the ELF checks refuse $t), so T, the Thumb bit of a
 * function symbol, is always 0 and branches never switch state.  With REL
 * the addend is the field's initial contents, read as aaelf32 says for each
 * type; with RELA the field's old contents are ignored.  Arithmetic is
 * modulo 2^32 as on the target.
 */
#include <hv/elf.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/livepatch_reloc.h>

#define R_ARM_NONE 0
#define R_ARM_PC24 1
#define R_ARM_ABS32 2
#define R_ARM_REL32 3
#define R_ARM_CALL 28
#define R_ARM_JUMP24 29
#define R_ARM_TARGET1 38
#define R_ARM_V4BX 40
#define R_ARM_PREL31 42
#define R_ARM_MOVW_ABS_NC 43
#define R_ARM_MOVT_ABS 44
#define R_ARM_MOVW_PREL_NC 45
#define R_ARM_MOVT_PREL 46

#define COND_MASK 0xf0000000u
#define COND_NV 0xf0000000u /* the unconditional space: BLX (immediate), ... */
#define B_BL_MASK 0x0e000000u
#define B_BL 0x0a000000u /* B, BL; bit 24 is the link bit */
#define MOVW_MOVT_MASK 0x0fb00000u
#define MOVW_MOVT 0x03000000u /* MOVW, MOVT; bit 22 tells them apart */
#define IMM24 0x00ffffffu
#define PREL31_MASK 0x7fffffffu

static const char *arm_type_name(uint32_t type)
{
    switch (type) {
    case R_ARM_NONE:
        return "R_ARM_NONE";
    case R_ARM_PC24:
        return "R_ARM_PC24";
    case R_ARM_ABS32:
        return "R_ARM_ABS32";
    case R_ARM_REL32:
        return "R_ARM_REL32";
    case R_ARM_CALL:
        return "R_ARM_CALL";
    case R_ARM_JUMP24:
        return "R_ARM_JUMP24";
    case R_ARM_TARGET1:
        return "R_ARM_TARGET1";
    case R_ARM_V4BX:
        return "R_ARM_V4BX";
    case R_ARM_PREL31:
        return "R_ARM_PREL31";
    case R_ARM_MOVW_ABS_NC:
        return "R_ARM_MOVW_ABS_NC";
    case R_ARM_MOVT_ABS:
        return "R_ARM_MOVT_ABS";
    case R_ARM_MOVW_PREL_NC:
        return "R_ARM_MOVW_PREL_NC";
    case R_ARM_MOVT_PREL:
        return "R_ARM_MOVT_PREL";
    default:
        return NULL;
    }
}

/* Payloads are little-endian whatever the host is. */
static uint32_t get_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put_le32(uint8_t *p, uint32_t v)
{
    for (unsigned int i = 0; i < 4; i++, v >>= 8)
        p[i] = (uint8_t)v;
}

/* The low @bits bits of @v, sign-extended. */
static uint32_t sign_extend(uint32_t v, unsigned int bits)
{
    uint32_t sign = 1u << (bits - 1);

    v &= (sign << 1) - 1;
    return (v ^ sign) - sign;
}

/* -2^(bits-1) <= x < 2^(bits-1), x read as a 32-bit two's complement value. */
static bool fits_signed(uint32_t x, unsigned int bits)
{
    uint32_t half = 1u << (bits - 1);

    return x + half < 2 * half;
}

static bool is_branch(uint32_t type)
{
    return type == R_ARM_PC24 || type == R_ARM_CALL || type == R_ARM_JUMP24;
}

static bool is_movw_movt(uint32_t type)
{
    return type >= R_ARM_MOVW_ABS_NC && type <= R_ARM_MOVT_PREL;
}

/* MOVW/MOVT: imm16 is imm4 [19:16] : imm12 [11:0]. */
static uint32_t get_imm16(uint32_t insn)
{
    return (insn >> 4 & 0xf000) | (insn & 0xfff);
}

static uint32_t set_imm16(uint32_t insn, uint32_t v)
{
    return (insn & ~0x000f0fffu) | (v & 0xf000) << 4 | (v & 0xfff);
}

/* The addend a REL entry of @type keeps in field @w (aaelf32 "REL addends"). */
static uint32_t rel_addend(uint32_t type, uint32_t w)
{
    if (is_branch(type))
        return sign_extend(w << 2, 26);
    if (is_movw_movt(type))
        return sign_extend(get_imm16(w), 16); /* for MOVT too: not shifted */
    if (type == R_ARM_PREL31)
        return sign_extend(w, 31);
    return w;
}

/* Is @w an instruction that @type may patch?  BLX (immediate) would switch to Thumb. */
static bool insn_fits_type(uint32_t type, uint32_t w)
{
    if (is_branch(type))
        return (w & COND_MASK) != COND_NV && (w & B_BL_MASK) == B_BL;
    if (is_movw_movt(type))
        return (w & COND_MASK) != COND_NV && (w & MOVW_MOVT_MASK) == MOVW_MOVT;
    return true;
}

/* The new contents of field @w for @type with X computed from S, A and P. */
static int arm_field(uint32_t type, uint32_t *w, uint32_t s_a, uint32_t p)
{
    switch (type) {
    case R_ARM_ABS32:
    case R_ARM_TARGET1: /* absolute, as GNU ld's default for this ABI */
        *w = s_a;
        return 0;
    case R_ARM_REL32:
        *w = s_a - p;
        return 0;
    case R_ARM_PC24:
    case R_ARM_CALL:
    case R_ARM_JUMP24:
        if (((s_a - p) & 3) || !fits_signed(s_a - p, 26))
            return -EOVERFLOW;
        *w = (*w & ~IMM24) | ((s_a - p) >> 2 & IMM24);
        return 0;
    case R_ARM_PREL31: /* bit 31 belongs to the unwinder */
        if (!fits_signed(s_a - p, 31))
            return -EOVERFLOW;
        *w = (*w & ~PREL31_MASK) | ((s_a - p) & PREL31_MASK);
        return 0;
    case R_ARM_MOVW_ABS_NC:
        *w = set_imm16(*w, s_a);
        return 0;
    case R_ARM_MOVT_ABS:
        *w = set_imm16(*w, s_a >> 16);
        return 0;
    case R_ARM_MOVW_PREL_NC:
        *w = set_imm16(*w, s_a - p);
        return 0;
    default: /* R_ARM_MOVT_PREL */
        *w = set_imm16(*w, (s_a - p) >> 16);
        return 0;
    }
}

static int arm_apply(uint32_t type, uint8_t *where, size_t room, uint64_t place, uint64_t sym,
                     int64_t addend, bool rela)
{
    uint32_t w, a;
    int rc;

    if (!arm_type_name(type))
        return -EOPNOTSUPP;
    if (type == R_ARM_NONE || type == R_ARM_V4BX)
        return 0; /* V4BX only marks a BX for linkers that rewrite it for ARMv4 */
    if (room < 4)
        return -EINVAL;
    w = get_le32(where);
    if (!insn_fits_type(type, w))
        return -EINVAL;
    a = rela ? (uint32_t)addend : rel_addend(type, w);
    rc = arm_field(type, &w, (uint32_t)sym + a, (uint32_t)place);
    if (!rc)
        put_le32(where, w);
    return rc;
}

const struct lp_reloc_arch lp_reloc_arm = {
    .name = "arm",
    .machine = EM_ARM,
    .elf_class = ELFCLASS32,
    .has_rel = true,
    .has_rela = true,
    .apply = arm_apply,
    .type_name = arm_type_name,
};
