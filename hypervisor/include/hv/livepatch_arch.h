/* SPDX-License-Identifier: MIT */
/*
 * What live patching needs from the architecture (arch/<arch>/livepatch.c).
 * The functions marked "window" run on the CPU doing the action while every
 * other CPU is held at a safe point with interrupts off.
 */
#ifndef HV_LIVEPATCH_ARCH_H
#define HV_LIVEPATCH_ARCH_H

#include <hv/types.h>
#include <hv/livepatch_payload.h>

/* What was saved from an old function to put it back on revert. */
struct lp_patch_site {
    uint8_t saved[LIVEPATCH_OPAQUE_SIZE];
    unsigned int offset; /* bytes skipped at the start (x86 ENDBR64) */
    unsigned int len;    /* bytes overwritten */
};

/* Logs "livepatch: <who>: <reason>" as one line and returns @rc. */
int lp_refuse(int rc, const char *who, const char *fmt, ...) __printf(3, 4);

/* ELF machine and class of payloads for this hypervisor. */
uint16_t arch_livepatch_elf_machine(void);
uint8_t arch_livepatch_elf_class(void);
/* How far the patch branch reaches either way (x86 2 GiB, arm64 128 MiB). */
unsigned long arch_livepatch_range(void);
/*
 * Bytes to leave alone at the start of @f's old function (x86: an ENDBR64
 * landing pad).  Reads no further than old_size bytes.
 */
unsigned int arch_livepatch_patch_offset(const struct livepatch_func *f);
/* Are @f's sizes patchable here (given @offset)?  0 or -EINVAL/-EOPNOTSUPP. */
int arch_livepatch_check_func(const struct livepatch_func *f, unsigned int offset, const char *who);
/* Is [addr, addr + len) inside the hypervisor's own text? */
bool arch_livepatch_in_hv_text(unsigned long addr, size_t len);

/* window: make text writable through a private alias / stop doing so. */
void arch_livepatch_quiesce(void);
void arch_livepatch_revive(void);
/* window: write @f's branch (or NOPs), saving what it covers in @site. */
void arch_livepatch_apply(const struct livepatch_func *f, struct lp_patch_site *site);
/* window: put back what arch_livepatch_apply() saved. */
void arch_livepatch_revert(const struct livepatch_func *f, const struct lp_patch_site *site);
/* Every CPU, after the window: discard stale instructions and TLB entries. */
void arch_livepatch_post_action(void);

#endif /* HV_LIVEPATCH_ARCH_H */
