/* SPDX-License-Identifier: MIT */
/*
 * The machine page allocator: one bit per page frame (set = in use), a
 * next-fit cursor, and contiguous runs with alignment.  The bitmap lives in
 * RAM found at boot; every frame outside the boot loader's RAM ranges or in
 * a reserved range starts (and stays) in use.
 */
#include <hv/mm.h>
#include <hv/bootinfo.h>
#include <hv/console.h>
#include <hv/lib.h>
#include <hv/spinlock.h>

static spinlock_t heap_lock = SPIN_LOCK_UNLOCKED;
static uint8_t *bitmap;
static unsigned long nr_frames;    /* frames covered by the bitmap */
static unsigned long frames_total; /* frames ever handed to the allocator */
static unsigned long frames_free;
static unsigned long next_hint;
static unsigned long limit_frame; /* allocations stay below this (0: none) */

static bool frame_used(unsigned long f)
{
    return bitmap[f / 8] & (1u << (f % 8));
}

static void mark_used(unsigned long f)
{
    bitmap[f / 8] |= (uint8_t)(1u << (f % 8));
}

static void mark_free(unsigned long f)
{
    bitmap[f / 8] &= (uint8_t) ~(1u << (f % 8));
}

static bool overlaps(paddr_t s1, paddr_t e1, paddr_t s2, paddr_t e2)
{
    return s1 < e2 && s2 < e1;
}

/* Finds @size bytes of RAM below @limit that no reserved range covers. */
static paddr_t find_boot_region(const struct boot_info *bi, size_t size, paddr_t limit)
{
    for (unsigned int i = 0; i < bi->nr_ram; i++) {
        paddr_t start = ROUNDUP(bi->ram[i].start, PAGE_SIZE);

        for (unsigned int j = 0; j < bi->nr_reserved;) {
            const struct mem_range *r = &bi->reserved[j];

            if (overlaps(start, start + size, r->start, r->end)) {
                start = ROUNDUP(r->end, PAGE_SIZE);
                j = 0; /* rescan: the new start may hit an earlier range */
                continue;
            }
            j++;
        }
        if (start + size <= bi->ram[i].end && start + size <= limit)
            return start;
    }
    return INVALID_PADDR;
}

void page_alloc_init(const struct boot_info *bi)
{
    paddr_t top = 0, bitmap_pa;
    size_t bitmap_size;

    for (unsigned int i = 0; i < bi->nr_ram; i++)
        top = MAX(top, bi->ram[i].end);
    nr_frames = (unsigned long)(top >> PAGE_SHIFT);
    bitmap_size = ROUNDUP((nr_frames + 7) / 8, PAGE_SIZE);
    bitmap_pa = find_boot_region(bi, bitmap_size, EARLY_DIRECTMAP_LIMIT);
    if (bitmap_pa == INVALID_PADDR)
        panic("no room for the page allocator's bitmap (%zu bytes)", bitmap_size);
    bitmap = __va(bitmap_pa);
    memset(bitmap, 0xff, bitmap_size);

    for (unsigned int i = 0; i < bi->nr_ram; i++) {
        unsigned long s = (unsigned long)(ROUNDUP(bi->ram[i].start, PAGE_SIZE) >> PAGE_SHIFT);
        unsigned long e = (unsigned long)(bi->ram[i].end >> PAGE_SHIFT);

        for (unsigned long f = s; f < e; f++)
            mark_free(f);
    }
    for (unsigned int i = 0; i < bi->nr_reserved; i++) {
        unsigned long s = (unsigned long)(bi->reserved[i].start >> PAGE_SHIFT);
        unsigned long e = (unsigned long)(ROUNDUP(bi->reserved[i].end, PAGE_SIZE) >> PAGE_SHIFT);

        for (unsigned long f = s; f < e && f < nr_frames; f++)
            mark_used(f);
    }
    for (unsigned long f = 0; f < bitmap_size / PAGE_SIZE; f++)
        mark_used((unsigned long)(bitmap_pa >> PAGE_SHIFT) + f);
    for (unsigned long f = 0; f < nr_frames; f++)
        frames_free += !frame_used(f);
    frames_total = frames_free;
    limit_frame = (unsigned long)(EARLY_DIRECTMAP_LIMIT >> PAGE_SHIFT);
    printk("Memory: %lu MiB usable, %lu KiB for the page bitmap\n",
           frames_total >> (20 - PAGE_SHIFT), (unsigned long)bitmap_size >> 10);
}

void page_alloc_set_limit(paddr_t limit)
{
    limit_frame = (unsigned long)(limit >> PAGE_SHIFT);
}

/* Is [f, f+nr) free and below the limit? On failure *next is where to retry. */
static bool run_free(unsigned long f, unsigned long nr, unsigned long end, unsigned long *next)
{
    if (f + nr > end) {
        *next = end;
        return false;
    }
    for (unsigned long i = 0; i < nr; i++) {
        if (frame_used(f + i)) {
            *next = f + i + 1;
            return false;
        }
    }
    return true;
}

static unsigned long search(unsigned long from, unsigned long end, unsigned long nr,
                            unsigned long align)
{
    unsigned long f = ROUNDUP(from, align);

    while (f + nr <= end) {
        unsigned long next;

        if (run_free(f, nr, end, &next))
            return f;
        f = ROUNDUP(next, align);
    }
    return ~0UL;
}

paddr_t alloc_pages(unsigned long nr, unsigned long align)
{
    unsigned long end, f;

    if (!nr || !align || (align & (align - 1)))
        return INVALID_PADDR;
    spin_lock(&heap_lock);
    end = limit_frame ? MIN(limit_frame, nr_frames) : nr_frames;
    f = search(next_hint < end ? next_hint : 0, end, nr, align);
    if (f == ~0UL)
        f = search(0, end, nr, align);
    if (f != ~0UL) {
        for (unsigned long i = 0; i < nr; i++)
            mark_used(f + i);
        frames_free -= nr;
        next_hint = f + nr;
    }
    spin_unlock(&heap_lock);
    return f == ~0UL ? INVALID_PADDR : (paddr_t)f << PAGE_SHIFT;
}

void free_pages(paddr_t pa, unsigned long nr)
{
    unsigned long f = (unsigned long)(pa >> PAGE_SHIFT);

    spin_lock(&heap_lock);
    for (unsigned long i = 0; i < nr; i++) {
        BUG_ON(f + i >= nr_frames || !frame_used(f + i));
        mark_free(f + i);
    }
    frames_free += nr;
    spin_unlock(&heap_lock);
}

void free_boot_range(paddr_t start, paddr_t end)
{
    unsigned long s = (unsigned long)(ROUNDUP(start, PAGE_SIZE) >> PAGE_SHIFT);
    unsigned long e = (unsigned long)(end >> PAGE_SHIFT);

    if (s >= e)
        return;
    spin_lock(&heap_lock);
    for (unsigned long f = s; f < e && f < nr_frames; f++) {
        if (frame_used(f)) {
            mark_free(f);
            frames_free++;
            frames_total++;
        }
    }
    spin_unlock(&heap_lock);
}

unsigned long total_pages(void)
{
    return frames_total;
}

unsigned long free_page_count(void)
{
    return frames_free;
}

paddr_t max_page_address(void)
{
    return (paddr_t)nr_frames << PAGE_SHIFT;
}

void *alloc_xenheap_pages(unsigned long nr)
{
    paddr_t pa = alloc_pages(nr, 1);
    void *va;

    if (pa == INVALID_PADDR)
        return NULL;
    va = __va(pa);
    memset(va, 0, nr * PAGE_SIZE);
    return va;
}

void free_xenheap_pages(void *va, unsigned long nr)
{
    if (va)
        free_pages(__pa(va), nr);
}
