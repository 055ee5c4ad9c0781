/* SPDX-License-Identifier: MIT */
/*
 * The vmap area (common/vmap.c).  The fake arch maps machine memory there
 * for real, so guard pages really are unmapped and aliases really alias.
 * Access is probed with pipe syscalls, which fail with EFAULT instead of
 * faulting.
 */
#include <string.h>
#include <unistd.h>

#include <hv/mm.h>

#include "fake.h"
#include "fixture.h"
#include "unit.h"

static bool readable(const void *p)
{
    int fds[2];
    bool ok;

    if (pipe(fds))
        return false;
    ok = write(fds[1], p, 1) == 1;
    close(fds[0]);
    close(fds[1]);
    return ok;
}

/* Writes one byte ('w') at @p if it can. */
static bool writable(void *p)
{
    int fds[2];
    bool ok;

    if (pipe(fds))
        return false;
    ok = write(fds[1], "w", 1) == 1 && read(fds[0], p, 1) == 1;
    close(fds[0]);
    close(fds[1]);
    return ok;
}

/* Fills every free machine page with junk, as memory used before would be. */
static void dirty_free_memory(void)
{
    static paddr_t pages[FIXTURE_MACHINE_SIZE / PAGE_SIZE];
    size_t n = 0;

    while ((pages[n] = alloc_pages(1, 1)) != INVALID_PADDR)
        memset(__va(pages[n++]), 0xdd, PAGE_SIZE);
    while (n)
        free_pages(pages[--n], 1);
}

static bool in_vmap_area(const void *p, size_t size)
{
    unsigned long va = (unsigned long)p;

    return va >= VMAP_START && va < VMAP_END && size <= VMAP_END - va;
}

TEST(guarded_allocations_are_zeroed_and_fenced)
{
    unsigned long free_before;
    unsigned char *a, *b;

    fixture_boot();
    dirty_free_memory();
    free_before = free_page_count();
    a = vmalloc_guarded(3);
    b = vmap_phys(MiB(2), PAGE_SIZE, MAP_RW); /* right after a's range */
    REQUIRE(a && b);
    CHECK(in_vmap_area(a, 3 * PAGE_SIZE));
    CHECK_EQ((unsigned long)a % PAGE_SIZE, 0);
    CHECK_EQ(free_page_count(), free_before - 3);
    for (size_t i = 0; i < 3 * PAGE_SIZE; i++)
        if (!CHECK_EQ(a[i], 0))
            break;
    for (unsigned int i = 0; i < 3; i++)
        CHECK(writable(a + i * PAGE_SIZE));
    CHECK(!readable(a - 1));             /* the guard below */
    CHECK(!readable(a + 3 * PAGE_SIZE)); /* the guard above */
    CHECK(readable(b));
    CHECK(!readable(b + PAGE_SIZE)); /* vmap_phys ranges are fenced too */
}

TEST(vmap_phys_aliases_machine_memory)
{
    paddr_t pa;
    unsigned char *direct, *mapped;

    fixture_boot();
    pa = alloc_pages(2, 1);
    direct = __va(pa);
    mapped = vmap_phys(pa + 0x123, PAGE_SIZE, MAP_RW); /* straddles two pages */
    REQUIRE(mapped != NULL);
    CHECK(in_vmap_area(mapped, PAGE_SIZE));
    CHECK_EQ((unsigned long)mapped % PAGE_SIZE, 0x123);
    mapped[0] = 0x5a;
    CHECK_EQ(direct[0x123], 0x5a);
    direct[0x123 + PAGE_SIZE - 1] = 0xa5;
    CHECK_EQ(mapped[PAGE_SIZE - 1], 0xa5);
    CHECK(!readable(mapped + 2 * PAGE_SIZE - 0x123)); /* past the two pages: guard */
}

TEST(read_only_mappings_refuse_writes)
{
    paddr_t pa;
    unsigned char *ro;

    fixture_boot();
    pa = alloc_pages(1, 1);
    memset(__va(pa), 0x77, PAGE_SIZE);
    ro = vmap_phys(pa, PAGE_SIZE, MAP_RO);
    REQUIRE(ro != NULL);
    CHECK(readable(ro));
    CHECK_EQ(ro[100], 0x77);
    CHECK(!writable(ro));
}

TEST(unmapped_ranges_fault_and_are_reused)
{
    paddr_t pa;
    void *first, *again;

    fixture_boot();
    pa = alloc_pages(4, 1);
    first = vmap_phys(pa, 4 * PAGE_SIZE, MAP_RW);
    REQUIRE(first != NULL);
    vunmap_phys(first, 4 * PAGE_SIZE);
    CHECK(!readable(first));
    again = vmap_phys(pa, 4 * PAGE_SIZE, MAP_RW);
    CHECK(again == first);
    CHECK(again && readable(again));
}

TEST(a_hole_without_room_for_the_guard_is_skipped)
{
    unsigned char *a, *b, *c;

    fixture_boot();
    a = vmap_phys(MiB(2), PAGE_SIZE, MAP_RW); /* a page and its guard */
    b = vmap_phys(MiB(3), PAGE_SIZE, MAP_RW);
    REQUIRE(a && b);
    vunmap_phys(a, PAGE_SIZE); /* leaves a two-page hole before b */
    c = vmap_phys(MiB(4), 2 * PAGE_SIZE, MAP_RW);
    REQUIRE(c != NULL);
    CHECK(c != a); /* two pages and a guard do not fit the hole */
    CHECK(!readable(c + 2 * PAGE_SIZE));
    CHECK(readable(b));
}

TEST(failed_mappings_give_their_range_back)
{
    fixture_boot();
    /* Each attempt reserves two pages; leaked, they would fill the area. */
    for (unsigned int i = 0; i < (VMAP_END - VMAP_START) / PAGE_SIZE; i++)
        if (!CHECK(vmap_phys(FIXTURE_MACHINE_SIZE, PAGE_SIZE, MAP_RW) == NULL))
            break;
    CHECK(vmap_phys(MiB(2), PAGE_SIZE, MAP_RW) != NULL);
}

TEST(oversized_requests_fail)
{
    fixture_boot();
    CHECK(vmalloc_guarded((VMAP_END - VMAP_START) / PAGE_SIZE) == NULL);
    CHECK(vmap_phys(0, VMAP_END - VMAP_START, MAP_RW) == NULL);
}
