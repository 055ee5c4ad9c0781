/* SPDX-License-Identifier: MIT */
/* GNU build-id ELF notes: the hypervisor's own, and later payloads'. */
#ifndef HV_BUILD_ID_H
#define HV_BUILD_ID_H

#include <hv/types.h>

/*
 * Parses one ELF note of @len bytes at @note.  Succeeds only for a complete,
 * in-bounds NT_GNU_BUILD_ID note named "GNU" with a non-empty descriptor;
 * then *@id / *@id_len give the descriptor.  Returns 0 or -EINVAL.
 */
int build_id_parse_note(const void *note, size_t len, const uint8_t **id, unsigned int *id_len);

#endif /* HV_BUILD_ID_H */
