/* SPDX-License-Identifier: MIT */
/*
 * A tiny unit-test framework.  TEST(name) { ... } registers a test; CHECK*
 * record a failure with file:line and let the test go on (each returns
 * whether it held, for tests that cannot go on without it).  Each test runs
 * in its own process, so tests start from pristine hypervisor state and a
 * crash or sanitizer report fails only that test.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdbool.h>

struct unit_test {
    const char *file, *name;
    void (*run)(void);
    struct unit_test *next;
};

void unit_register(struct unit_test *t);
bool unit_check(bool ok, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
bool unit_check_eq(unsigned long long a, unsigned long long b, const char *file, int line,
                   const char *what);
bool unit_check_str(const char *a, const char *b, const char *file, int line, const char *what);
/* Ends the running test now, with the failures recorded so far. */
void unit_stop(void) __attribute__((noreturn));

#define TEST(name)                                                                  \
    static void test_##name(void);                                                  \
    static struct unit_test unit_test_##name = { __FILE__, #name, test_##name, 0 }; \
    __attribute__((constructor)) static void register_##name(void)                  \
    {                                                                               \
        unit_register(&unit_test_##name);                                           \
    }                                                                               \
    static void test_##name(void)

#define CHECK(cond) unit_check(!!(cond), __FILE__, __LINE__, "%s", #cond)
/* For what the rest of the test cannot do without. */
#define REQUIRE(cond)     \
    do {                  \
        if (!CHECK(cond)) \
            unit_stop();  \
    } while (0)
/* Integers of any type, compared as unsigned long long (so -1 == ~0ULL). */
#define CHECK_EQ(a, b)                                                                  \
    unit_check_eq((unsigned long long)(a), (unsigned long long)(b), __FILE__, __LINE__, \
                  #a " == " #b)
#define CHECK_STR(a, b) unit_check_str((a), (b), __FILE__, __LINE__, #a " == " #b)

#endif /* UNIT_H */
