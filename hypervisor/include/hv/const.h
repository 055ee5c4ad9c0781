/* SPDX-License-Identifier: MIT */
/* Constants usable from C, assembly and linker scripts alike. */
#ifndef HV_CONST_H
#define HV_CONST_H

#ifdef __ASSEMBLY__
#define _AC(x, suffix) x
#else
#define _AC(x, suffix) x##suffix
#endif

#endif /* HV_CONST_H */
