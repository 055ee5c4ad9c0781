/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor console: printk with log levels, guest output, panic.
 *
 * A message may start with one of the XENLOG_* prefixes; messages above the
 * threshold set by the "loglvl=" boot option are dropped.
 */
#ifndef HV_CONSOLE_H
#define HV_CONSOLE_H

#include <hv/types.h>

#define XENLOG_ERR "<0>"
#define XENLOG_WARNING "<1>"
#define XENLOG_INFO "<2>"
#define XENLOG_DEBUG "<3>"

void printk(const char *fmt, ...) __printf(1, 2);
void vprintk(const char *fmt, va_list ap);

/* Writes one line of guest output, prefixed "(dN) ". */
void console_guest_write(unsigned int domid, const char *buf, size_t len);

/* Non-blocking read of console input; returns the number of bytes read. */
size_t console_read(char *buf, size_t len);

void console_init(const char *cmdline);

/* Takes the console lock away from a CPU that died holding it. */
void console_force_unlock(void);

__noreturn void panic(const char *fmt, ...) __printf(1, 2);

#include <hv/bug.h>

#endif /* HV_CONSOLE_H */
