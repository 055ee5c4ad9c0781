/* SPDX-License-Identifier: MIT */
/* The small freestanding C library used by the hypervisor. */
#ifndef HV_LIB_H
#define HV_LIB_H

#include <hv/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
void *memchr(const void *s, int c, size_t n);
size_t strlcpy(char *dst, const char *src, size_t size);

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/* Parses an unsigned number, decimal or with a 0x prefix hex. */
bool parse_number(const char *s, const char **end, unsigned long long *out);
/* The same with an optional K/M/G suffix. */
bool parse_size(const char *s, const char **end, unsigned long long *out);

#endif /* HV_LIB_H */
