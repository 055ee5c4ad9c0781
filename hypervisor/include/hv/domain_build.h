/* SPDX-License-Identifier: MIT */
/*
 * Parsing of guest kernel images (ELF executables, 32- or 64-bit).  Kept
 * apart from domain creation so the checks can be unit-tested on the host.
 */
#ifndef HV_DOMAIN_BUILD_H
#define HV_DOMAIN_BUILD_H

#include <hv/types.h>

#define GUEST_MAX_SEGMENTS 16

struct guest_segment {
    uint64_t vaddr, filesz, memsz, offset;
};

struct guest_image {
    unsigned int machine, elf_class;
    uint64_t entry;
    uint64_t lowest, highest; /* span of the loadable segments */
    unsigned int nr_segments;
    struct guest_segment seg[GUEST_MAX_SEGMENTS];
};

/*
 * Checks that @image (@size bytes) is an ELF executable whose loadable
 * segments lie within guest RAM [@ram_base, @ram_base + @ram_size) and whose
 * entry point is inside one of them.  Returns 0 or -EINVAL / -ENOEXEC-style
 * errors (Xen errno values), filling @out.
 */
int guest_image_parse(const void *image, size_t size, uint64_t ram_base, uint64_t ram_size,
                      struct guest_image *out);

#endif /* HV_DOMAIN_BUILD_H */
