/* SPDX-License-Identifier: MIT */
/*
 * x86_64 live patching: writing the instructions livepatch_insn.c builds.
 *
 * Text stays read-only+executable.  Inside the rendezvous window the
 * leading CPU writes through a private writable alias of the target page,
 * made and unmade with local invlpg only (the other CPUs are held and never
 * use the alias).  Afterwards every CPU executes a serialising instruction
 * so none runs stale prefetched code.
 */
#include <hv/console.h>
#include <hv/lib.h>
#include <hv/livepatch_arch.h>
#include <hv/mm.h>
#include <arch/livepatch.h>
#include <arch/mm.h>
#include <arch/x86.h>

static unsigned long poke_alias; /* one page of vmap space, made at first use */

extern const char _stext[], _etext[];

bool arch_livepatch_in_hv_text(unsigned long addr, size_t len)
{
    unsigned long s = (unsigned long)_stext, e = (unsigned long)_etext;

    return addr >= s && addr < e && len <= e - addr;
}

void arch_livepatch_quiesce(void)
{
    if (!poke_alias)
        poke_alias = vmap_reserve(1);
    BUG_ON(!poke_alias);
}

void arch_livepatch_revive(void)
{
}

/* Writes @len bytes at @addr (read-only text) through the alias. */
static void text_poke(unsigned long addr, const uint8_t *src, size_t len)
{
    while (len) {
        size_t off = addr & (PAGE_SIZE - 1), n = MIN(len, PAGE_SIZE - off);
        paddr_t pa = arch_virt_to_phys(addr & ~(PAGE_SIZE - 1));

        BUG_ON(pa == INVALID_PADDR || arch_map_pages(poke_alias, pa, 1, MAP_RW));
        invlpg(poke_alias);
        memcpy((void *)(poke_alias + off), src, n);
        pt_clear_page(poke_alias);
        invlpg(poke_alias);
        addr += n;
        src += n;
        len -= n;
    }
}

void arch_livepatch_apply(const struct livepatch_func *f, struct lp_patch_site *site)
{
    uint8_t insn[LIVEPATCH_OPAQUE_SIZE];
    unsigned long at;

    site->offset = arch_livepatch_patch_offset(f);
    at = (unsigned long)f->old_addr + site->offset;
    site->len = x86_livepatch_insn(f, at, insn);
    memcpy(site->saved, (const void *)at, site->len);
    text_poke(at, insn, site->len);
}

void arch_livepatch_revert(const struct livepatch_func *f, const struct lp_patch_site *site)
{
    text_poke((unsigned long)f->old_addr + site->offset, site->saved, site->len);
}

void arch_livepatch_post_action(void)
{
    uint32_t a, b, c, d;

    cpuid(0, 0, &a, &b, &c, &d); /* serialising: no stale prefetched code */
}
