/* SPDX-License-Identifier: MIT */
#include <stdarg.h>
#include <stdio.h>

#include "log.h"

#define PROG "create-diff-object"

static bool debug;
static unsigned int refusals;

int log_error(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, PROG ": error: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return -1;
}

void log_warn(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, PROG ": warning: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void log_refuse(const char *what, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, PROG ": refused: %s: ", what);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
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
    fputs("debug: ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
}
