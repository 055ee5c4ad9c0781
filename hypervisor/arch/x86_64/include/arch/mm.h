/* SPDX-License-Identifier: MIT */
/* x86_64 page tables. */
#ifndef ARCH_MM_H
#define ARCH_MM_H

#include <stdint.h>
#include <stdbool.h>

#define PTE_P (1ULL << 0)
#define PTE_RW (1ULL << 1)
#define PTE_US (1ULL << 2)
#define PTE_PWT (1ULL << 3)
#define PTE_PCD (1ULL << 4)
#define PTE_PS (1ULL << 7)
#define PTE_G (1ULL << 8)
#define PTE_NX (1ULL << 63)
#define PTE_ADDR 0x000ffffffffff000ULL

/* Machine address of the idle (hypervisor-only) page table. */
extern uint64_t idle_pml4_pa;

/*
 * Maps one page in the tree rooted at @pml4 (a direct-map address).
 * @table_flags are given to any page-table page created on the way.
 */
int pt_map_page(uint64_t *pml4, unsigned long va, uint64_t pa, uint64_t flags,
                uint64_t table_flags);
/* Machine address behind hypervisor address @va, or INVALID_PADDR. */
uint64_t arch_virt_to_phys(unsigned long va);
/* Removes the 4 KiB mapping of @va from the hypervisor tables (no flush). */
void pt_clear_page(unsigned long va);
/* Frees every page-table page below the lower-half entries of @pml4. */
void pt_free_lower_half(uint64_t *pml4);

/* The TLB-flush IPI handler. */
void tlb_flush_ipi(void);

#endif /* ARCH_MM_H */
