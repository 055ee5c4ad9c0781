/* SPDX-License-Identifier: MIT */
/*
 * Runs every registered test, each in a child process, and prints one line
 * per test: "PASS: <suite>/<file>/<test>" or "FAIL: <suite>/<file>/<test>: why",
 * where <suite> is UNIT_SUITE ("unit" unless the build says otherwise).
 * The child sends its first failure message through a pipe; a child that
 * dies (sanitizer report, abort, signal, timeout) fails with its status.
 * Exits non-zero if any test failed.  An argument runs only the tests whose
 * name contains it.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"

#ifndef UNIT_SUITE
#define UNIT_SUITE "unit"
#endif

#define TEST_TIMEOUT_S 10

static struct unit_test *tests, **tests_tail = &tests;
static char first_failure[512];
static unsigned int failures;
static int result_fd = -1;

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash ? slash + 1 : path;
}

void unit_register(struct unit_test *t)
{
    *tests_tail = t;
    tests_tail = &t->next;
}

bool unit_check(bool ok, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (ok || failures++)
        return ok;
    n = snprintf(first_failure, sizeof(first_failure), "%s:%d: ", base_name(file), line);
    va_start(ap, fmt);
    vsnprintf(first_failure + n, sizeof(first_failure) - (size_t)n, fmt, ap);
    va_end(ap);
    return false;
}

bool unit_check_eq(unsigned long long a, unsigned long long b, const char *file, int line,
                   const char *what)
{
    return unit_check(a == b, file, line, "%s (%lld != %lld)", what, (long long)a, (long long)b);
}

/* @s with C escapes for what is not printable, so a report stays on one line. */
static const char *escaped(char *buf, size_t size, const char *s)
{
    size_t n = 0;

    for (; s && *s && n + 5 < size; s++) {
        unsigned char c = (unsigned char)*s;

        if (c == '\n')
            n += (size_t)snprintf(buf + n, size - n, "\\n");
        else if (c < 0x20 || c >= 0x7f)
            n += (size_t)snprintf(buf + n, size - n, "\\x%02x", c);
        else
            buf[n++] = (char)c;
    }
    buf[n] = '\0';
    return s ? buf : "(null)";
}

bool unit_check_str(const char *a, const char *b, const char *file, int line, const char *what)
{
    char ea[120], eb[120];
    bool ok = a && b ? !strcmp(a, b) : a == b;

    return unit_check(ok, file, line, "%s (\"%s\" != \"%s\")", what, escaped(ea, sizeof(ea), a),
                      escaped(eb, sizeof(eb), b));
}

void unit_stop(void)
{
    if (failures && write(result_fd, first_failure, strlen(first_failure)) < 0)
        _exit(2);
    exit(failures ? 1 : 0); /* exit(), not _exit(): LeakSanitizer runs at exit */
}

static __attribute__((noreturn)) void run_child(const struct unit_test *t, int fd)
{
    result_fd = fd;
    alarm(TEST_TIMEOUT_S);
    t->run();
    unit_stop();
}

static bool run_test(const struct unit_test *t, const char *id)
{
    char why[sizeof(first_failure)] = "";
    size_t len = 0;
    ssize_t n;
    int fds[2], status;
    pid_t pid;

    fflush(stdout);
    if (pipe(fds) || (pid = fork()) < 0) {
        perror("unit-tests");
        exit(2);
    }
    if (pid == 0) {
        close(fds[0]);
        run_child(t, fds[1]);
    }
    close(fds[1]);
    while ((n = read(fds[0], why + len, sizeof(why) - 1 - len)) > 0)
        len += (size_t)n;
    close(fds[0]);
    waitpid(pid, &status, 0);
    if (!len && WIFSIGNALED(status))
        snprintf(why, sizeof(why), "killed by signal %d (%s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
    else if (!len && WEXITSTATUS(status))
        snprintf(why, sizeof(why), "exited with status %d (see stderr)", WEXITSTATUS(status));
    for (char *c = why; *c; c++)
        if (*c == '\n' || *c == '\r')
            *c = ' '; /* one line per test, whatever the message */
    if (*why)
        printf("FAIL: %s: %s\n", id, why);
    else
        printf("PASS: %s\n", id);
    return !*why;
}

int main(int argc, char **argv)
{
    unsigned int failed = 0;

    for (const struct unit_test *t = tests; t; t = t->next) {
        const char *base = base_name(t->file);
        char id[256];

        snprintf(id, sizeof(id), UNIT_SUITE "/%.*s/%s", (int)strcspn(base, "."), base, t->name);
        if (argc > 1 && !strstr(id, argv[1]))
            continue;
        failed += !run_test(t, id);
    }
    return failed ? 1 : 0;
}
