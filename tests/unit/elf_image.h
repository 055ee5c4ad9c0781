/* SPDX-License-Identifier: MIT */
/*
 * Minimal ELF executables built in memory, for the image loader's tests:
 * the header, program headers, then the bytes of the first segment.  Tests
 * change fields to make them malformed.
 */
#ifndef UNIT_ELF_IMAGE_H
#define UNIT_ELF_IMAGE_H

#include <hv/domain_build.h>
#include <hv/elf.h>

#define IMAGE_MAX_PHDRS (GUEST_MAX_SEGMENTS + 2)
#define IMAGE_DATA_SIZE 256
#define IMAGE_MEMSZ 0x2000   /* the first segment: data, then zeroes */
#define IMAGE_ENTRY_OFF 0x10 /* entry point, from the segment start */

struct image64 {
    Elf64_Ehdr eh;
    Elf64_Phdr ph[IMAGE_MAX_PHDRS];
    unsigned char data[IMAGE_DATA_SIZE];
};

struct image32 {
    Elf32_Ehdr eh;
    Elf32_Phdr ph[IMAGE_MAX_PHDRS];
    unsigned char data[IMAGE_DATA_SIZE];
};

/* An x86_64 executable with one PT_LOAD of data at @vaddr. */
void image64_init(struct image64 *img, uint64_t vaddr);
/* An i386 executable with one PT_LOAD of data at @vaddr. */
void image32_init(struct image32 *img, uint32_t vaddr);
/* The byte the data holds at @offset. */
unsigned char image_data_byte(size_t offset);

#endif /* UNIT_ELF_IMAGE_H */
