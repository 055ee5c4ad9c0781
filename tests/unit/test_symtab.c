/* SPDX-License-Identifier: MIT */
/*
 * Symbol lookups (common/symtab.c) on hand-built tables, and the
 * hypervisor's own table (common/symbols.c) on the fake arch's image.
 */
#include <stdio.h>
#include <string.h>

#include <hv/symbols.h>

#include "fake.h"
#include "unit.h"

#define BASE 0x10000UL
#define END (BASE + 0x1000) /* the end of the "image" */

/*
 * Sorted by offset, with three symbols at 0x300 in the order least likely
 * to pick the sized function by accident.
 */
static const char names[] = "alpha\0beta\0gamma_alias\0gamma_obj\0gamma\0tail";
enum { ALPHA = 0, BETA = 6, GAMMA_ALIAS = 11, GAMMA_OBJ = 23, GAMMA = 33, TAIL = 39 };
static const struct symtab_entry entries[] = {
    { 0x100, 0x10, ALPHA, SYMTAB_FUNC },
    { 0x200, 0, BETA, SYMTAB_OBJECT }, /* no size: covers up to the next symbol */
    { 0x300, 0, GAMMA_ALIAS, 0 },
    { 0x300, 0x20, GAMMA_OBJ, SYMTAB_OBJECT },
    { 0x300, 0x40, GAMMA, SYMTAB_FUNC | SYMTAB_LOCAL },
    { 0x400, 0, TAIL, 0 },
};
/* Indexes into entries[], sorted by name. */
static const uint32_t by_name[] = { 0, 1, 4, 2, 3, 5 };
static const struct symtab table = { entries, by_name, ARRAY_SIZE(entries), names, BASE, END };

struct found {
    bool ok;
    const char *name;
    unsigned long start, size;
};

static struct found lookup(const struct symtab *t, unsigned long addr)
{
    struct found f = { false, NULL, 0, 0 };

    f.ok = symtab_lookup_addr(t, addr, &f.name, &f.start, &f.size);
    return f;
}

TEST(by_name_finds_every_symbol_and_nothing_else)
{
    CHECK_EQ(symtab_lookup_name(&table, "alpha"), BASE + 0x100);
    CHECK_EQ(symtab_lookup_name(&table, "beta"), BASE + 0x200);
    CHECK_EQ(symtab_lookup_name(&table, "gamma"), BASE + 0x300);
    CHECK_EQ(symtab_lookup_name(&table, "gamma_alias"), BASE + 0x300);
    CHECK_EQ(symtab_lookup_name(&table, "gamma_obj"), BASE + 0x300);
    CHECK_EQ(symtab_lookup_name(&table, "tail"), BASE + 0x400);
    CHECK_EQ(symtab_lookup_name(&table, "gam"), 0);
    CHECK_EQ(symtab_lookup_name(&table, "gamma_"), 0);
    CHECK_EQ(symtab_lookup_name(&table, "zeta"), 0);
    CHECK_EQ(symtab_lookup_name(&table, ""), 0);
}

TEST(by_address_inside_a_sized_symbol)
{
    struct found f = lookup(&table, BASE + 0x100);

    CHECK(f.ok);
    CHECK_STR(f.name, "alpha");
    CHECK_EQ(f.start, BASE + 0x100);
    CHECK_EQ(f.size, 0x10);
    f = lookup(&table, BASE + 0x10f);
    CHECK(f.ok);
    CHECK_STR(f.name, "alpha");
}

TEST(by_address_past_a_symbols_size_finds_nothing)
{
    CHECK(!lookup(&table, BASE + 0x110).ok);
    CHECK(!lookup(&table, BASE + 0x1ff).ok);
    CHECK(!lookup(&table, BASE + 0x340).ok);
}

TEST(by_address_below_the_first_symbol_finds_nothing)
{
    CHECK(!lookup(&table, BASE + 0xff).ok);
    CHECK(!lookup(&table, BASE - 1).ok);
    CHECK(!lookup(&table, 0).ok);
}

TEST(zero_size_symbol_covers_up_to_the_next)
{
    struct found f = lookup(&table, BASE + 0x2ff);

    CHECK(f.ok);
    CHECK_STR(f.name, "beta");
    CHECK_EQ(f.start, BASE + 0x200);
    CHECK_EQ(f.size, 0);
    f = lookup(&table, BASE + 0x400);
    CHECK(f.ok);
    CHECK_STR(f.name, "tail");
}

TEST(zero_size_last_symbol_stops_at_the_image_end)
{
    struct found f = lookup(&table, END - 1);

    CHECK(f.ok);
    CHECK_STR(f.name, "tail");
    /* Stacks, vmap and payloads lie above the image: no symbol of it. */
    CHECK(!lookup(&table, END).ok);
    CHECK(!lookup(&table, END + 0x100000).ok);
}

TEST(equal_addresses_prefer_the_sized_function)
{
    struct found f = lookup(&table, BASE + 0x300);

    CHECK(f.ok);
    CHECK_STR(f.name, "gamma");
    CHECK_EQ(f.size, 0x40);
    f = lookup(&table, BASE + 0x33f); /* past gamma_obj's size, inside gamma's */
    CHECK(f.ok);
    CHECK_STR(f.name, "gamma");
}

TEST(equal_addresses_in_any_order)
{
    /* Every order of the three symbols at 0x300 picks the sized function. */
    static const unsigned int orders[][3] = { { 2, 3, 4 }, { 2, 4, 3 }, { 3, 2, 4 },
                                              { 3, 4, 2 }, { 4, 2, 3 }, { 4, 3, 2 } };

    for (size_t i = 0; i < ARRAY_SIZE(orders); i++) {
        struct symtab_entry e[ARRAY_SIZE(entries)];
        struct symtab t = table;
        struct found f;

        memcpy(e, entries, sizeof(e));
        for (size_t j = 0; j < 3; j++)
            e[2 + j] = entries[orders[i][j]];
        t.by_addr = e;
        t.by_name = NULL; /* not needed by address */
        f = lookup(&t, BASE + 0x310);
        unit_check(f.ok && !strcmp(f.name, "gamma"), __FILE__, __LINE__, "order %zu found %s", i,
                   f.ok ? f.name : "nothing");
    }
}

TEST(equal_addresses_prefer_a_size_over_none)
{
    /* An unsized label first, as an assembler alias or a section start gives. */
    static const char n[] = "label\0func\0obj";
    static const struct symtab_entry funcs[] = { { 0x100, 0, 0, SYMTAB_FUNC },
                                                 { 0x100, 0x30, 6, SYMTAB_FUNC } };
    static const struct symtab_entry objs[] = { { 0x100, 0, 0, 0 },
                                                { 0x100, 0x30, 11, SYMTAB_OBJECT } };
    struct symtab t = { funcs, NULL, 2, n, BASE, END };
    struct found f = lookup(&t, BASE + 0x120);

    CHECK(f.ok);
    CHECK_STR(f.name, "func");
    CHECK_EQ(f.size, 0x30);
    t.by_addr = objs;
    f = lookup(&t, BASE + 0x120);
    CHECK(f.ok);
    CHECK_STR(f.name, "obj");
    CHECK(!lookup(&t, BASE + 0x130).ok); /* the sized one's end applies */
}

TEST(empty_table_finds_nothing)
{
    struct symtab empty = { entries, by_name, 0, names, BASE, END };

    CHECK_EQ(symtab_lookup_name(&empty, "alpha"), 0);
    CHECK(!lookup(&empty, BASE + 0x100).ok);
}

TEST(large_table_binary_searches_find_everything)
{
    enum { N = 1000 };
    static struct symtab_entry e[N];
    static uint32_t idx[N];
    static char blob[N * 8];
    struct symtab t = { e, idx, N, blob, BASE, ~0UL };

    /* "s0000".."s0999": name order equals address order. */
    for (uint32_t i = 0; i < N; i++) {
        snprintf(blob + i * 8, 8, "s%04u", (unsigned int)i);
        e[i] = (struct symtab_entry){ i * 16, 8, i * 8, SYMTAB_FUNC };
        idx[i] = i;
    }
    for (uint32_t i = 0; i < N; i++) {
        char name[8];
        struct found f;

        snprintf(name, sizeof(name), "s%04u", (unsigned int)i);
        if (!CHECK_EQ(symtab_lookup_name(&t, name), BASE + i * 16))
            return;
        f = lookup(&t, BASE + i * 16 + 7);
        if (!CHECK(f.ok && !strcmp(f.name, name)))
            return;
        if (!CHECK(!lookup(&t, BASE + i * 16 + 8).ok))
            return;
    }
}

/* --- The hypervisor's own table: fake.c's image ----------------------------- */

TEST(hypervisor_table_lookups)
{
    unsigned long image = (unsigned long)__image_start, start = 0, size = 0;
    const char *name = NULL;

    CHECK_EQ(symbols_lookup_by_name("fake_boot"), image + 0x100);
    CHECK_EQ(symbols_lookup_by_name("fake_idle"), image + 0x200);
    CHECK_EQ(symbols_lookup_by_name("fake_data"), image + 0x800);
    CHECK_EQ(symbols_lookup_by_name("fake"), 0);
    CHECK(symbols_lookup_by_addr(image + 0x230, &name, &start, &size));
    CHECK_STR(name, "fake_idle");
    CHECK_EQ(start, image + 0x200);
    CHECK_EQ(size, 0x40);
    CHECK(!symbols_lookup_by_addr(image + 0x240, &name, &start, &size));
    CHECK(!symbols_lookup_by_addr(image + 0x1000, &name, &start, &size));
}

TEST(hypervisor_addresses_are_formatted_with_symbol_offset_and_size)
{
    unsigned long image = (unsigned long)__image_start;
    char buf[64], expect[64];

    symbols_format(buf, sizeof(buf), image + 0x104);
    CHECK_STR(buf, "fake_boot+0x4/0x80");
    symbols_format(buf, sizeof(buf), image + 0x80f);
    CHECK_STR(buf, "fake_data+0xf/0x10");
    symbols_format(buf, sizeof(buf), image + 0x180); /* in no symbol: the bare address */
    snprintf(expect, sizeof(expect), "%#lx", image + 0x180);
    CHECK_STR(buf, expect);
    symbols_format(buf, 8, image + 0x104); /* truncated, still terminated */
    CHECK_STR(buf, "fake_bo");
}
