/* SPDX-License-Identifier: MIT */
/*
 * x86_64 live-patch instructions, as plain C (the host unit tests build it
 * too): a 5-byte "jmp rel32" at the old function, after an ENDBR64 landing
 * pad if there is one, or a run of the recommended multi-byte NOPs.
 */
#include <hv/elf.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/livepatch_arch.h>
#include <hv/livepatch_reloc.h>
#include <arch/livepatch.h>

#define JMP_REL32_SIZE 5
#define ENDBR64_SIZE 4

static const uint8_t endbr64[ENDBR64_SIZE] = { 0xf3, 0x0f, 0x1e, 0xfa };

static const uint8_t nops[8][8] = {
    { 0x90 },
    { 0x66, 0x90 },
    { 0x0f, 0x1f, 0x00 },
    { 0x0f, 0x1f, 0x40, 0x00 },
    { 0x0f, 0x1f, 0x44, 0x00, 0x00 },
    { 0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00 },
    { 0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00 },
    { 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 },
};

const struct lp_reloc_arch *lp_reloc_native(void)
{
    return &lp_reloc_x86_64;
}

uint16_t arch_livepatch_elf_machine(void)
{
    return EM_X86_64;
}

uint8_t arch_livepatch_elf_class(void)
{
    return ELFCLASS64;
}

unsigned long arch_livepatch_range(void)
{
    return GiB(2);
}

unsigned int arch_livepatch_patch_offset(const struct livepatch_func *f)
{
    if (f->old_size < ENDBR64_SIZE)
        return 0;
    return memcmp(f->old_addr, endbr64, ENDBR64_SIZE) ? 0 : ENDBR64_SIZE;
}

int arch_livepatch_check_func(const struct livepatch_func *f, unsigned int offset, const char *who)
{
    if (!f->new_addr) {
        if (!f->new_size || f->new_size > LIVEPATCH_OPAQUE_SIZE)
            return lp_refuse(-EOPNOTSUPP, who, "%s: NOP run of %u bytes (1 to %u allowed)", f->name,
                             f->new_size, LIVEPATCH_OPAQUE_SIZE);
        if (f->new_size + offset > f->old_size)
            return lp_refuse(-EINVAL, who, "%s: NOP run longer than the function", f->name);
        return 0;
    }
    if (f->old_size < JMP_REL32_SIZE + offset)
        return lp_refuse(-EINVAL, who, "%s: %u bytes is too small for a %u-byte jump", f->name,
                         f->old_size, JMP_REL32_SIZE + offset);
    return 0;
}

unsigned int x86_livepatch_insn(const struct livepatch_func *f, unsigned long at, uint8_t *buf)
{
    if (f->new_addr) {
        int32_t rel = (int32_t)((unsigned long)f->new_addr - (at + JMP_REL32_SIZE));

        buf[0] = 0xe9;
        memcpy(buf + 1, &rel, sizeof(rel));
        return JMP_REL32_SIZE;
    }
    for (unsigned int done = 0; done < f->new_size;) {
        unsigned int n = MIN(f->new_size - done, 8u);

        memcpy(buf + done, nops[n - 1], n);
        done += n;
    }
    return f->new_size;
}
