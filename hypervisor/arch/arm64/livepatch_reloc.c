/* SPDX-License-Identifier: MIT */
/*
 * AArch64 relocations for payloads (RELA only), from the AArch64 ELF psABI
 * (aaelf64): S = symbol, A = addend, P = place, X = the type's expression.
 * Each type's overflow check is the psABI's; in addition a branch or
 * scaled load/store offset whose dropped low bits are not zero is refused,
 * as it would silently reach another address.  Instructions are read,
 * their immediate field replaced and written back; a field on an
 * instruction of the wrong class is refused with -EINVAL.
 */
#include <hv/elf.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/livepatch_reloc.h>

#define R_AARCH64_NONE 0
#define R_AARCH64_ABS64 257
#define R_AARCH64_ABS32 258
#define R_AARCH64_ABS16 259
#define R_AARCH64_PREL64 260
#define R_AARCH64_PREL32 261
#define R_AARCH64_PREL16 262
#define R_AARCH64_MOVW_UABS_G0 263
#define R_AARCH64_MOVW_UABS_G0_NC 264
#define R_AARCH64_MOVW_UABS_G1 265
#define R_AARCH64_MOVW_UABS_G1_NC 266
#define R_AARCH64_MOVW_UABS_G2 267
#define R_AARCH64_MOVW_UABS_G2_NC 268
#define R_AARCH64_MOVW_UABS_G3 269
#define R_AARCH64_MOVW_SABS_G0 270
#define R_AARCH64_MOVW_SABS_G1 271
#define R_AARCH64_MOVW_SABS_G2 272
#define R_AARCH64_LD_PREL_LO19 273
#define R_AARCH64_ADR_PREL_LO21 274
#define R_AARCH64_ADR_PREL_PG_HI21 275
#define R_AARCH64_ADR_PREL_PG_HI21_NC 276
#define R_AARCH64_ADD_ABS_LO12_NC 277
#define R_AARCH64_LDST8_ABS_LO12_NC 278
#define R_AARCH64_TSTBR14 279
#define R_AARCH64_CONDBR19 280
#define R_AARCH64_JUMP26 282
#define R_AARCH64_CALL26 283
#define R_AARCH64_LDST16_ABS_LO12_NC 284
#define R_AARCH64_LDST32_ABS_LO12_NC 285
#define R_AARCH64_LDST64_ABS_LO12_NC 286
#define R_AARCH64_MOVW_PREL_G0 287
#define R_AARCH64_MOVW_PREL_G0_NC 288
#define R_AARCH64_MOVW_PREL_G1 289
#define R_AARCH64_MOVW_PREL_G1_NC 290
#define R_AARCH64_MOVW_PREL_G2 291
#define R_AARCH64_MOVW_PREL_G2_NC 292
#define R_AARCH64_MOVW_PREL_G3 293
#define R_AARCH64_LDST128_ABS_LO12_NC 299

/* Instruction classes (mask, value) a type may patch. */
#define INSN_B_BL 0x7c000000u, 0x14000000u     /* B, BL */
#define INSN_BCOND 0xff000000u, 0x54000000u    /* B.cond, BC.cond */
#define INSN_CBZ 0x7e000000u, 0x34000000u      /* CBZ, CBNZ */
#define INSN_TBZ 0x7e000000u, 0x36000000u      /* TBZ, TBNZ */
#define INSN_LDR_LIT 0x3b000000u, 0x18000000u  /* LDR (literal), LDRSW, PRFM */
#define INSN_ADR 0x9f000000u, 0x10000000u      /* ADR */
#define INSN_ADRP 0x9f000000u, 0x90000000u     /* ADRP */
#define INSN_ADDSUB 0x1f000000u, 0x11000000u   /* ADD/SUB (immediate) */
#define INSN_LDST_U12 0x3b000000u, 0x39000000u /* load/store, unsigned offset */
#define INSN_MOVW 0x1f800000u, 0x12800000u     /* MOVN, MOVZ, MOVK */

#define MOVW_OPC_MOVZ (1u << 30) /* set in MOVZ and MOVK, clear in MOVN */
#define MOVW_OPC_LOW (1u << 29)  /* set in MOVK (and the unallocated opc 01) */

static const char *const type_names[] = {
    [R_AARCH64_ABS64 - 256] = "R_AARCH64_ABS64",
    [R_AARCH64_ABS32 - 256] = "R_AARCH64_ABS32",
    [R_AARCH64_ABS16 - 256] = "R_AARCH64_ABS16",
    [R_AARCH64_PREL64 - 256] = "R_AARCH64_PREL64",
    [R_AARCH64_PREL32 - 256] = "R_AARCH64_PREL32",
    [R_AARCH64_PREL16 - 256] = "R_AARCH64_PREL16",
    [R_AARCH64_MOVW_UABS_G0 - 256] = "R_AARCH64_MOVW_UABS_G0",
    [R_AARCH64_MOVW_UABS_G0_NC - 256] = "R_AARCH64_MOVW_UABS_G0_NC",
    [R_AARCH64_MOVW_UABS_G1 - 256] = "R_AARCH64_MOVW_UABS_G1",
    [R_AARCH64_MOVW_UABS_G1_NC - 256] = "R_AARCH64_MOVW_UABS_G1_NC",
    [R_AARCH64_MOVW_UABS_G2 - 256] = "R_AARCH64_MOVW_UABS_G2",
    [R_AARCH64_MOVW_UABS_G2_NC - 256] = "R_AARCH64_MOVW_UABS_G2_NC",
    [R_AARCH64_MOVW_UABS_G3 - 256] = "R_AARCH64_MOVW_UABS_G3",
    [R_AARCH64_MOVW_SABS_G0 - 256] = "R_AARCH64_MOVW_SABS_G0",
    [R_AARCH64_MOVW_SABS_G1 - 256] = "R_AARCH64_MOVW_SABS_G1",
    [R_AARCH64_MOVW_SABS_G2 - 256] = "R_AARCH64_MOVW_SABS_G2",
    [R_AARCH64_LD_PREL_LO19 - 256] = "R_AARCH64_LD_PREL_LO19",
    [R_AARCH64_ADR_PREL_LO21 - 256] = "R_AARCH64_ADR_PREL_LO21",
    [R_AARCH64_ADR_PREL_PG_HI21 - 256] = "R_AARCH64_ADR_PREL_PG_HI21",
    [R_AARCH64_ADR_PREL_PG_HI21_NC - 256] = "R_AARCH64_ADR_PREL_PG_HI21_NC",
    [R_AARCH64_ADD_ABS_LO12_NC - 256] = "R_AARCH64_ADD_ABS_LO12_NC",
    [R_AARCH64_LDST8_ABS_LO12_NC - 256] = "R_AARCH64_LDST8_ABS_LO12_NC",
    [R_AARCH64_TSTBR14 - 256] = "R_AARCH64_TSTBR14",
    [R_AARCH64_CONDBR19 - 256] = "R_AARCH64_CONDBR19",
    [R_AARCH64_JUMP26 - 256] = "R_AARCH64_JUMP26",
    [R_AARCH64_CALL26 - 256] = "R_AARCH64_CALL26",
    [R_AARCH64_LDST16_ABS_LO12_NC - 256] = "R_AARCH64_LDST16_ABS_LO12_NC",
    [R_AARCH64_LDST32_ABS_LO12_NC - 256] = "R_AARCH64_LDST32_ABS_LO12_NC",
    [R_AARCH64_LDST64_ABS_LO12_NC - 256] = "R_AARCH64_LDST64_ABS_LO12_NC",
    [R_AARCH64_MOVW_PREL_G0 - 256] = "R_AARCH64_MOVW_PREL_G0",
    [R_AARCH64_MOVW_PREL_G0_NC - 256] = "R_AARCH64_MOVW_PREL_G0_NC",
    [R_AARCH64_MOVW_PREL_G1 - 256] = "R_AARCH64_MOVW_PREL_G1",
    [R_AARCH64_MOVW_PREL_G1_NC - 256] = "R_AARCH64_MOVW_PREL_G1_NC",
    [R_AARCH64_MOVW_PREL_G2 - 256] = "R_AARCH64_MOVW_PREL_G2",
    [R_AARCH64_MOVW_PREL_G2_NC - 256] = "R_AARCH64_MOVW_PREL_G2_NC",
    [R_AARCH64_MOVW_PREL_G3 - 256] = "R_AARCH64_MOVW_PREL_G3",
    [R_AARCH64_LDST128_ABS_LO12_NC - 256] = "R_AARCH64_LDST128_ABS_LO12_NC",
};

static const char *aarch64_type_name(uint32_t type)
{
    if (type == R_AARCH64_NONE)
        return "R_AARCH64_NONE";
    if (type < 256 || type - 256 >= ARRAY_SIZE(type_names))
        return NULL;
    return type_names[type - 256];
}

/* Payloads are little-endian whatever the host is. */
static uint64_t get_le(const uint8_t *p, unsigned int size)
{
    uint64_t v = 0;

    for (unsigned int i = size; i--;)
        v = v << 8 | p[i];
    return v;
}

static void put_le(uint8_t *p, unsigned int size, uint64_t v)
{
    for (unsigned int i = 0; i < size; i++, v >>= 8)
        p[i] = (uint8_t)v;
}

/* -2^(bits-1) <= x < 2^(bits-1), x read as two's complement. */
static bool fits_signed(uint64_t x, unsigned int bits)
{
    uint64_t half = 1ull << (bits - 1);

    return x + half < 2 * half;
}

/* -2^(bits-1) <= x < 2^bits: a data field may hold a signed or unsigned value. */
static bool fits_data(uint64_t x, unsigned int bits)
{
    uint64_t half = 1ull << (bits - 1);

    return x + half < 3 * half;
}

static int put_data(uint8_t *where, size_t room, unsigned int size, uint64_t x)
{
    if (room < size)
        return -EINVAL;
    if (size < 8 && !fits_data(x, size * 8))
        return -EOVERFLOW;
    put_le(where, size, x);
    return 0;
}

/* Types that pick MOVZ or MOVN by the sign of their value. */
static bool movw_signed(uint32_t type)
{
    return (type >= R_AARCH64_MOVW_SABS_G0 && type <= R_AARCH64_MOVW_SABS_G2) ||
           type == R_AARCH64_MOVW_PREL_G0 || type == R_AARCH64_MOVW_PREL_G1 ||
           type == R_AARCH64_MOVW_PREL_G2 || type == R_AARCH64_MOVW_PREL_G3;
}

static bool insn_is(uint32_t insn, uint32_t mask, uint32_t val)
{
    return (insn & mask) == val;
}

/* Is @insn of a class that relocation @type may patch? */
static bool insn_fits_type(uint32_t type, uint32_t insn)
{
    switch (type) {
    case R_AARCH64_CALL26:
    case R_AARCH64_JUMP26:
        return insn_is(insn, INSN_B_BL);
    case R_AARCH64_CONDBR19:
        return insn_is(insn, INSN_BCOND) || insn_is(insn, INSN_CBZ);
    case R_AARCH64_TSTBR14:
        return insn_is(insn, INSN_TBZ);
    case R_AARCH64_LD_PREL_LO19:
        return insn_is(insn, INSN_LDR_LIT);
    case R_AARCH64_ADR_PREL_LO21:
        return insn_is(insn, INSN_ADR);
    case R_AARCH64_ADR_PREL_PG_HI21:
    case R_AARCH64_ADR_PREL_PG_HI21_NC:
        return insn_is(insn, INSN_ADRP);
    case R_AARCH64_ADD_ABS_LO12_NC:
        return insn_is(insn, INSN_ADDSUB);
    case R_AARCH64_LDST8_ABS_LO12_NC:
    case R_AARCH64_LDST16_ABS_LO12_NC:
    case R_AARCH64_LDST32_ABS_LO12_NC:
    case R_AARCH64_LDST64_ABS_LO12_NC:
    case R_AARCH64_LDST128_ABS_LO12_NC:
        return insn_is(insn, INSN_LDST_U12);
    default:
        /* A move-wide (opc 01 is unallocated); MOVK has no signed form. */
        if (!insn_is(insn, INSN_MOVW) || (insn & (MOVW_OPC_MOVZ | MOVW_OPC_LOW)) == MOVW_OPC_LOW)
            return false;
        return !movw_signed(type) || !(insn & MOVW_OPC_LOW);
    }
}

/* Replaces the @width-bit field at bit @pos of @insn with the low bits of @v. */
static uint32_t set_field(uint32_t insn, unsigned int pos, unsigned int width, uint64_t v)
{
    uint32_t mask = (uint32_t)((1ull << width) - 1) << pos;

    return (insn & ~mask) | ((uint32_t)(v << pos) & mask);
}

/*
 * A PC-relative branch or literal load: bits [width+1:2] of @x into the
 * @width-bit field at bit @pos.  @x must be a multiple of 4 within
 * +/-2^(width+1).
 */
static int branch(uint32_t *insn, unsigned int pos, unsigned int width, uint64_t x)
{
    if ((x & 3) || !fits_signed(x, width + 2))
        return -EOVERFLOW;
    *insn = set_field(*insn, pos, width, x >> 2);
    return 0;
}

/* ADR/ADRP: the 21-bit immediate split into immlo [30:29] and immhi [23:5]. */
static uint32_t set_adr(uint32_t insn, uint64_t imm)
{
    return set_field(set_field(insn, 29, 2, imm), 5, 19, imm >> 2);
}

/* The unsigned 12-bit offset at [21:10] of ADD or LDR/STR, scaled by 2^@shift. */
static int lo12(uint32_t *insn, uint64_t x, unsigned int shift)
{
    if (x & ((1u << shift) - 1))
        return -EOVERFLOW;
    *insn = set_field(*insn, 10, 12, (x & 0xfff) >> shift);
    return 0;
}

enum movw_kind {
    MOVW_NC,       /* any of MOVZ/MOVN/MOVK, unchecked */
    MOVW_UNSIGNED, /* 0 <= x < 2^(16*(group+1)) */
    MOVW_SIGNED,   /* |x| within 2^(16*(group+1)); MOVZ for x >= 0, else MOVN of ~x */
};

/* Bits [16*group+15 : 16*group] of @x into imm16 [20:5]; G3 is never checked. */
static int movw(uint32_t *insn, uint64_t x, unsigned int group, enum movw_kind kind)
{
    unsigned int bits = 16 * (group + 1);

    if (group < 3 && kind == MOVW_UNSIGNED && x >> bits)
        return -EOVERFLOW;
    if (group < 3 && kind == MOVW_SIGNED && !fits_signed(x, bits + 1))
        return -EOVERFLOW;
    if (kind == MOVW_SIGNED) {
        if ((int64_t)x < 0) {
            *insn &= ~MOVW_OPC_MOVZ;
            x = ~x;
        } else {
            *insn |= MOVW_OPC_MOVZ;
        }
    }
    *insn = set_field(*insn, 5, 16, x >> (16 * group));
    return 0;
}

static int movw_type(uint32_t type, uint32_t *insn, uint64_t p, uint64_t sa)
{
    switch (type) {
    case R_AARCH64_MOVW_UABS_G0:
    case R_AARCH64_MOVW_UABS_G1:
    case R_AARCH64_MOVW_UABS_G2:
        return movw(insn, sa, (type - R_AARCH64_MOVW_UABS_G0) / 2, MOVW_UNSIGNED);
    case R_AARCH64_MOVW_UABS_G0_NC:
    case R_AARCH64_MOVW_UABS_G1_NC:
    case R_AARCH64_MOVW_UABS_G2_NC:
    case R_AARCH64_MOVW_UABS_G3:
        return movw(insn, sa, (type - R_AARCH64_MOVW_UABS_G0) / 2, MOVW_NC);
    case R_AARCH64_MOVW_SABS_G0:
    case R_AARCH64_MOVW_SABS_G1:
    case R_AARCH64_MOVW_SABS_G2:
        return movw(insn, sa, type - R_AARCH64_MOVW_SABS_G0, MOVW_SIGNED);
    case R_AARCH64_MOVW_PREL_G0:
    case R_AARCH64_MOVW_PREL_G1:
    case R_AARCH64_MOVW_PREL_G2:
    case R_AARCH64_MOVW_PREL_G3:
        return movw(insn, sa - p, (type - R_AARCH64_MOVW_PREL_G0) / 2, MOVW_SIGNED);
    default: /* the MOVW_PREL_Gn_NC */
        return movw(insn, sa - p, (type - R_AARCH64_MOVW_PREL_G0) / 2, MOVW_NC);
    }
}

/* Patches @insn for instruction relocation @type, a type known to the engine. */
static int patch_insn(uint32_t type, uint32_t *insn, uint64_t p, uint64_t sa)
{
    uint64_t pages = (sa & ~0xfffull) - (p & ~0xfffull);

    switch (type) {
    case R_AARCH64_CALL26:
    case R_AARCH64_JUMP26:
        return branch(insn, 0, 26, sa - p);
    case R_AARCH64_CONDBR19:
    case R_AARCH64_LD_PREL_LO19:
        return branch(insn, 5, 19, sa - p);
    case R_AARCH64_TSTBR14:
        return branch(insn, 5, 14, sa - p);
    case R_AARCH64_ADR_PREL_LO21:
        if (!fits_signed(sa - p, 21))
            return -EOVERFLOW;
        *insn = set_adr(*insn, sa - p);
        return 0;
    case R_AARCH64_ADR_PREL_PG_HI21:
        if (!fits_signed(pages, 33))
            return -EOVERFLOW;
        /* fall through */
    case R_AARCH64_ADR_PREL_PG_HI21_NC:
        *insn = set_adr(*insn, pages >> 12);
        return 0;
    case R_AARCH64_ADD_ABS_LO12_NC:
    case R_AARCH64_LDST8_ABS_LO12_NC:
        return lo12(insn, sa, 0);
    case R_AARCH64_LDST16_ABS_LO12_NC:
        return lo12(insn, sa, 1);
    case R_AARCH64_LDST32_ABS_LO12_NC:
        return lo12(insn, sa, 2);
    case R_AARCH64_LDST64_ABS_LO12_NC:
        return lo12(insn, sa, 3);
    case R_AARCH64_LDST128_ABS_LO12_NC:
        return lo12(insn, sa, 4);
    default:
        return movw_type(type, insn, p, sa);
    }
}

static int aarch64_apply(uint32_t type, uint8_t *where, size_t room, uint64_t place, uint64_t sym,
                         int64_t addend, bool rela)
{
    uint64_t sa = sym + (uint64_t)addend;
    uint32_t insn;
    int rc;

    if (!rela || !aarch64_type_name(type))
        return -EOPNOTSUPP;
    switch (type) {
    case R_AARCH64_NONE:
        return 0;
    case R_AARCH64_ABS64:
        return put_data(where, room, 8, sa);
    case R_AARCH64_ABS32:
        return put_data(where, room, 4, sa);
    case R_AARCH64_ABS16:
        return put_data(where, room, 2, sa);
    case R_AARCH64_PREL64:
        return put_data(where, room, 8, sa - place);
    case R_AARCH64_PREL32:
        return put_data(where, room, 4, sa - place);
    case R_AARCH64_PREL16:
        return put_data(where, room, 2, sa - place);
    default:
        break;
    }
    if (room < 4)
        return -EINVAL;
    insn = (uint32_t)get_le(where, 4);
    if (!insn_fits_type(type, insn))
        return -EINVAL;
    rc = patch_insn(type, &insn, place, sa);
    if (!rc)
        put_le(where, 4, insn);
    return rc;
}

const struct lp_reloc_arch lp_reloc_aarch64 = {
    .name = "aarch64",
    .machine = EM_AARCH64,
    .elf_class = ELFCLASS64,
    .has_rel = false,
    .has_rela = true,
    .apply = aarch64_apply,
    .type_name = aarch64_type_name,
};
