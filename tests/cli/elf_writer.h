/* SPDX-License-Identifier: MIT */
/*
 * Small ELF files for the tests, assembled byte by byte (not with libelf,
 * so that payload_info.c's libelf reading is checked against an
 * independent writer): a relocatable object whose only sections are the
 * given GNU build-id notes and the section name table.
 */
#ifndef ELF_WRITER_H
#define ELF_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct note_section {
    const char *name;  /* ".livepatch.xen_depends", ... */
    const uint8_t *id; /* the descriptor */
    uint32_t len;
    uint32_t type;     /* 3: NT_GNU_BUILD_ID */
    const char *owner; /* "GNU" */
};

/* A malloc'd image; ELF64 unless @elf32, little-endian unless @big_endian. */
uint8_t *elf_with_notes(size_t *size, bool elf32, bool big_endian, const struct note_section *s,
                        unsigned int n);

#endif /* ELF_WRITER_H */
