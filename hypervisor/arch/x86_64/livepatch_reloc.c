/* SPDX-License-Identifier: MIT */
/*
 * x86_64 relocations for payloads (RELA only), as the psABI defines them:
 * S = symbol, A = addend, P = place.  Payloads are built with
 * -mcmodel=kernel, so absolute 32-bit fields are sign-extended (32S).
 */
#include <hv/elf.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/livepatch_reloc.h>

#define R_X86_64_NONE 0
#define R_X86_64_64 1
#define R_X86_64_PC32 2
#define R_X86_64_PLT32 4
#define R_X86_64_32 10
#define R_X86_64_32S 11
#define R_X86_64_PC64 24

static const char *x86_64_type_name(uint32_t type)
{
    switch (type) {
    case R_X86_64_NONE:
        return "R_X86_64_NONE";
    case R_X86_64_64:
        return "R_X86_64_64";
    case R_X86_64_PC32:
        return "R_X86_64_PC32";
    case R_X86_64_PLT32:
        return "R_X86_64_PLT32";
    case R_X86_64_32:
        return "R_X86_64_32";
    case R_X86_64_32S:
        return "R_X86_64_32S";
    case R_X86_64_PC64:
        return "R_X86_64_PC64";
    default:
        return NULL;
    }
}

static int put32(uint8_t *where, size_t room, uint64_t v, bool sign)
{
    if (room < 4)
        return -EINVAL;
    if (sign ? (int64_t)v != (int32_t)v : v > UINT32_MAX)
        return -EOVERFLOW;
    uint32_t w = (uint32_t)v;

    memcpy(where, &w, 4);
    return 0;
}

static int put64(uint8_t *where, size_t room, uint64_t v)
{
    if (room < 8)
        return -EINVAL;
    memcpy(where, &v, 8);
    return 0;
}

static int x86_64_apply(uint32_t type, uint8_t *where, size_t room, uint64_t place, uint64_t sym,
                        int64_t addend, bool rela)
{
    uint64_t sa = sym + (uint64_t)addend;

    if (!rela)
        return -EOPNOTSUPP;
    switch (type) {
    case R_X86_64_NONE:
        return 0;
    case R_X86_64_64:
        return put64(where, room, sa);
    case R_X86_64_PC64:
        return put64(where, room, sa - place);
    case R_X86_64_PC32:
    case R_X86_64_PLT32:
        return put32(where, room, sa - place, true);
    case R_X86_64_32:
        return put32(where, room, sa, false);
    case R_X86_64_32S:
        return put32(where, room, sa, true);
    default:
        return -EOPNOTSUPP;
    }
}

const struct lp_reloc_arch lp_reloc_x86_64 = {
    .name = "x86_64",
    .machine = EM_X86_64,
    .elf_class = ELFCLASS64,
    .has_rel = false,
    .has_rela = true,
    .apply = x86_64_apply,
    .type_name = x86_64_type_name,
};
