/* SPDX-License-Identifier: MIT */
/*
 * What a payload file says about itself, read with libelf: its own build-id
 * and the build-ids it depends on.  Used to explain a refused upload in the
 * operator's terms ("built for hypervisor X, this one is Y").
 */
#ifndef PAYLOAD_INFO_H
#define PAYLOAD_INFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backend.h"

struct build_id {
    bool present;
    uint32_t len;
    uint8_t id[LP_BUILD_ID_MAX];
};

struct payload_info {
    struct build_id self;        /* .note.gnu.build-id */
    struct build_id xen_depends; /* .livepatch.xen_depends: the hypervisor it was built for */
    struct build_id depends;     /* .livepatch.depends: what it goes on top of */
};

/*
 * Reads @image (not modified).  0, or -ENOEXEC when it is not an ELF file
 * libelf can read.  A note that is missing or not a GNU build-id note is
 * left !present.
 */
int payload_info_read(const void *image, size_t size, struct payload_info *pi);

/*
 * Parses a GNU build-id note (namesz, descsz, type, "GNU\0", descriptor) in
 * the byte order of its file.  0 and @out filled, or -EINVAL.
 */
int payload_parse_note(const uint8_t *note, size_t len, bool big_endian, struct build_id *out);

/* @id as lower-case hex into @buf (at least 2 * LP_BUILD_ID_MAX + 1 bytes). */
const char *payload_build_id_hex(const uint8_t *id, uint32_t len, char *buf);

#endif /* PAYLOAD_INFO_H */
