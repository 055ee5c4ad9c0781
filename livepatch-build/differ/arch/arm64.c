/* SPDX-License-Identifier: MIT */
/*
 * AArch64: RELA, every reference exact (no PC bias); a 4-byte "B"
 * trampoline.
 */
#include <elf.h>

#include <hv/livepatch_reloc.h>

#include "../arch.h"

static unsigned int arm64_entry_skip(const uint8_t *code, uint64_t len)
{
    (void)code;
    (void)len;
    return 0;
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
    .reloc = &lp_reloc_aarch64,
    .bias = arm64_bias,
};
