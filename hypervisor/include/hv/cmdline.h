/* SPDX-License-Identifier: MIT */
/*
 * Boot command line options, "name=value" or "name" separated by spaces.
 */
#ifndef HV_CMDLINE_H
#define HV_CMDLINE_H

#include <hv/types.h>

/*
 * Finds option @name in @cmdline.  Returns true if present; *@val points at
 * its value (or "" for a bare flag) and *@len is the value's length.
 */
bool cmdline_find(const char *cmdline, const char *name, const char **val, size_t *len);
bool cmdline_flag(const char *cmdline, const char *name);
/* Copies option @name's value into @buf; false if absent or too long. */
bool cmdline_string(const char *cmdline, const char *name, char *buf, size_t size);
/* A size option such as "mem=4M"; @def if absent or malformed. */
unsigned long long cmdline_size(const char *cmdline, const char *name, unsigned long long def);

/* The hypervisor's own boot command line, kept for XENVER_commandline. */
const char *boot_cmdline(void);

#endif /* HV_CMDLINE_H */
