/* SPDX-License-Identifier: MIT */
/* GNU build-id note parsing, bounded by the note's buffer. */
#include <hv/build_id.h>
#include <hv/elf.h>
#include <hv/errno.h>
#include <hv/lib.h>

int build_id_parse_note(const void *note, size_t len, const uint8_t **id, unsigned int *id_len)
{
    Elf_Note n;
    size_t name_space, off;

    if (len < sizeof(n))
        return -EINVAL;
    memcpy(&n, note, sizeof(n));
    if (n.n_type != NT_GNU_BUILD_ID || n.n_namesz != 4 || n.n_descsz == 0)
        return -EINVAL;
    name_space = ROUNDUP((size_t)n.n_namesz, 4);
    off = sizeof(n) + name_space;
    if (off > len || n.n_descsz > len - off)
        return -EINVAL;
    if (memcmp((const char *)note + sizeof(n), "GNU", 4))
        return -EINVAL;
    *id = (const uint8_t *)note + off;
    *id_len = n.n_descsz;
    return 0;
}
