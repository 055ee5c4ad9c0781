/* SPDX-License-Identifier: MIT */
/*
 * The machine page allocator (common/page_alloc.c) and the heap on top of
 * it (common/xmalloc.c), on fake machine memory.
 *
 * Layout (frames are 4 KiB):
 *   RAM A [1M, 4M)              frames 256..1023
 *   RAM B [8M+2K, 12M+2K)       frames 2049..3071 (partial pages dropped)
 *   RAM C [36M, 40M)            frames 9216..10239, above the early limit
 *   reserved [1M, 1M+6K)        frames 256..257 (partial page rounded out)
 *   reserved [3M+2K, 9M)        frames 768..2303, across the A-B hole
 *   reserved [20M, 21M)         in no RAM at all
 * The one-page bitmap goes to the first free frame, 258.  Usable: A 258..767
 * (510 - 1 for the bitmap), B 2304..3071 (768), C (1024).
 */
#include <string.h>

#include <hv/bootinfo.h>
#include <hv/console.h>
#include <hv/mm.h>

#include "fake.h"
#include "unit.h"

#define FRAME(pa) ((unsigned long)((pa) >> PAGE_SHIFT))
#define BITMAP_PA (MiB(1) + 0x2000)
#define FREE_BELOW_LIMIT (509 + 768)
#define FREE_TOTAL (FREE_BELOW_LIMIT + 1024)
#define NR_FRAMES FRAME(MiB(40))

static struct boot_info bi;

static void boot(void)
{
    fake_machine_init(MiB(64));
    bootinfo_add_ram(&bi, MiB(1), MiB(4));
    bootinfo_add_ram(&bi, MiB(8) + 0x800, MiB(12) + 0x800);
    bootinfo_add_ram(&bi, MiB(36), MiB(40));
    bootinfo_reserve(&bi, MiB(1), MiB(1) + 0x1800);
    bootinfo_reserve(&bi, MiB(3) + 0x800, MiB(9));
    bootinfo_reserve(&bi, MiB(20), MiB(21));
    page_alloc_init(&bi);
}

/* Could the allocator ever hand out this page? */
static bool page_usable(paddr_t pa)
{
    unsigned long f = FRAME(pa);

    if (pa % PAGE_SIZE || pa == BITMAP_PA)
        return false;
    return (f >= 258 && f <= 767) || (f >= 2304 && f <= 3071) || (f >= 9216 && f <= 10239);
}

/*
 * Allocates single pages until none is left; checks each one and that none
 * comes twice.  Returns how many it got.
 */
static unsigned long drain(void)
{
    static bool seen[NR_FRAMES];
    unsigned long n = 0;
    paddr_t pa;

    memset(seen, 0, sizeof(seen));
    while ((pa = alloc_pages(1, 1)) != INVALID_PADDR) {
        if (!CHECK(page_usable(pa)) || !CHECK(!seen[FRAME(pa)]))
            break;
        seen[FRAME(pa)] = true;
        n++;
    }
    return n;
}

TEST(counts_exclude_holes_reserved_ranges_and_the_bitmap)
{
    boot();
    CHECK_EQ(total_pages(), FREE_TOTAL);
    CHECK_EQ(free_page_count(), FREE_TOTAL);
    CHECK_EQ(max_page_address(), MiB(40));
}

TEST(bitmap_never_lands_on_reserved_memory)
{
    static struct boot_info unordered;
    unsigned char *reserved;

    /* Skipping the first range moves the bitmap into the second: a rescan is needed. */
    fake_machine_init(MiB(64));
    bootinfo_add_ram(&unordered, MiB(1), MiB(2));
    bootinfo_reserve(&unordered, MiB(1) + 0x2000, MiB(1) + 0x3000);
    bootinfo_reserve(&unordered, MiB(1), MiB(1) + 0x2000);
    reserved = __va(MiB(1));
    memset(reserved, 0x5a, 0x3000);
    page_alloc_init(&unordered);
    for (size_t i = 0; i < 0x3000; i++)
        if (!CHECK_EQ(reserved[i], 0x5a))
            break;
    CHECK_EQ(total_pages(), 256 - 3 - 1);
}

TEST(early_limit_keeps_allocations_in_the_early_direct_map)
{
    boot();
    CHECK_EQ(drain(), FREE_BELOW_LIMIT);
    CHECK_EQ(free_page_count(), 1024);
    page_alloc_set_limit(0); /* lifted: RAM C becomes available */
    CHECK_EQ(drain(), 1024);
    CHECK_EQ(free_page_count(), 0);
}

TEST(every_usable_page_once_then_exhaustion)
{
    boot();
    page_alloc_set_limit(0);
    CHECK_EQ(drain(), FREE_TOTAL);
    CHECK_EQ(free_page_count(), 0);
    CHECK_EQ(alloc_pages(1, 1), INVALID_PADDR);
    CHECK_EQ(alloc_pages(1, 1), INVALID_PADDR);
}

TEST(explicit_limit_is_honoured)
{
    paddr_t pa;

    boot();
    page_alloc_set_limit(MiB(2));
    while ((pa = alloc_pages(1, 1)) != INVALID_PADDR)
        if (!CHECK(pa + PAGE_SIZE <= MiB(2)))
            break;
    CHECK_EQ(free_page_count(), FREE_TOTAL - (256 - 3));
}

TEST(alignment_is_honoured_and_checked)
{
    paddr_t pa;

    boot();
    page_alloc_set_limit(0);
    pa = alloc_pages(1, 512);
    CHECK(pa != INVALID_PADDR && pa % MiB(2) == 0 && page_usable(pa));
    pa = alloc_pages(4, 8);
    CHECK(pa != INVALID_PADDR && pa % (8 * PAGE_SIZE) == 0);
    for (unsigned int i = 0; i < 4; i++)
        CHECK(page_usable(pa + i * PAGE_SIZE));
    CHECK_EQ(alloc_pages(1, 3), INVALID_PADDR);
    CHECK_EQ(alloc_pages(1, 0), INVALID_PADDR);
    CHECK_EQ(alloc_pages(0, 1), INVALID_PADDR);
    CHECK_EQ(free_page_count(), FREE_TOTAL - 5);
}

TEST(contiguous_runs_never_cross_holes_or_reserved_pages)
{
    paddr_t a, b, c;

    boot();
    a = alloc_pages(600, 1); /* A's largest run is 509 pages: only B fits */
    CHECK(a >= MiB(9) && a + 600 * PAGE_SIZE <= MiB(12));
    b = alloc_pages(168, 1); /* the rest of B exactly */
    CHECK(b >= MiB(9) && b + 168 * PAGE_SIZE <= MiB(12));
    CHECK(b + 168 * PAGE_SIZE <= a || a + 600 * PAGE_SIZE <= b);
    CHECK_EQ(alloc_pages(510, 1), INVALID_PADDR);
    c = alloc_pages(509, 1);
    CHECK_EQ(c, MiB(1) + 0x3000);
    page_alloc_set_limit(0);
    CHECK_EQ(alloc_pages(1025, 1), INVALID_PADDR);
    CHECK_EQ(alloc_pages(1024, 1), MiB(36));
    CHECK_EQ(free_page_count(), 0);
}

TEST(freed_pages_are_allocated_again)
{
    paddr_t pa;

    boot();
    page_alloc_set_limit(0);
    CHECK_EQ(drain(), FREE_TOTAL);
    free_pages(MiB(10), 3);
    CHECK_EQ(free_page_count(), 3);
    pa = alloc_pages(3, 1);
    CHECK_EQ(pa, MiB(10));
    CHECK_EQ(free_page_count(), 0);
    CHECK_EQ(alloc_pages(1, 1), INVALID_PADDR);
}

TEST(double_free_panics)
{
    paddr_t pa;
    enum fake_exit how;

    boot();
    pa = alloc_pages(2, 1);
    free_pages(pa, 2);
    fake_console_clear();
    how = FAKE_RUN(free_pages(pa + PAGE_SIZE, 1));
    CHECK_EQ(how, FAKE_EXIT_REBOOT);
    CHECK(strstr(fake_console_output(), "Panic on CPU 0"));
    CHECK(strstr(fake_console_output(), "page_alloc.c"));
}

TEST(freeing_beyond_the_bitmap_panics)
{
    boot();
    CHECK_EQ(FAKE_RUN(free_pages(MiB(40), 1)), FAKE_EXIT_REBOOT);
}

TEST(free_boot_range_adds_whole_pages_once)
{
    boot();
    /* Reserved [1M, 1M+6K): only frame 256 is whole; 257 is shared. */
    free_boot_range(MiB(1), MiB(1) + 0x1800);
    CHECK_EQ(total_pages(), FREE_TOTAL + 1);
    CHECK_EQ(free_page_count(), FREE_TOTAL + 1);
    free_boot_range(MiB(1), MiB(1) + 0x1800); /* again: no change */
    CHECK_EQ(total_pages(), FREE_TOTAL + 1);
    free_boot_range(MiB(1) + 0x1000, MiB(1) + 0x1000); /* empty */
    free_boot_range(MiB(1) + 0x1800, MiB(1) + 0x1fff); /* no whole page */
    CHECK_EQ(total_pages(), FREE_TOTAL + 1);
    page_alloc_set_limit(0);
    CHECK_EQ(alloc_pages(1, 256), MiB(1)); /* frame 256 itself is handed out */
}

TEST(xenheap_pages_are_zeroed)
{
    unsigned char *p;

    boot();
    memset(__va(MiB(9)), 0xa5, MiB(3)); /* stale data in free RAM B */
    memset(__va(MiB(1) + 0x3000), 0xa5, MiB(3) - 0x3000);
    p = alloc_xenheap_pages(2);
    CHECK(p != NULL);
    for (size_t i = 0; p && i < 2 * PAGE_SIZE; i++)
        if (!CHECK_EQ(p[i], 0))
            break;
    free_xenheap_pages(p, 2);
    free_xenheap_pages(NULL, 2);
    CHECK_EQ(free_page_count(), FREE_TOTAL);
}

/* --- The heap --------------------------------------------------------------- */

static const size_t small_sizes[] = { 1,  8,   15,  16,  17,  31,   32,  33,
                                      64, 100, 255, 256, 512, 1000, 1024 };
static const size_t large_sizes[] = { 1025, 4000, 4080, 4081, 4096, 10000, KiB(64) };

/* A pattern particular to @seed, to tell whether objects overlap. */
static void paint(unsigned char *p, size_t size, unsigned int seed)
{
    for (size_t i = 0; i < size; i++)
        p[i] = (unsigned char)(seed * 31 + i);
}

static bool paint_intact(const unsigned char *p, size_t size, unsigned int seed)
{
    for (size_t i = 0; i < size; i++)
        if (p[i] != (unsigned char)(seed * 31 + i))
            return false;
    return true;
}

TEST(xmalloc_objects_are_aligned_and_disjoint)
{
    enum { PER_SIZE = 20 };
    unsigned char *p[ARRAY_SIZE(small_sizes) + ARRAY_SIZE(large_sizes)][PER_SIZE];
    size_t size[ARRAY_SIZE(p)], requested = 0;

    boot();
    memcpy(size, small_sizes, sizeof(small_sizes));
    memcpy(size + ARRAY_SIZE(small_sizes), large_sizes, sizeof(large_sizes));
    for (size_t i = 0; i < ARRAY_SIZE(p); i++) {
        for (unsigned int j = 0; j < PER_SIZE; j++) {
            p[i][j] = xmalloc_bytes(size[i]);
            REQUIRE(p[i][j] != NULL);
            CHECK_EQ((uintptr_t)p[i][j] % 16, 0);
            paint(p[i][j], size[i], (unsigned int)(i * PER_SIZE + j));
            requested += size[i];
        }
    }
    CHECK(xmalloc_in_use() >= requested);
    /* Overlapping objects would have overwritten each other's pattern. */
    for (size_t i = 0; i < ARRAY_SIZE(p); i++)
        for (unsigned int j = 0; j < PER_SIZE; j++)
            CHECK(paint_intact(p[i][j], size[i], (unsigned int)(i * PER_SIZE + j)));
    for (size_t i = 0; i < ARRAY_SIZE(p); i++)
        for (unsigned int j = 0; j < PER_SIZE; j++)
            xfree(p[i][(j * 7) % PER_SIZE]); /* not in allocation order */
    CHECK_EQ(xmalloc_in_use(), 0);
}

TEST(xmalloc_in_use_counts_live_bytes)
{
    void *a, *b;

    boot();
    CHECK_EQ(xmalloc_in_use(), 0);
    a = xmalloc_bytes(100);
    CHECK(xmalloc_in_use() >= 100);
    b = xmalloc_bytes(5000);
    CHECK(xmalloc_in_use() >= 5100);
    xfree(a);
    CHECK(xmalloc_in_use() >= 5000);
    xfree(b);
    CHECK_EQ(xmalloc_in_use(), 0);
    xfree(NULL);
    CHECK_EQ(xmalloc_in_use(), 0);
}

TEST(freed_memory_is_reused_not_leaked)
{
    unsigned long free_before;

    boot();
    for (size_t i = 0; i < ARRAY_SIZE(small_sizes); i++)
        xfree(xmalloc_bytes(small_sizes[i]));
    free_before = free_page_count();
    for (unsigned int round = 0; round < 2000; round++) {
        for (size_t i = 0; i < ARRAY_SIZE(small_sizes); i++)
            xfree(xmalloc_bytes(small_sizes[i]));
        xfree(xmalloc_bytes(large_sizes[round % ARRAY_SIZE(large_sizes)]));
    }
    CHECK_EQ(free_page_count(), free_before);
    CHECK_EQ(xmalloc_in_use(), 0);
}

TEST(large_blocks_go_back_to_the_page_allocator)
{
    unsigned long free_before;
    void *p;

    boot();
    free_before = free_page_count();
    p = xmalloc_bytes(MiB(1));
    CHECK(free_page_count() < free_before - 256);
    xfree(p);
    CHECK_EQ(free_page_count(), free_before);
}

TEST(xzalloc_zeroes_reused_memory)
{
    unsigned char *p;

    boot();
    p = xmalloc_bytes(200);
    memset(p, 0xee, 200);
    xfree(p);
    p = xzalloc_bytes(200);
    REQUIRE(p != NULL);
    for (size_t i = 0; i < 200; i++)
        if (!CHECK_EQ(p[i], 0))
            break;
    xfree(p);
}

TEST(impossible_sizes_fail_cleanly)
{
    boot();
    CHECK(xmalloc_bytes(GiB(1) + 1) == NULL);
    CHECK(xmalloc_bytes(SIZE_MAX) == NULL);
    CHECK(xzalloc_array(uint64_t, SIZE_MAX / 4) == NULL);
    CHECK(xmalloc_bytes(MiB(16)) == NULL); /* more than all free RAM below the limit */
    CHECK_EQ(xmalloc_in_use(), 0);
    CHECK_EQ(free_page_count(), FREE_TOTAL);
}

TEST(xfree_of_a_pointer_the_heap_never_returned_panics)
{
    unsigned char *p;

    boot();
    p = xmalloc_bytes(5000);
    CHECK_EQ(FAKE_RUN(xfree(p + 16)), FAKE_EXIT_REBOOT);
    CHECK(strstr(fake_console_output(), "xmalloc.c"));
}
