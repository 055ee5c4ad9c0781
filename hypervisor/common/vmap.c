/* SPDX-License-Identifier: MIT */
/*
 * The vmap area [VMAP_START, VMAP_END): virtual ranges handed out by a
 * bitmap, each followed by an unmapped page so overruns fault.
 */
#include <hv/mm.h>
#include <hv/console.h>
#include <hv/lib.h>
#include <hv/spinlock.h>

#define VMAP_PAGES ((VMAP_END - VMAP_START) >> PAGE_SHIFT)

static spinlock_t vmap_lock = SPIN_LOCK_UNLOCKED;
static uint8_t vmap_bitmap[VMAP_PAGES / 8];

static bool va_used(unsigned long i)
{
    return vmap_bitmap[i / 8] & (1u << (i % 8));
}

static void va_set(unsigned long i, bool used)
{
    if (used)
        vmap_bitmap[i / 8] |= (uint8_t)(1u << (i % 8));
    else
        vmap_bitmap[i / 8] &= (uint8_t) ~(1u << (i % 8));
}

void vmap_init(void)
{
    memset(vmap_bitmap, 0, sizeof(vmap_bitmap));
}

/* Reserves @nr pages plus a trailing guard page; returns the start or 0. */
unsigned long vmap_reserve(unsigned long nr)
{
    unsigned long run = 0, found = ~0UL;

    spin_lock(&vmap_lock);
    for (unsigned long i = 0; i < VMAP_PAGES; i++) {
        run = va_used(i) ? 0 : run + 1;
        if (run == nr + 1) {
            found = i + 1 - run;
            break;
        }
    }
    if (found != ~0UL)
        for (unsigned long i = found; i < found + nr + 1; i++)
            va_set(i, true);
    spin_unlock(&vmap_lock);
    return found == ~0UL ? 0 : VMAP_START + (found << PAGE_SHIFT);
}

void vmap_release(unsigned long va, unsigned long nr)
{
    unsigned long first = (va - VMAP_START) >> PAGE_SHIFT;

    spin_lock(&vmap_lock);
    for (unsigned long i = first; i < first + nr + 1; i++)
        va_set(i, false);
    spin_unlock(&vmap_lock);
}

void *vmalloc_guarded(unsigned long nr)
{
    /* One more page in front: the guard below a downward-growing stack. */
    unsigned long va = vmap_reserve(nr + 1);

    if (!va)
        return NULL;
    for (unsigned long i = 1; i <= nr; i++) {
        paddr_t pa = alloc_pages(1, 1);

        if (pa == INVALID_PADDR || arch_map_pages(va + i * PAGE_SIZE, pa, 1, MAP_RW))
            panic("out of memory mapping %lu pages", nr);
        memset((void *)(va + i * PAGE_SIZE), 0, PAGE_SIZE);
    }
    return (void *)(va + PAGE_SIZE);
}

void *vmap_phys(paddr_t pa, size_t size, enum map_perm perm)
{
    paddr_t base = ROUNDDOWN(pa, PAGE_SIZE);
    unsigned long nr = (unsigned long)((ROUNDUP(pa + size, PAGE_SIZE) - base) >> PAGE_SHIFT);
    unsigned long va = vmap_reserve(nr);

    if (!va)
        return NULL;
    if (arch_map_pages(va, base, nr, perm)) {
        vmap_release(va, nr);
        return NULL;
    }
    return (void *)(va + (unsigned long)(pa - base));
}

void vunmap_phys(const void *va, size_t size)
{
    unsigned long start = ROUNDDOWN((unsigned long)va, PAGE_SIZE);
    unsigned long nr = (ROUNDUP((unsigned long)va + size, PAGE_SIZE) - start) >> PAGE_SHIFT;

    arch_unmap_pages(start, nr);
    vmap_release(start, nr);
}
