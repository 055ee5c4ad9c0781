/* SPDX-License-Identifier: MIT */
/*
 * AArch64: RELA, every reference exact (no PC bias); a 4-byte "B"
 * trampoline.
 */
#include <elf.h>
#include <stddef.h>

#include "../arch.h"

static unsigned int arm64_entry_skip(const uint8_t *code, uint64_t len)
{
    (void)code;
    (void)len;
    return 0;
}

/* The types hypervisor/arch/arm64/livepatch_reloc.c applies. */
static const char *arm64_type_name(uint32_t type)
{
#define T(n) [R_AARCH64_##n - R_AARCH64_ABS64 + 1] = "R_AARCH64_" #n
    static const char *const names[] = {
        T(ABS64),
        T(ABS32),
        T(ABS16),
        T(PREL64),
        T(PREL32),
        T(PREL16),
        T(MOVW_UABS_G0),
        T(MOVW_UABS_G0_NC),
        T(MOVW_UABS_G1),
        T(MOVW_UABS_G1_NC),
        T(MOVW_UABS_G2),
        T(MOVW_UABS_G2_NC),
        T(MOVW_UABS_G3),
        T(MOVW_SABS_G0),
        T(MOVW_SABS_G1),
        T(MOVW_SABS_G2),
        T(LD_PREL_LO19),
        T(ADR_PREL_LO21),
        T(ADR_PREL_PG_HI21),
        T(ADR_PREL_PG_HI21_NC),
        T(ADD_ABS_LO12_NC),
        T(LDST8_ABS_LO12_NC),
        T(TSTBR14),
        T(CONDBR19),
        T(JUMP26),
        T(CALL26),
        T(LDST16_ABS_LO12_NC),
        T(LDST32_ABS_LO12_NC),
        T(LDST64_ABS_LO12_NC),
        T(MOVW_PREL_G0),
        T(MOVW_PREL_G0_NC),
        T(MOVW_PREL_G1),
        T(MOVW_PREL_G1_NC),
        T(MOVW_PREL_G2),
        T(MOVW_PREL_G2_NC),
        T(MOVW_PREL_G3),
        T(LDST128_ABS_LO12_NC),
    };
#undef T
    size_t i = type - R_AARCH64_ABS64 + 1;

    if (type == R_AARCH64_NONE)
        return "R_AARCH64_NONE";
    if (type < R_AARCH64_ABS64 || i >= sizeof(names) / sizeof(names[0]))
        return NULL;
    return names[i];
}

static int64_t arm64_bias(uint32_t type, bool in_code, unsigned int *slack)
{
    (void)type;
    (void)in_code;
    *slack = 0;
    return 0;
}

const struct arch arch_arm64 = {
    .name = "arm64",
    .machine = EM_AARCH64,
    .elf_class = ELFCLASS64,
    .rela = true,
    .abs_ptr = R_AARCH64_ABS64,
    .ptr_size = 8,
    .funcs_size = 104,
    .jump_size = 4,
    .entry_skip = arm64_entry_skip,
    .type_name = arm64_type_name,
    .bias = arm64_bias,
};
