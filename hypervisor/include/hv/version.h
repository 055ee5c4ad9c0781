/* SPDX-License-Identifier: MIT */
/* Version and build information, reported through the xen_version hypercall. */
#ifndef HV_VERSION_H
#define HV_VERSION_H

#include <hv/types.h>

/* The ABI level implemented: Xen 4.17's public interface. */
#define HV_VERSION_MAJOR 4
#define HV_VERSION_MINOR 17

/* Separate functions, never inlined, so live patches can replace them. */
unsigned int xen_major_version(void);
unsigned int xen_minor_version(void);
const char *xen_extra_version(void);
/* The GNU build-id of this hypervisor (xen-syms). */
bool hv_build_id(const uint8_t **id, unsigned int *len);
void print_banner(void);

#endif /* HV_VERSION_H */
