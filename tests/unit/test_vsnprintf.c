/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's snprintf and string functions (common/lib/, built with
 * an hv_ prefix) against glibc's as the oracle.  Every format is checked at
 * several buffer sizes, including 0 and sizes that truncate: same return
 * value (the untruncated length), same bytes written, nothing written past
 * the size.
 *
 * Left out on purpose, as the hypervisor differs from glibc there: "%p" of
 * NULL prints "0x0", not "(nil)".
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "hv_lib.h"
#include "unit.h"

#define BUF 96

/* The whole output first, so a failure shows it. */
static const size_t buffer_sizes[] = { BUF, 0, 1, 3, 8 };

struct formatted {
    char buf[BUF];
    int ret;
};

static void fill(struct formatted *f)
{
    memset(f->buf, '~', sizeof(f->buf));
    f->ret = -12345;
}

static void compare_formatted(const char *file, int line, const char *fmt, size_t size,
                              const struct formatted *hv, const struct formatted *libc)
{
    unit_check(hv->ret == libc->ret && !memcmp(hv->buf, libc->buf, BUF), file, line,
               "\"%s\" into %zu bytes: hv \"%.*s\" (%d), libc \"%.*s\" (%d)", fmt, size,
               (int)strnlen(hv->buf, size), hv->buf, hv->ret, (int)strnlen(libc->buf, size),
               libc->buf, libc->ret);
}

#define CHECK_LIKE_LIBC(fmt, ...)                                                       \
    do {                                                                                \
        for (size_t i_ = 0; i_ < ARRAY_SIZE(buffer_sizes); i_++) {                      \
            struct formatted hv_, libc_;                                                \
                                                                                        \
            fill(&hv_);                                                                 \
            fill(&libc_);                                                               \
            hv_.ret = hv_snprintf(hv_.buf, buffer_sizes[i_], fmt, __VA_ARGS__);         \
            libc_.ret = snprintf(libc_.buf, buffer_sizes[i_], fmt, __VA_ARGS__);        \
            compare_formatted(__FILE__, __LINE__, fmt, buffer_sizes[i_], &hv_, &libc_); \
        }                                                                               \
    } while (0)

static const int ints[] = { 0, 1, -1, 42, -42, 255, 256, 65535, 2147483647, -2147483647 - 1 };

TEST(signed_decimal_flags_and_widths)
{
    for (size_t i = 0; i < ARRAY_SIZE(ints); i++) {
        int v = ints[i];

        CHECK_LIKE_LIBC("%d", v);
        CHECK_LIKE_LIBC("%i", v);
        CHECK_LIKE_LIBC("%5d|", v);
        CHECK_LIKE_LIBC("%-5d|", v);
        CHECK_LIKE_LIBC("%05d", v);
        CHECK_LIKE_LIBC("%+d", v);
        CHECK_LIKE_LIBC("% d", v);
        CHECK_LIKE_LIBC("%+05d", v);
        CHECK_LIKE_LIBC("%-+6d|", v);
        CHECK_LIKE_LIBC("% 012d", v);
    }
}

TEST(unsigned_conversions)
{
    for (size_t i = 0; i < ARRAY_SIZE(ints); i++) {
        unsigned int v = (unsigned int)ints[i];

        CHECK_LIKE_LIBC("%u", v);
        CHECK_LIKE_LIBC("%x", v);
        CHECK_LIKE_LIBC("%X", v);
        CHECK_LIKE_LIBC("%o", v);
        CHECK_LIKE_LIBC("%12x|", v);
        CHECK_LIKE_LIBC("%-12X|", v);
        CHECK_LIKE_LIBC("%012o", v);
        CHECK_LIKE_LIBC("%#o", v);
        CHECK_LIKE_LIBC("%#.6o", v);
        CHECK_LIKE_LIBC("%#x", v);
        CHECK_LIKE_LIBC("%#X", v);
        CHECK_LIKE_LIBC("%#12x|", v);
        CHECK_LIKE_LIBC("%#-12x|", v);
        CHECK_LIKE_LIBC("%#012x", v);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat" /* the point: sign flags do nothing here */
        CHECK_LIKE_LIBC("%+u|% u|%+x|% X", v, v, v, v);
#pragma GCC diagnostic pop
    }
}

TEST(precision_with_numbers)
{
    for (size_t i = 0; i < ARRAY_SIZE(ints); i++) {
        int v = ints[i];

        CHECK_LIKE_LIBC("%.3d", v);
        CHECK_LIKE_LIBC("%.0d|", v);
        CHECK_LIKE_LIBC("%+.0d|", v);
        CHECK_LIKE_LIBC("%8.3d|", v);
        CHECK_LIKE_LIBC("%-8.3d|", v);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat" /* the point: precision turns '0' off */
        CHECK_LIKE_LIBC("%08.3d|", v);
#pragma GCC diagnostic pop
        CHECK_LIKE_LIBC("%.5x", (unsigned int)v);
        CHECK_LIKE_LIBC("%.0x|", (unsigned int)v);
        CHECK_LIKE_LIBC("%#.0o|", (unsigned int)v);
    }
}

TEST(star_width_and_precision)
{
    CHECK_LIKE_LIBC("%*d|", 6, 42);
    CHECK_LIKE_LIBC("%*d|", -6, 42); /* negative width: left-justify */
    CHECK_LIKE_LIBC("%-*d|", 6, -42);
    CHECK_LIKE_LIBC("%.*d|", 5, 42);
    CHECK_LIKE_LIBC("%.*d|", -5, 42); /* negative precision: as if none */
    CHECK_LIKE_LIBC("%*.*d|", 9, 4, -42);
    CHECK_LIKE_LIBC("%0*d|", 7, -42);
    CHECK_LIKE_LIBC("%*s|", 8, "abc");
    CHECK_LIKE_LIBC("%.*s|", 2, "abc");
    CHECK_LIKE_LIBC("%*.*s|", -8, 2, "abc");
    CHECK_LIKE_LIBC("%*d %*d|", 3, 1, 4, 2); /* the arguments stay in order */
}

TEST(length_modifiers)
{
    static const long long wide[] = { 0,         -1,           255,
                                      65536,     4294967296LL, 123456789012345LL,
                                      LLONG_MAX, LLONG_MIN };

    for (size_t i = 0; i < ARRAY_SIZE(wide); i++) {
        long long v = wide[i];

        CHECK_LIKE_LIBC("%hhd", (signed char)v);
        CHECK_LIKE_LIBC("%hhu", (unsigned char)v);
        CHECK_LIKE_LIBC("%hhx", (unsigned char)v);
        CHECK_LIKE_LIBC("%hd", (short)v);
        CHECK_LIKE_LIBC("%hu", (unsigned short)v);
        CHECK_LIKE_LIBC("%ld", (long)v);
        CHECK_LIKE_LIBC("%lu", (unsigned long)v);
        CHECK_LIKE_LIBC("%lx", (unsigned long)v);
        CHECK_LIKE_LIBC("%lld", v);
        CHECK_LIKE_LIBC("%llu", (unsigned long long)v);
        CHECK_LIKE_LIBC("%llo", (unsigned long long)v);
        CHECK_LIKE_LIBC("%-25lld|", v);
        CHECK_LIKE_LIBC("%zu", (size_t)v);
        CHECK_LIKE_LIBC("%zd", (ssize_t)v);
        CHECK_LIKE_LIBC("%zx", (size_t)v);
    }
    /* hh and h truncate what was promoted to int. */
    CHECK_LIKE_LIBC("%hhd %hhu %hd %hu", 200, 300, 40000, 70000);
}

TEST(strings_characters_pointers_and_percent)
{
    static const char *const strs[] = { "", "a", "hello", "hello, world" };

    for (size_t i = 0; i < ARRAY_SIZE(strs); i++) {
        const char *s = strs[i];

        CHECK_LIKE_LIBC("%s", s);
        CHECK_LIKE_LIBC("[%10s]", s);
        CHECK_LIKE_LIBC("[%-10s]", s);
        CHECK_LIKE_LIBC("[%.3s]", s);
        CHECK_LIKE_LIBC("[%.0s]", s);
        CHECK_LIKE_LIBC("[%8.2s]", s);
    }
    CHECK_LIKE_LIBC("%s", (const char *)"(null) needs no special case");
    CHECK_LIKE_LIBC("%c", 'x');
    CHECK_LIKE_LIBC("[%4c]", 'x');
    CHECK_LIKE_LIBC("[%-4c]", 'x');
    CHECK_LIKE_LIBC("%c%c%c", 'a', 'b', 'c');
    CHECK_LIKE_LIBC("a%cb|%3c|%-3c|", '\0', '\0', 'z'); /* NUL is a character */
    CHECK_LIKE_LIBC("%p", (void *)0x1234);
    CHECK_LIKE_LIBC("[%20p]", (void *)0xffff830000001000UL);
    CHECK_LIKE_LIBC("[%-20p]", (void *)0xdeadbeefUL);
    CHECK_LIKE_LIBC("100%% %s", "sure");
    CHECK_LIKE_LIBC("%%%d%%", 7);
    CHECK_LIKE_LIBC("%s=%d (%#x) '%c' %s", "mixed", -3, 0xbeef, 'q', "end");
}

TEST(return_value_is_the_untruncated_length)
{
    char buf[4] = "~~~";

    CHECK_EQ(hv_snprintf(NULL, 0, "%s-%d", "abcdef", 12345), 12);
    CHECK_EQ(hv_snprintf(buf, 0, "%d", 99), 2);
    CHECK_STR(buf, "~~~"); /* size 0: nothing written, not even the NUL */
    CHECK_EQ(hv_snprintf(buf, sizeof(buf), "%s", "truncated"), 9);
    CHECK_STR(buf, "tru");
    CHECK_EQ(hv_snprintf(buf, 1, "%s", "x"), 1);
    CHECK_STR(buf, "");
}

/* --- String functions ----------------------------------------------------- */

TEST(memmove_handles_every_overlap)
{
    enum { LEN = 24 };

    for (size_t dst = 0; dst < LEN; dst++) {
        for (size_t src = 0; src < LEN; src++) {
            for (size_t n = 0; n <= LEN - (dst > src ? dst : src); n++) {
                unsigned char a[LEN], b[LEN];

                for (size_t i = 0; i < LEN; i++)
                    a[i] = b[i] = (unsigned char)(i * 7 + 1);
                CHECK(hv_memmove(a + dst, a + src, n) == a + dst);
                memmove(b + dst, b + src, n);
                if (!unit_check(!memcmp(a, b, LEN), __FILE__, __LINE__,
                                "memmove(+%zu, +%zu, %zu) differs from libc", dst, src, n))
                    return;
            }
        }
    }
}

TEST(memcpy_memset_memcmp_match_libc)
{
    unsigned char a[40], b[40], src[40];

    for (size_t i = 0; i < sizeof(src); i++)
        src[i] = (unsigned char)(0xf0 + i);
    for (size_t n = 0; n <= sizeof(src); n++) {
        memset(a, 0, sizeof(a));
        memset(b, 0, sizeof(b));
        CHECK(hv_memcpy(a, src, n) == a);
        memcpy(b, src, n);
        CHECK(!memcmp(a, b, sizeof(a)));
    }
    CHECK(hv_memset(a, 0x1ab, 10) == a); /* the value is converted to unsigned char */
    memset(b, 0x1ab, 10);
    CHECK(!memcmp(a, b, sizeof(a)));
    /* memcmp compares as unsigned char: 0x80 sorts after 0x01. */
    CHECK(hv_memcmp("\x80", "\x01", 1) > 0);
    CHECK(hv_memcmp("\x01", "\x80", 1) < 0);
    CHECK_EQ(hv_memcmp("abcX", "abcY", 3), 0);
    CHECK(hv_memcmp("abcX", "abcY", 4) < 0);
    CHECK_EQ(hv_memcmp("a", "b", 0), 0);
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

TEST(strcmp_and_strncmp_order_like_libc)
{
    static const char *const strs[] = { "", "a", "ab", "abc", "abd", "b", "\x80", "\x7f", "a\xff" };

    for (size_t i = 0; i < ARRAY_SIZE(strs); i++) {
        for (size_t j = 0; j < ARRAY_SIZE(strs); j++) {
            const char *x = strs[i], *y = strs[j];

            unit_check(sign(hv_strcmp(x, y)) == sign(strcmp(x, y)), __FILE__, __LINE__,
                       "strcmp(\"%s\", \"%s\")", x, y);
            for (size_t n = 0; n <= 4; n++)
                unit_check(sign(hv_strncmp(x, y, n)) == sign(strncmp(x, y, n)), __FILE__, __LINE__,
                           "strncmp(\"%s\", \"%s\", %zu)", x, y, n);
        }
    }
    /* strncmp stops at the NUL: what follows must not be read or compared. */
    CHECK_EQ(hv_strncmp("ab\0x", "ab\0y", 4), 0);
}

TEST(strlen_strnlen_strchr_memchr_match_libc)
{
    static const char s[] = "hello\xe9world";

    CHECK_EQ(hv_strlen(""), 0);
    CHECK_EQ(hv_strlen(s), strlen(s));
    for (size_t max = 0; max <= sizeof(s) + 1; max++)
        CHECK_EQ(hv_strnlen(s, max), strnlen(s, max));
    CHECK(hv_strchr(s, 'o') == strchr(s, 'o'));
    CHECK(hv_strchr(s, 0xe9) == strchr(s, 0xe9)); /* int argument, char compared */
    CHECK(hv_strchr(s, 'z') == NULL);
    CHECK(hv_strchr(s, '\0') == s + strlen(s)); /* the terminator is part of the string */
    for (size_t n = 0; n <= sizeof(s); n++) {
        CHECK(hv_memchr(s, 'w', n) == memchr(s, 'w', n));
        CHECK(hv_memchr(s, 0xe9, n) == memchr(s, 0xe9, n));
        CHECK(hv_memchr(s, 0x1e9, n) == memchr(s, 0x1e9, n)); /* as unsigned char */
        CHECK(hv_memchr(s, '\0', n) == memchr(s, '\0', n));
    }
}

TEST(strlcpy_truncates_terminates_and_returns_source_length)
{
    char buf[8];

    memset(buf, '~', sizeof(buf));
    CHECK_EQ(hv_strlcpy(buf, "hello", sizeof(buf)), 5);
    CHECK_STR(buf, "hello");
    CHECK_EQ(buf[6], '~'); /* nothing written past the terminator */

    memset(buf, '~', sizeof(buf));
    CHECK_EQ(hv_strlcpy(buf, "a longer string", sizeof(buf)), 15);
    CHECK_STR(buf, "a longe");

    memset(buf, '~', sizeof(buf));
    CHECK_EQ(hv_strlcpy(buf, "exactly", 8), 7);
    CHECK_STR(buf, "exactly");

    memset(buf, '~', sizeof(buf));
    CHECK_EQ(hv_strlcpy(buf, "abc", 1), 3);
    CHECK_EQ(buf[0], '\0');
    CHECK_EQ(buf[1], '~');

    memset(buf, '~', sizeof(buf));
    CHECK_EQ(hv_strlcpy(buf, "abc", 0), 3); /* size 0: writes nothing */
    CHECK_EQ(buf[0], '~');
}
