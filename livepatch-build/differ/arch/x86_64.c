/* SPDX-License-Identifier: MIT */
/*
 * x86_64: RELA; a 5-byte "jmp rel32" trampoline written after the ENDBR64
 * landing pad of a CET-IBT build (hypervisor/arch/x86_64/livepatch_insn.c).
 */
#include <elf.h>
#include <string.h>

#include <hv/livepatch_reloc.h>

#include "../arch.h"

static unsigned int x86_entry_skip(const uint8_t *code, uint64_t len)
{
    static const uint8_t endbr64[] = { 0xf3, 0x0f, 0x1e, 0xfa };

    return len >= sizeof(endbr64) && !memcmp(code, endbr64, sizeof(endbr64)) ? sizeof(endbr64) : 0;
}

/*
 * In code, a PC-relative displacement is relative to the end of the
 * instruction: 4 bytes after the field, or up to 4 more when an immediate
 * follows it ("cmpl $1, x(%rip)").  In data the field is the reference.
 */
static int64_t x86_bias(uint32_t type, bool in_code, unsigned int *slack)
{
    *slack = 0;
    if (!in_code)
        return 0;
    if (type == R_X86_64_PC32 || type == R_X86_64_PLT32) {
        *slack = 4;
        return 4;
    }
    return type == R_X86_64_PC64 ? 8 : 0;
}

const struct arch arch_x86_64 = {
    .name = "x86_64",
    .machine = EM_X86_64,
    .elf_class = ELFCLASS64,
    .rela = true,
    .abs_ptr = R_X86_64_64,
    .ptr_size = 8,
    .funcs_size = 104,
    .jump_size = 5,
    .entry_skip = x86_entry_skip,
    .reloc = &lp_reloc_x86_64,
    .bias = x86_bias,
};
