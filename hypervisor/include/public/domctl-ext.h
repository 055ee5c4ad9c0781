/* SPDX-License-Identifier: MIT */
/*
 * Extensions to Xen's domctl interface that this hypervisor adds.
 *
 * Xen builds a guest from the toolstack: dom0 populates the new domain's
 * memory through foreign mappings and sets its vCPU context.  This
 * hypervisor has no foreign mappings; instead dom0 hands it an ELF image,
 * and the hypervisor checks and loads it like a boot module.  The command
 * number lies far outside Xen's range so it can never collide with one.
 *
 * Usage: XEN_DOMCTL_createdomain, then XEN_DOMCTL_load_image on the new
 * (paused) domain, then XEN_DOMCTL_unpausedomain.
 */
#ifndef PUBLIC_DOMCTL_EXT_H
#define PUBLIC_DOMCTL_EXT_H

#include <public/domctl.h>

#define XEN_DOMCTL_load_image 0x4c50

/* Largest image XEN_DOMCTL_load_image accepts. */
#define XEN_DOMCTL_LOAD_IMAGE_MAX (16u << 20)

struct xen_domctl_load_image {
    XEN_GUEST_HANDLE_64(uint8) image;  /* IN: the ELF executable */
    uint64_aligned_t image_size;       /* IN: its size in bytes */
    uint64_aligned_t mem_kb;           /* IN: guest RAM to give the domain */
    XEN_GUEST_HANDLE_64(char) cmdline; /* IN: NUL-terminated, may be NULL */
    uint32_t cmdline_size;             /* IN: bytes at cmdline incl. the NUL */
    uint32_t pad;                      /* must be zero */
};

#endif /* PUBLIC_DOMCTL_EXT_H */
