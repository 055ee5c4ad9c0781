/* SPDX-License-Identifier: MIT */
/*
 * Boot command line options (common/cmdline.c) and size parsing
 * (common/lib/parse.c): whole-word names only, values, bare flags, K/M/G
 * suffixes, hex, and refusal of malformed or overflowing numbers.
 */
#include <string.h>

#include <hv/cmdline.h>
#include <hv/lib.h>

#include "unit.h"

/* The value of option @name, or NULL when absent. */
static const char *value_of(const char *cmdline, const char *name)
{
    static char buf[128];
    const char *val;
    size_t len;

    if (!cmdline_find(cmdline, name, &val, &len))
        return NULL;
    memcpy(buf, val, len);
    buf[len] = '\0';
    return buf;
}

TEST(finds_values_and_bare_flags)
{
    const char *cmdline = "console=com1 noreboot loglvl=all  mem=4M";

    CHECK_STR(value_of(cmdline, "console"), "com1");
    CHECK_STR(value_of(cmdline, "noreboot"), "");
    CHECK_STR(value_of(cmdline, "loglvl"), "all");
    CHECK_STR(value_of(cmdline, "mem"), "4M");
    CHECK(value_of(cmdline, "absent") == NULL);
    CHECK(value_of(NULL, "mem") == NULL);
    CHECK(value_of("", "mem") == NULL);
    CHECK(value_of("   ", "mem") == NULL);
}

TEST(a_name_never_matches_a_longer_or_shorter_one)
{
    CHECK(value_of("memory=8M", "mem") == NULL);
    CHECK(value_of("memx mem_max=1", "mem") == NULL);
    CHECK(value_of("mem=1", "memory") == NULL);
    CHECK(value_of("xmem=1", "mem") == NULL);
    CHECK_STR(value_of("memory=8M mem=2M", "mem"), "2M");
    CHECK_STR(value_of("mem=2M memory=8M", "memory"), "8M");
}

TEST(value_extends_to_the_next_space_only)
{
    const char *val;
    size_t len;

    CHECK(cmdline_find("a=b=c d=e", "a", &val, &len));
    CHECK_EQ(len, 3);
    CHECK(!strncmp(val, "b=c", 3));
    CHECK_STR(value_of("empty= next", "empty"), "");
    CHECK_STR(value_of("  lead=1  ", "lead"), "1");
    CHECK_STR(value_of("last=end", "last"), "end");
}

TEST(flag_is_set_by_bare_word_or_value)
{
    CHECK(cmdline_flag("quiet noreboot", "noreboot"));
    CHECK(cmdline_flag("noreboot=1", "noreboot"));
    CHECK(!cmdline_flag("noreboots", "noreboot"));
    CHECK(!cmdline_flag("reboot", "noreboot"));
    CHECK(!cmdline_flag(NULL, "noreboot"));
}

TEST(string_copies_only_what_fits)
{
    char buf[8];

    memset(buf, '~', sizeof(buf));
    CHECK(cmdline_string("name=1234567 x", "name", buf, sizeof(buf)));
    CHECK_STR(buf, "1234567"); /* seven characters and the NUL: exactly fits */
    memset(buf, '~', sizeof(buf));
    CHECK(!cmdline_string("name=12345678", "name", buf, sizeof(buf)));
    CHECK(memchr(buf, '~', sizeof(buf)) == buf); /* nothing written */
    CHECK(!cmdline_string("other=1", "name", buf, sizeof(buf)));
    CHECK(cmdline_string("name", "name", buf, sizeof(buf)));
    CHECK_STR(buf, "");
}

TEST(size_with_suffixes)
{
    CHECK_EQ(cmdline_size("mem=12", "mem", 7), 12);
    CHECK_EQ(cmdline_size("mem=4K", "mem", 7), 4096);
    CHECK_EQ(cmdline_size("mem=4k", "mem", 7), 4096);
    CHECK_EQ(cmdline_size("mem=3M", "mem", 7), 3ULL << 20);
    CHECK_EQ(cmdline_size("mem=3m", "mem", 7), 3ULL << 20);
    CHECK_EQ(cmdline_size("mem=5G", "mem", 7), 5ULL << 30);
    CHECK_EQ(cmdline_size("mem=5g", "mem", 7), 5ULL << 30);
    CHECK_EQ(cmdline_size("mem=0", "mem", 7), 0);
    CHECK_EQ(cmdline_size("x=1 mem=08", "mem", 7), 8); /* a leading 0 is not octal */
}

TEST(size_in_hex)
{
    CHECK_EQ(cmdline_size("mem=0x1000", "mem", 7), 0x1000);
    CHECK_EQ(cmdline_size("mem=0XaBc", "mem", 7), 0xabc);
    CHECK_EQ(cmdline_size("mem=0x10M", "mem", 7), 16ULL << 20);
    CHECK_EQ(cmdline_size("mem=0xffffffffffffffff", "mem", 7), UINT64_MAX);
}

TEST(malformed_size_gives_the_default)
{
    static const char *const bad[] = {
        "mem=",   "mem",     "mem=M",  "mem=4X",  "mem=4MB",  "mem=-1",
        "mem=0x", "mem=0xg", "mem=+3", "mem=abc", "mem=1.5G", "mem=4KK",
    };

    for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
        unit_check(cmdline_size(bad[i], "mem", 77) == 77, __FILE__, __LINE__,
                   "\"%s\" should give the default", bad[i]);
    CHECK_EQ(cmdline_size("memory=4M", "mem", 77), 77);
    CHECK_EQ(cmdline_size(NULL, "mem", 77), 77);
}

TEST(overflowing_size_gives_the_default)
{
    CHECK_EQ(cmdline_size("mem=18446744073709551615", "mem", 7), UINT64_MAX);
    CHECK_EQ(cmdline_size("mem=18446744073709551616", "mem", 7), 7);
    CHECK_EQ(cmdline_size("mem=99999999999999999999", "mem", 7), 7);
    CHECK_EQ(cmdline_size("mem=0x10000000000000000", "mem", 7), 7);
    CHECK_EQ(cmdline_size("mem=17179869183G", "mem", 7), 17179869183ULL << 30);
    CHECK_EQ(cmdline_size("mem=17179869184G", "mem", 7), 7); /* 2^64 */
    CHECK_EQ(cmdline_size("mem=18014398509481984K", "mem", 7), 7);
    CHECK_EQ(cmdline_size("mem=17592186044416M", "mem", 7), 7);
}

TEST(size_value_longer_than_the_parse_buffer_gives_the_default)
{
    /* 31 characters fit cmdline_size's buffer; 32 do not. */
    CHECK_EQ(cmdline_size("mem=0000000000000000000000000000042", "mem", 7), 42);
    CHECK_EQ(cmdline_size("mem=00000000000000000000000000000042", "mem", 7), 7);
}

TEST(parse_size_reports_where_it_stopped)
{
    unsigned long long v = 0;
    const char *end = NULL;
    const char *s = "16M rest";

    CHECK(parse_size(s, &end, &v));
    CHECK_EQ(v, 16ULL << 20);
    CHECK(end == s + 3);
    CHECK(parse_size("0x1f,", &end, &v));
    CHECK_EQ(v, 0x1f);
    CHECK_EQ(*end, ',');
    CHECK(parse_size("7", NULL, &v)); /* @end is optional */
    CHECK_EQ(v, 7);
    v = 1234;
    CHECK(!parse_size("", &end, &v));
    CHECK(!parse_size("K", &end, &v));
    CHECK_EQ(v, 1234); /* untouched on failure */
}
