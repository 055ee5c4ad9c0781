/* SPDX-License-Identifier: MIT */
/*
 * Probing instructions that may fault.  An exception-table entry names a
 * faulting instruction and where to continue; the exception handler
 * records what happened as "exinfo": bit 31 set, the vector in bits 16-23
 * and the error code in bits 0-15 (0 means no exception).
 */
#ifndef XTF_EXINFO_H
#define XTF_EXINFO_H

#include <hv/types.h>

typedef uint32_t exinfo_t;

#define EXINFO_EXPECTED (1u << 31)
#define EXINFO(vec, ec) (EXINFO_EXPECTED | ((uint32_t)(vec) << 16) | ((ec)&0xffff))
#define EXINFO_VEC(e) (((e) >> 16) & 0xff)
#define EXINFO_EC(e) ((e)&0xffff)

/* Reads one byte at @addr; returns exinfo (0 if it worked). */
exinfo_t probe_read(unsigned long addr);
/* Writes one byte at @addr; returns exinfo (0 if it worked). */
exinfo_t probe_write(unsigned long addr);
/* Calls code at @addr; returns exinfo (0 if it returned). */
exinfo_t probe_exec(unsigned long addr);

/* Formats exinfo as text such as "#PF[-d-sr-]" or "none". */
const char *exinfo_str(exinfo_t e, char *buf, size_t len);

#endif /* XTF_EXINFO_H */
