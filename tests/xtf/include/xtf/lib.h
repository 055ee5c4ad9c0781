/* SPDX-License-Identifier: MIT */
/* Console output, string helpers and panic for guest code. */
#ifndef XTF_LIB_H
#define XTF_LIB_H

#include <hv/lib.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Prints to the hypervisor console (console_io write). */
void printk(const char *fmt, ...) __printf(1, 2);
void vprintk(const char *fmt, va_list ap);
/* Prints a PANIC banner and crashes the domain. */
__noreturn void panic(const char *fmt, ...) __printf(1, 2);

#endif /* XTF_LIB_H */
