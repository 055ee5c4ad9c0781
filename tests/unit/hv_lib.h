/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's string and format functions (hv/lib.h) under an hv_
 * prefix, so they can be compared with libc's in one binary.  The Makefile
 * builds lib/string.c and lib/vsnprintf.c a second time with this header
 * forced in and HV_LIB_BUILD defined, which prefixes their definitions too.
 * Tests include it after libc's headers.
 */
#ifndef UNIT_HV_LIB_H
#define UNIT_HV_LIB_H

#define memcpy hv_memcpy
#define memmove hv_memmove
#define memset hv_memset
#define memcmp hv_memcmp
#define strlen hv_strlen
#define strnlen hv_strnlen
#define strcmp hv_strcmp
#define strncmp hv_strncmp
#define strchr hv_strchr
#define memchr hv_memchr
#define strlcpy hv_strlcpy
#define vsnprintf hv_vsnprintf
#define snprintf hv_snprintf

#include <hv/lib.h>

#ifndef HV_LIB_BUILD
#undef memcpy
#undef memmove
#undef memset
#undef memcmp
#undef strlen
#undef strnlen
#undef strcmp
#undef strncmp
#undef strchr
#undef memchr
#undef strlcpy
#undef vsnprintf
#undef snprintf
#endif

#endif /* UNIT_HV_LIB_H */
