/* SPDX-License-Identifier: MIT */
/*
 * Messages.  Errors and refusals go to stderr, one line each, naming what
 * they are about; --debug decisions go to stdout.  Refusals are counted so
 * every reason is reported before the differ gives up.
 */
#ifndef DIFFER_LOG_H
#define DIFFER_LOG_H

#include <stdbool.h>

#define PRINTF(a, b) __attribute__((format(printf, a, b)))

/* Prints "create-diff-object: error: ..." and returns -1. */
int log_error(const char *fmt, ...) PRINTF(1, 2);

/* Prints "create-diff-object: warning: ...": allowed, but worth a look. */
void log_warn(const char *fmt, ...) PRINTF(1, 2);

/* Prints "create-diff-object: refused: <what>: <why>" and counts it. */
void log_refuse(const char *what, const char *fmt, ...) PRINTF(2, 3);
unsigned int log_refusals(void);

void log_set_debug(bool on);
void log_debug(const char *fmt, ...) PRINTF(1, 2);

#endif /* DIFFER_LOG_H */
