/* SPDX-License-Identifier: MIT */
/*
 * Memory management: the machine page allocator, the hypervisor heap and the
 * vmap area.
 *
 * Machine pages are reached through the direct map (__va/__pa from
 * <arch/config.h>).  The vmap area holds mappings that need their own
 * permissions or guard pages: CPU stacks, MMIO, and later payloads.
 */
#ifndef HV_MM_H
#define HV_MM_H

#include <hv/types.h>
#include <hv/arch.h>

struct boot_info;

#define INVALID_PADDR ((paddr_t)~0ULL)

void page_alloc_init(const struct boot_info *bi);
/* Limits allocations to below @limit (the early direct map), 0 lifts it. */
void page_alloc_set_limit(paddr_t limit);
/* @nr contiguous machine pages, aligned to @align pages; INVALID_PADDR if none. */
paddr_t alloc_pages(unsigned long nr, unsigned long align);
void free_pages(paddr_t pa, unsigned long nr);
/* Returns the range [start, end) to the allocator (boot-time memory). */
void free_boot_range(paddr_t start, paddr_t end);
unsigned long total_pages(void);
unsigned long free_page_count(void);
paddr_t max_page_address(void);

/* Zeroed pages reached through the direct map. */
void *alloc_xenheap_pages(unsigned long nr);
void free_xenheap_pages(void *va, unsigned long nr);

void *xmalloc_bytes(size_t size);
void *xzalloc_bytes(size_t size);
void xfree(void *p);
#define xmalloc(type) ((type *)xmalloc_bytes(sizeof(type)))
#define xzalloc(type) ((type *)xzalloc_bytes(sizeof(type)))
#define xzalloc_array(type, n) \
    ((n) > SIZE_MAX / sizeof(type) ? NULL : (type *)xzalloc_bytes(sizeof(type) * (n)))
/* Bytes currently handed out by the heap (for leak checks). */
size_t xmalloc_in_use(void);

void vmap_init(void);
/* Reserves @nr pages of vmap address space followed by a guard page. */
unsigned long vmap_reserve(unsigned long nr);
void vmap_release(unsigned long va, unsigned long nr);
/* Maps @nr fresh pages behind an unmapped guard page (stacks). */
void *vmalloc_guarded(unsigned long nr);
/* Maps machine range [pa, pa+size) with @perm; returns the matching address. */
void *vmap_phys(paddr_t pa, size_t size, enum map_perm perm);
void vunmap_phys(const void *va, size_t size);

#endif /* HV_MM_H */
