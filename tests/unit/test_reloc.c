/* SPDX-License-Identifier: MIT */
/*
 * The relocation engines, type by type, at the edges GNU ld cannot show
 * (test_reloc_oracle.c compares them with ld where ld accepts the value):
 * a value that fits is written exactly, keeping the opcode bits; the ends
 * of each psABI range are accepted and one past them is -EOVERFLOW; a
 * field that does not fit in the room is -EINVAL; an unknown type is
 * -EOPNOTSUPP; ARM takes REL addends from the field.  Every case also runs
 * on a heap block of exactly the field's size and one byte short, so ASan
 * reports any access outside the field, and checks that a refusal writes
 * nothing and the bytes around the field are untouched.
 */
#include <stdlib.h>
#include <string.h>

#include <hv/elf.h>
#include <hv/errno.h>
#include <hv/livepatch_reloc.h>

#include "unit.h"

#define GUARD 4
#define GUARD_BYTE 0xa5

struct rcase {
    uint32_t type;
    unsigned int size; /* field bytes; 0 for types that write nothing */
    bool rel;          /* REL: the addend is in the field */
    uint64_t field;    /* the field before */
    uint64_t place, sym;
    int64_t addend;
    int rc;
    uint64_t want; /* the field after, when rc is 0 */
};

/* Instruction (4-byte) and data cases, RELA. */
#define INSN(t, f, p, s, a, r, w)     \
    {                                 \
        t, 4, false, f, p, s, a, r, w \
    }
#define DATA(t, n, p, s, a, r, w)                         \
    {                                                     \
        t, n, false, 0x5a5a5a5a5a5a5a5aull, p, s, a, r, w \
    }
/* REL, the addend read from @f. */
#define REL(t, f, p, s, r, w)        \
    {                                \
        t, 4, true, f, p, s, 0, r, w \
    }
/* Types that write nothing. */
#define NOP(t)                                  \
    {                                           \
        t, 0, false, 0, 0x1000, 0x2000, 0, 0, 0 \
    }
#define NOP_REL(t)                             \
    {                                          \
        t, 0, true, 0, 0x1000, 0x2000, 0, 0, 0 \
    }

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

/* A failure with a message; the test goes on. */
#define FAIL(...) unit_check(false, __FILE__, __LINE__, __VA_ARGS__)

/* Applies @c to a copy of its field in @b, with @room bytes from the field. */
static int apply(const struct lp_reloc_arch *a, const struct rcase *c, uint8_t *b, size_t room)
{
    put_le(b, c->size < room ? c->size : (unsigned int)room, c->field);
    return a->apply(c->type, b, room, c->place, c->sym, c->addend, !c->rel);
}

static const char *name(const struct lp_reloc_arch *a, uint32_t type)
{
    return a->type_name(type) ? a->type_name(type) : "unknown type";
}

static void run_case(const struct lp_reloc_arch *a, const struct rcase *c, size_t i)
{
    uint64_t mask = c->size < 8 ? (1ull << (8 * c->size)) - 1 : ~0ull;
    uint64_t want = c->rc ? c->field & mask : c->want; /* a refusal writes nothing */
    uint8_t *b;
    int rc;

    /* Guard bytes on both sides. */
    b = malloc(GUARD + c->size + GUARD);
    memset(b, GUARD_BYTE, GUARD + c->size + GUARD);
    rc = apply(a, c, b + GUARD, c->size + GUARD);
    if (rc != c->rc)
        FAIL("%s case %zu (%s): rc %d, want %d", a->name, i, name(a, c->type), rc, c->rc);
    else if (get_le(b + GUARD, c->size) != want)
        FAIL("%s case %zu (%s): field %#llx, want %#llx", a->name, i, name(a, c->type),
             (unsigned long long)get_le(b + GUARD, c->size), (unsigned long long)want);
    for (size_t k = 0; k < GUARD; k++)
        if (b[k] != GUARD_BYTE || b[GUARD + c->size + k] != GUARD_BYTE)
            FAIL("%s case %zu (%s): wrote outside the field", a->name, i, name(a, c->type));
    free(b);

    /* Exactly the field's bytes: ASan sees any access past them. */
    b = malloc(c->size ? c->size : 1);
    rc = apply(a, c, b, c->size);
    if (rc != c->rc)
        FAIL("%s case %zu (%s): rc %d with exact room", a->name, i, name(a, c->type), rc);
    free(b);

    /* One byte short of the field. */
    if (c->size) {
        int short_rc = c->rc == -EOPNOTSUPP ? -EOPNOTSUPP : -EINVAL;

        b = malloc(c->size - 1 ? c->size - 1 : 1);
        rc = apply(a, c, b, c->size - 1);
        if (rc != short_rc)
            FAIL("%s case %zu (%s): rc %d with %u bytes of room", a->name, i, name(a, c->type), rc,
                 c->size - 1);
        free(b);
    }
}

static void run_cases(const struct lp_reloc_arch *a, const struct rcase *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        run_case(a, &c[i], i);
}

/* ---- x86_64 ---------------------------------------------------------- */

#define X86_P 0xffffffff81000000ull

static const struct rcase x86_64_cases[] = {
    NOP(0),
    DATA(1, 8, X86_P, 0x8123456789abcdefull, 1, 0, 0x8123456789abcdf0ull),          /* 64 */
    DATA(24, 8, X86_P, X86_P - 0x7123456789abcdefull, 0, 0, 0x8edcba9876543211ull), /* PC64 */
    /* PC32, PLT32: signed 32 bits of S+A-P */
    DATA(2, 4, X86_P, X86_P + 0x80000003ull, -4, 0, 0x7fffffff),
    DATA(2, 4, X86_P, X86_P + 0x80000004ull, -4, -EOVERFLOW, 0),
    DATA(2, 4, X86_P, X86_P - 0x7ffffffcull, -4, 0, 0x80000000),
    DATA(2, 4, X86_P, X86_P - 0x7ffffffdull, -4, -EOVERFLOW, 0),
    DATA(4, 4, X86_P, X86_P + 0x7fffffffull, 0, 0, 0x7fffffff),
    DATA(4, 4, X86_P, X86_P + 0x80000000ull, 0, -EOVERFLOW, 0),
    DATA(4, 4, X86_P, X86_P - 0x80000000ull, 0, 0, 0x80000000),
    DATA(4, 4, X86_P, X86_P - 0x80000001ull, 0, -EOVERFLOW, 0),
    /* 32: zero-extends; 32S: sign-extends */
    DATA(10, 4, X86_P, 0xfffffff0, 0xf, 0, 0xffffffff),
    DATA(10, 4, X86_P, 0xfffffff0, 0x10, -EOVERFLOW, 0),
    DATA(10, 4, X86_P, 0, 0, 0, 0),
    DATA(10, 4, X86_P, 0, -1, -EOVERFLOW, 0),
    DATA(11, 4, X86_P, 0x7fffffff, 0, 0, 0x7fffffff),
    DATA(11, 4, X86_P, 0x80000000, 0, -EOVERFLOW, 0),
    DATA(11, 4, X86_P, 0xffffffff80000000ull, 0, 0, 0x80000000),
    DATA(11, 4, X86_P, 0xffffffff7fffffffull, 0, -EOVERFLOW, 0),
    /* GOT32, GOTPCREL, REX_GOTPCRELX: need a GOT */
    DATA(3, 4, X86_P, 0x1000, 0, -EOPNOTSUPP, 0),
    DATA(9, 4, X86_P, 0x1000, 0, -EOPNOTSUPP, 0),
    DATA(42, 4, X86_P, 0x1000, 0, -EOPNOTSUPP, 0),
    /* x86_64 has no REL form */
    { 1, 8, true, 0, X86_P, 0x1000, 0, -EOPNOTSUPP, 0 },
};

TEST(x86_64_types)
{
    run_cases(&lp_reloc_x86_64, x86_64_cases, ARRAY_SIZE(x86_64_cases));
}

/* ---- AArch64 --------------------------------------------------------- */

#define A64_P 0x40000000ull
#define PAGE(x) ((x) & ~0xfffull)
#define BIG 0x123456789abcdef0ull

enum {
    ABS64 = 257,
    ABS32,
    ABS16,
    PREL64,
    PREL32,
    PREL16,
    UABS_G0,
    UABS_G0_NC,
    UABS_G1,
    UABS_G1_NC,
    UABS_G2,
    UABS_G2_NC,
    UABS_G3,
    SABS_G0,
    SABS_G1,
    SABS_G2,
    LD_PREL_LO19,
    ADR_LO21,
    ADR_PG_HI21,
    ADR_PG_HI21_NC,
    ADD_LO12,
    LDST8,
    TSTBR14,
    CONDBR19,
    JUMP26 = 282,
    CALL26,
    LDST16,
    LDST32,
    LDST64,
    PREL_G0,
    PREL_G0_NC,
    PREL_G1,
    PREL_G1_NC,
    PREL_G2,
    PREL_G2_NC,
    PREL_G3,
    LDST128 = 299,
};

/* An instruction case with S = P + @x, A = 0. */
#define PCREL(t, insn, x, r, w) INSN(t, insn, A64_P, A64_P + (uint64_t)(x), 0, r, w)

static const struct rcase aarch64_cases[] = {
    NOP(0),
    /* Data: ABSn and PRELn (n < 64) take -2^(n-1) <= X < 2^n */
    DATA(ABS64, 8, A64_P, 0x1122334455667788ull, 0x10, 0, 0x1122334455667798ull),
    DATA(ABS32, 4, A64_P, 0xfffffff0, 0xf, 0, 0xffffffff),
    DATA(ABS32, 4, A64_P, 0xfffffff0, 0x10, -EOVERFLOW, 0),
    DATA(ABS32, 4, A64_P, 0, -0x80000000ll, 0, 0x80000000),
    DATA(ABS32, 4, A64_P, 0, -0x80000001ll, -EOVERFLOW, 0),
    DATA(ABS16, 2, A64_P, 0xffff, 0, 0, 0xffff),
    DATA(ABS16, 2, A64_P, 0x10000, 0, -EOVERFLOW, 0),
    DATA(ABS16, 2, A64_P, 0, -0x8000, 0, 0x8000),
    DATA(ABS16, 2, A64_P, 0, -0x8001, -EOVERFLOW, 0),
    DATA(PREL64, 8, A64_P, A64_P - 0x10, 0, 0, 0xfffffffffffffff0ull),
    DATA(PREL32, 4, A64_P, A64_P + 0xffffffffull, 0, 0, 0xffffffff),
    DATA(PREL32, 4, A64_P, A64_P + 0x100000000ull, 0, -EOVERFLOW, 0),
    DATA(PREL32, 4, A64_P, A64_P - 0x80000000ull, 0, 0, 0x80000000),
    DATA(PREL32, 4, A64_P, A64_P - 0x80000001ull, 0, -EOVERFLOW, 0),
    DATA(PREL16, 2, A64_P, A64_P + 0xffff, 0, 0, 0xffff),
    DATA(PREL16, 2, A64_P, A64_P + 0x10000, 0, -EOVERFLOW, 0),
    DATA(PREL16, 2, A64_P, A64_P - 0x8000, 0, 0, 0x8000),
    DATA(PREL16, 2, A64_P, A64_P - 0x8001, 0, -EOVERFLOW, 0),

    /* CALL26, JUMP26: imm26 [25:0] of X >> 2, -2^27 <= X < 2^27, X % 4 == 0 */
    PCREL(CALL26, 0x94000000, 0x7fffffc, 0, 0x95ffffff),
    PCREL(CALL26, 0x94000000, 0x8000000, -EOVERFLOW, 0),
    PCREL(CALL26, 0x94000000, -0x8000000, 0, 0x96000000),
    PCREL(CALL26, 0x94000000, -0x8000004, -EOVERFLOW, 0),
    PCREL(CALL26, 0x94000000, 2, -EOVERFLOW, 0),
    PCREL(JUMP26, 0x14000000, 8, 0, 0x14000002),
    INSN(JUMP26, 0x14000000, A64_P, A64_P, 0x100, 0, 0x14000040), /* S + A */
    PCREL(CALL26, 0xd503201f, 8, -EINVAL, 0),                     /* NOP */
    /* CONDBR19: imm19 [23:5], -2^20 <= X < 2^20; B.cond (cond kept), CBZ/CBNZ */
    PCREL(CONDBR19, 0x54000001, 0xffffc, 0, 0x547fffe1),
    PCREL(CONDBR19, 0x54000001, 0x100000, -EOVERFLOW, 0),
    PCREL(CONDBR19, 0x54000001, -0x100000, 0, 0x54800001),
    PCREL(CONDBR19, 0x54000001, -0x100004, -EOVERFLOW, 0),
    PCREL(CONDBR19, 0x54000001, 6, -EOVERFLOW, 0),
    PCREL(CONDBR19, 0xb4000003, 4, 0, 0xb4000023),
    PCREL(CONDBR19, 0x35000004, -4, 0, 0x35ffffe4),
    PCREL(CONDBR19, 0x14000000, 4, -EINVAL, 0),
    /* TSTBR14: imm14 [18:5], -2^15 <= X < 2^15; the bit number [31,23:19] is kept */
    PCREL(TSTBR14, 0xb6f80005, 0x7ffc, 0, 0xb6fbffe5),
    PCREL(TSTBR14, 0xb6f80005, 0x8000, -EOVERFLOW, 0),
    PCREL(TSTBR14, 0xb6f80005, 0x10000, -EOVERFLOW, 0), /* in Xen's 19-bit window */
    PCREL(TSTBR14, 0xb6f80005, -0x8000, 0, 0xb6fc0005),
    PCREL(TSTBR14, 0xb6f80005, -0x8004, -EOVERFLOW, 0),
    PCREL(TSTBR14, 0x37180006, 8, 0, 0x37180046),
    PCREL(TSTBR14, 0x54000000, 8, -EINVAL, 0),
    /* LD_PREL_LO19: LDR (literal) and PRFM, as CONDBR19 */
    PCREL(LD_PREL_LO19, 0x58000007, 0xffffc, 0, 0x587fffe7),
    PCREL(LD_PREL_LO19, 0x58000007, 0x100000, -EOVERFLOW, 0),
    PCREL(LD_PREL_LO19, 0x18000008, -0x100000, 0, 0x18800008),
    PCREL(LD_PREL_LO19, 0x18000008, -0x100004, -EOVERFLOW, 0),
    PCREL(LD_PREL_LO19, 0x58000007, 2, -EOVERFLOW, 0),
    PCREL(LD_PREL_LO19, 0xf9400020, 4, -EINVAL, 0),
    /* ADR_PREL_LO21: immlo [30:29], immhi [23:5], -2^20 <= X < 2^20 */
    PCREL(ADR_LO21, 0x10000000, 0xfffff, 0, 0x707fffe0),
    PCREL(ADR_LO21, 0x10000000, 0x100000, -EOVERFLOW, 0),
    PCREL(ADR_LO21, 0x10000001, -0x100000, 0, 0x10800001),
    PCREL(ADR_LO21, 0x10000001, -0x100001, -EOVERFLOW, 0),
    PCREL(ADR_LO21, 0x90000000, 4, -EINVAL, 0), /* ADRP */
    /* ADR_PREL_PG_HI21: Page(S+A) - Page(P) in [-2^32, 2^32), >> 12 */
    INSN(ADR_PG_HI21, 0x90000000, A64_P + 0x234, PAGE(A64_P) + 0xfffff000ull, 0xfff, 0, 0xf07fffe0),
    INSN(ADR_PG_HI21, 0x90000000, A64_P + 0x234, PAGE(A64_P) + 0x100000000ull, 0, -EOVERFLOW, 0),
    INSN(ADR_PG_HI21, 0x90000002, A64_P + 0xfff, PAGE(A64_P) - 0x100000000ull, 0, 0, 0x90800002),
    INSN(ADR_PG_HI21, 0x90000002, A64_P + 0xfff, PAGE(A64_P) - 0x100000000ull, -1, -EOVERFLOW, 0),
    INSN(ADR_PG_HI21, 0x10000000, A64_P, A64_P, 0, -EINVAL, 0), /* ADR */
    /* ..._NC: the low 21 bits of the page delta, unchecked */
    INSN(ADR_PG_HI21_NC, 0x90000000, A64_P, A64_P + 0x100005000ull, 0, 0, 0xb0800020),
    /* ADD_ABS_LO12_NC, LDSTn_ABS_LO12_NC: bits [11:0] of S+A >> log2(n/8) at [21:10] */
    INSN(ADD_LO12, 0x91000000, A64_P, 0x123456789000ull, 0xfff, 0, 0x913ffc00),
    INSN(ADD_LO12, 0xd1000421, A64_P, 0x123, 0, 0, 0xd1048c21), /* SUB x1, x1 */
    INSN(ADD_LO12, 0xf9400020, A64_P, 0x123, 0, -EINVAL, 0),
    INSN(LDST8, 0x39400020, A64_P, 0x40000fff, 0, 0, 0x397ffc20),
    INSN(LDST8, 0x91000000, A64_P, 0x40000fff, 0, -EINVAL, 0),
    INSN(LDST16, 0x79400020, A64_P, 0x40000ffe, 0, 0, 0x795ffc20),
    INSN(LDST16, 0x79400020, A64_P, 0x40000fff, 0, -EOVERFLOW, 0),
    INSN(LDST32, 0xb9400020, A64_P, 0x40000ffc, 0, 0, 0xb94ffc20),
    INSN(LDST32, 0xb9400020, A64_P, 0x40000ffe, 0, -EOVERFLOW, 0),
    INSN(LDST64, 0xf9400020, A64_P, 0x40000ff8, 0, 0, 0xf947fc20),
    INSN(LDST64, 0xf9400020, A64_P, 0x40000ffc, 0, -EOVERFLOW, 0),
    INSN(LDST128, 0x3dc00020, A64_P, 0x40000ff0, 0, 0, 0x3dc3fc20),
    INSN(LDST128, 0x3dc00020, A64_P, 0x40000ff8, 0, -EOVERFLOW, 0),

    /* MOVW_UABS_Gn: imm16 [20:5] of bits [16n+15:16n], 0 <= X < 2^(16(n+1)) */
    INSN(UABS_G0, 0xd2800000, A64_P, 0xffff, 0, 0, 0xd29fffe0),
    INSN(UABS_G0, 0xd2800000, A64_P, 0x10000, 0, -EOVERFLOW, 0),
    INSN(UABS_G0, 0xd2800000, A64_P, 0, -1, -EOVERFLOW, 0),
    INSN(UABS_G0_NC, 0xf2800000, A64_P, BIG, 0, 0, 0xf29bde00),
    INSN(UABS_G1, 0xd2a00000, A64_P, 0xffffffff, 0, 0, 0xd2bfffe0),
    INSN(UABS_G1, 0xd2a00000, A64_P, 0x100000000ull, 0, -EOVERFLOW, 0),
    INSN(UABS_G1_NC, 0xf2a00000, A64_P, BIG, 0, 0, 0xf2b35780),
    INSN(UABS_G2, 0xd2c00000, A64_P, 0xffffffffffffull, 0, 0, 0xd2dfffe0),
    INSN(UABS_G2, 0xd2c00000, A64_P, 0x1000000000000ull, 0, -EOVERFLOW, 0),
    INSN(UABS_G2_NC, 0xf2c00000, A64_P, BIG, 0, 0, 0xf2cacf00),
    INSN(UABS_G3, 0xd2e00000, A64_P, BIG, 0, 0, 0xd2e24680),
    INSN(UABS_G3, 0xd2e00000, A64_P, ~0ull, 0, 0, 0xd2ffffe0),
    INSN(UABS_G0, 0xb2800000, A64_P, 1, 0, -EINVAL, 0), /* opc 01 */
    INSN(UABS_G0, 0x91000000, A64_P, 1, 0, -EINVAL, 0),
    /* MOVW_SABS_Gn: |X| within 2^(16(n+1)); MOVZ for X >= 0, MOVN of ~X below */
    INSN(SABS_G0, 0xd2800000, A64_P, 0xffff, 0, 0, 0xd29fffe0),
    INSN(SABS_G0, 0xd2800000, A64_P, 0x10000, 0, -EOVERFLOW, 0),
    INSN(SABS_G0, 0xd2800000, A64_P, 0, -0x10000, 0, 0x929fffe0),
    INSN(SABS_G0, 0xd2800000, A64_P, 0, -0x10001, -EOVERFLOW, 0),
    INSN(SABS_G0, 0x92800003, A64_P, 5, 0, 0, 0xd28000a3),  /* MOVN -> MOVZ */
    INSN(SABS_G0, 0x12800003, A64_P, 0, -1, 0, 0x12800003), /* W form, ~-1 = 0 */
    INSN(SABS_G1, 0xd2a00000, A64_P, 0xffffffff, 0, 0, 0xd2bfffe0),
    INSN(SABS_G1, 0xd2a00000, A64_P, 0x100000000ull, 0, -EOVERFLOW, 0),
    INSN(SABS_G1, 0xd2a00000, A64_P, 0, -0x100000000ll, 0, 0x92bfffe0),
    INSN(SABS_G1, 0xd2a00000, A64_P, 0, -0x100000001ll, -EOVERFLOW, 0),
    INSN(SABS_G2, 0xd2c00000, A64_P, 0xffffffffffffull, 0, 0, 0xd2dfffe0),
    INSN(SABS_G2, 0xd2c00000, A64_P, 0x1000000000000ull, 0, -EOVERFLOW, 0),
    INSN(SABS_G2, 0xd2c00000, A64_P, 0, -0x1000000000000ll, 0, 0x92dfffe0),
    INSN(SABS_G2, 0xd2c00000, A64_P, 0, -0x1000000000001ll, -EOVERFLOW, 0),
    INSN(SABS_G0, 0xf2800000, A64_P, 1, 0, -EINVAL, 0), /* MOVK has no signed form */
    /* MOVW_PREL_Gn: X = S+A-P, signed as SABS; _NC as MOVK, unchecked; G3 unchecked */
    PCREL(PREL_G0, 0x92800000, 0xffff, 0, 0xd29fffe0),
    PCREL(PREL_G0, 0x92800000, 0x10000, -EOVERFLOW, 0),
    PCREL(PREL_G0, 0xd2800000, -0x10000, 0, 0x929fffe0),
    PCREL(PREL_G0, 0xd2800000, -0x10001, -EOVERFLOW, 0),
    PCREL(PREL_G0_NC, 0xf2800000, -1, 0, 0xf29fffe0), /* no MOVN */
    PCREL(PREL_G1, 0xd2a00000, 0xffffffffll, 0, 0xd2bfffe0),
    PCREL(PREL_G1, 0xd2a00000, 0x100000000ll, -EOVERFLOW, 0),
    PCREL(PREL_G1, 0xd2a00000, -0x100000000ll, 0, 0x92bfffe0),
    PCREL(PREL_G1, 0xd2a00000, -0x100000001ll, -EOVERFLOW, 0),
    PCREL(PREL_G1_NC, 0xf2a00000, 0x123456789abcll, 0, 0xf2aacf00),
    PCREL(PREL_G2, 0xd2c00000, 0xffffffffffffll, 0, 0xd2dfffe0),
    PCREL(PREL_G2, 0xd2c00000, 0x1000000000000ll, -EOVERFLOW, 0),
    PCREL(PREL_G2, 0xd2c00000, -0x1000000000000ll, 0, 0x92dfffe0),
    PCREL(PREL_G2, 0xd2c00000, -0x1000000000001ll, -EOVERFLOW, 0),
    PCREL(PREL_G2_NC, 0xf2c00000, 0x123456789abcll, 0, 0xf2c24680),
    PCREL(PREL_G3, 0xd2e00000, -0x123456789abcdef0ll, 0, 0x92e24680),
    PCREL(PREL_G3, 0x92e00000, 0x7fff000000000000ll, 0, 0xd2efffe0),
    PCREL(PREL_G1, 0xf2a00000, 1, -EINVAL, 0),

    /* Not handled: 256, GOT and TLS types, gaps; and any REL entry */
    INSN(256, 0xd503201f, A64_P, A64_P, 0, -EOPNOTSUPP, 0),
    INSN(281, 0x14000000, A64_P, A64_P, 0, -EOPNOTSUPP, 0),
    INSN(311, 0x90000000, A64_P, A64_P, 0, -EOPNOTSUPP, 0), /* ADR_GOT_PAGE */
    INSN(312, 0xf9400000, A64_P, A64_P, 0, -EOPNOTSUPP, 0), /* LD64_GOT_LO12_NC */
    INSN(1, 0x14000000, A64_P, A64_P, 0, -EOPNOTSUPP, 0),
    { CALL26, 4, true, 0x94000000, A64_P, A64_P, 0, -EOPNOTSUPP, 0 },
};

TEST(aarch64_types)
{
    run_cases(&lp_reloc_aarch64, aarch64_cases, ARRAY_SIZE(aarch64_cases));
}

/* ---- ARM ------------------------------------------------------------- */

#define ARM_P 0x00200000ull

enum {
    ARM_NONE = 0,
    ARM_PC24 = 1,
    ARM_ABS32 = 2,
    ARM_REL32 = 3,
    ARM_CALL = 28,
    ARM_JUMP24 = 29,
    ARM_TARGET1 = 38,
    ARM_V4BX = 40,
    ARM_TARGET2 = 41,
    ARM_PREL31 = 42,
    ARM_MOVW_ABS_NC = 43,
    ARM_MOVT_ABS = 44,
    ARM_MOVW_PREL_NC = 45,
    ARM_MOVT_PREL = 46,
};

static const struct rcase arm_cases[] = {
    NOP(ARM_NONE),
    NOP_REL(ARM_NONE),
    NOP_REL(ARM_V4BX),
    /* ABS32, TARGET1: S+A; REL's addend is the word */
    REL(ARM_ABS32, 0x10, ARM_P, 0x12345678, 0, 0x12345688),
    REL(ARM_ABS32, 0xfffffffc, ARM_P, 0x1000, 0, 0xffc),
    INSN(ARM_ABS32, 0xdeadbeef, ARM_P, 0x12345678, 0x10, 0, 0x12345688), /* RELA */
    INSN(ARM_ABS32, 0, ARM_P, 0xfffffff0, 0x20, 0, 0x10),                /* modulo 2^32 */
    REL(ARM_TARGET1, 0x100, ARM_P, 0x12345678, 0, 0x12345778),
    /* REL32: S+A-P */
    REL(ARM_REL32, 0x20, ARM_P, ARM_P + 0x100, 0, 0x120),
    INSN(ARM_REL32, 0x20, ARM_P, ARM_P, -4, 0, 0xfffffffc),
    /* CALL, JUMP24, PC24: imm24 of X >> 2, -2^25 <= X < 2^25, X % 4 == 0; REL A = -8 */
    REL(ARM_CALL, 0xebfffffe, ARM_P, ARM_P + 0x2000004, 0, 0xeb7fffff),
    REL(ARM_CALL, 0xebfffffe, ARM_P, ARM_P + 0x2000008, -EOVERFLOW, 0),
    REL(ARM_CALL, 0xebfffffe, ARM_P, ARM_P - 0x1fffff8, 0, 0xeb800000),
    REL(ARM_CALL, 0xebfffffe, ARM_P, ARM_P - 0x1fffffc, -EOVERFLOW, 0),
    REL(ARM_CALL, 0xebfffffe, ARM_P, ARM_P + 10, -EOVERFLOW, 0),
    REL(ARM_CALL, 0xeb00003e, ARM_P, ARM_P, 0, 0xeb00003e),              /* A = +0xf8 */
    INSN(ARM_CALL, 0xeb123456, ARM_P, ARM_P + 0x108, -8, 0, 0xeb000040), /* RELA */
    REL(ARM_CALL, 0xfafffffe, ARM_P, ARM_P + 8, -EINVAL, 0),             /* BLX: Thumb */
    REL(ARM_CALL, 0xe1a00000, ARM_P, ARM_P + 8, -EINVAL, 0),             /* MOV */
    REL(ARM_JUMP24, 0x1afffffe, ARM_P, ARM_P + 0x1008, 0, 0x1a000400),   /* BNE */
    REL(ARM_JUMP24, 0xeafffffe, ARM_P, ARM_P + 0x2000004, 0, 0xea7fffff),
    REL(ARM_JUMP24, 0xeafffffe, ARM_P, ARM_P + 0x2000008, -EOVERFLOW, 0),
    REL(ARM_PC24, 0xeafffffe, ARM_P, ARM_P - 0xf8, 0, 0xeaffffc0),
    REL(ARM_PC24, 0xeafffffe, ARM_P, ARM_P - 0x1fffffc, -EOVERFLOW, 0),
    /* PREL31: -2^30 <= S+A-P < 2^30 into bits [30:0], bit 31 kept */
    REL(ARM_PREL31, 0x80000000, ARM_P, ARM_P + 0x3fffffff, 0, 0xbfffffff),
    REL(ARM_PREL31, 0x80000000, ARM_P, ARM_P + 0x40000000, -EOVERFLOW, 0),
    REL(ARM_PREL31, 0x7ffffff0, ARM_P, ARM_P - 0x3ffffff0, 0, 0x40000000), /* A = -16 */
    REL(ARM_PREL31, 0x7ffffff0, ARM_P, ARM_P - 0x3ffffff1, -EOVERFLOW, 0),
    INSN(ARM_PREL31, 0x80000000, ARM_P, ARM_P, 4, 0, 0x80000004),
    /* MOVW/MOVT: imm4 [19:16] : imm12 [11:0]; REL A = the signed imm16 (MOVT too) */
    REL(ARM_MOVW_ABS_NC, 0xe3010234, ARM_P, 0x89abcdef, 0, 0xe30e0023),
    REL(ARM_MOVW_ABS_NC, 0xe30f1ff0, ARM_P, 0x12340008, 0, 0xe30f1ff8),
    INSN(ARM_MOVW_ABS_NC, 0xe30f1ff0, ARM_P, 0x12345678, 0, 0, 0xe3051678),
    REL(ARM_MOVT_ABS, 0xe3410234, ARM_P, 0x89abcdef, 0, 0xe34809ab),
    REL(ARM_MOVT_ABS, 0xe34f1ff0, ARM_P, 0x12340008, 0, 0xe3411233), /* the borrow */
    INSN(ARM_MOVT_ABS, 0xe34f1ff0, ARM_P, 0x12340008, -16, 0, 0xe3411233),
    INSN(ARM_MOVT_ABS, 0xe34f1ff0, ARM_P, 0x12340008, 0, 0, 0xe3411234),
    REL(ARM_MOVW_PREL_NC, 0xe3003000, ARM_P, ARM_P - 0x1234568, 0, 0xe30b3a98),
    REL(ARM_MOVT_PREL, 0xe3403000, ARM_P, ARM_P - 0x1234568, 0, 0xe34f3edc),
    REL(ARM_MOVW_ABS_NC, 0xeafffffe, ARM_P, 0x1234, -EINVAL, 0), /* B */
    REL(ARM_MOVT_ABS, 0xf3401234, ARM_P, 0x1234, -EINVAL, 0),    /* cond NV */
    /* Not handled */
    REL(ARM_TARGET2, 0, ARM_P, 0x1234, -EOPNOTSUPP, 0),
    REL(27, 0, ARM_P, 0x1234, -EOPNOTSUPP, 0),
    REL(255, 0, ARM_P, 0x1234, -EOPNOTSUPP, 0),
    REL(256, 0, ARM_P, 0x1234, -EOPNOTSUPP, 0),
};

TEST(arm_types)
{
    run_cases(&lp_reloc_arm, arm_cases, ARRAY_SIZE(arm_cases));
}

/* ---- descriptors ----------------------------------------------------- */

static void check_names(const struct lp_reloc_arch *a, const char *prefix, unsigned int count)
{
    unsigned int named = 0;

    for (uint32_t t = 0; t < 4096; t++) {
        const char *n = a->type_name(t);

        if (!n)
            continue;
        named++;
        CHECK(!strncmp(n, prefix, strlen(prefix)));
    }
    CHECK_EQ(named, count);
}

TEST(descriptors_and_names)
{
    CHECK_STR(lp_reloc_x86_64.name, "x86_64");
    CHECK_EQ(lp_reloc_x86_64.machine, EM_X86_64);
    CHECK_EQ(lp_reloc_x86_64.elf_class, ELFCLASS64);
    CHECK(!lp_reloc_x86_64.has_rel && lp_reloc_x86_64.has_rela);
    CHECK_STR(lp_reloc_aarch64.name, "aarch64");
    CHECK_EQ(lp_reloc_aarch64.machine, EM_AARCH64);
    CHECK_EQ(lp_reloc_aarch64.elf_class, ELFCLASS64);
    CHECK(!lp_reloc_aarch64.has_rel && lp_reloc_aarch64.has_rela);
    CHECK_STR(lp_reloc_arm.name, "arm");
    CHECK_EQ(lp_reloc_arm.machine, EM_ARM);
    CHECK_EQ(lp_reloc_arm.elf_class, ELFCLASS32);
    CHECK(lp_reloc_arm.has_rel && lp_reloc_arm.has_rela);

    check_names(&lp_reloc_x86_64, "R_X86_64_", 7);
    check_names(&lp_reloc_aarch64, "R_AARCH64_", 38);
    check_names(&lp_reloc_arm, "R_ARM_", 13);
    CHECK_STR(lp_reloc_aarch64.type_name(TSTBR14), "R_AARCH64_TSTBR14");
    CHECK_STR(lp_reloc_aarch64.type_name(LDST128), "R_AARCH64_LDST128_ABS_LO12_NC");
    CHECK_STR(lp_reloc_arm.type_name(ARM_PREL31), "R_ARM_PREL31");
    CHECK(!lp_reloc_aarch64.type_name(256));
}

/* Every named type has at least one case that writes its field. */
static void check_covered(const struct lp_reloc_arch *a, const struct rcase *c, size_t n)
{
    for (uint32_t t = 0; t < 4096; t++) {
        bool seen = false;

        if (!a->type_name(t))
            continue;
        for (size_t i = 0; i < n && !seen; i++)
            seen = c[i].type == t && c[i].rc == 0;
        if (!seen)
            FAIL("%s: no case for %s", a->name, a->type_name(t));
    }
}

TEST(every_type_has_cases)
{
    check_covered(&lp_reloc_x86_64, x86_64_cases, ARRAY_SIZE(x86_64_cases));
    check_covered(&lp_reloc_aarch64, aarch64_cases, ARRAY_SIZE(aarch64_cases));
    check_covered(&lp_reloc_arm, arm_cases, ARRAY_SIZE(arm_cases));
}
