/* SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stdio.h>

#include "log.h"

#define PROG "create-diff-object"

static bool debug;
static unsigned int refusals;

/* One line on @f: @prefix, then the message. */
static void vline(FILE *f, const char *prefix, const char *fmt, va_list ap)
{
    fputs(prefix, f);
    vfprintf(f, fmt, ap);
    fputc('\n', f);
}

int log_error(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vline(stderr, PROG ": error: ", fmt, ap);
    va_end(ap);
    return -1;
}

void log_warn(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vline(stderr, PROG ": warning: ", fmt, ap);
    va_end(ap);
}

void log_refuse(const char *what, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, PROG ": refused: %s: ", what);
    va_start(ap, fmt);
    vline(stderr, "", fmt, ap);
    va_end(ap);
    refusals++;
}

unsigned int log_refusals(void)
{
    return refusals;
}

void log_set_debug(bool on)
{
    debug = on;
}

void log_debug(const char *fmt, ...)
{
    va_list ap;

    if (!debug)
        return;
    va_start(ap, fmt);
    vline(stdout, "debug: ", fmt, ap);
    va_end(ap);
}
