/* SPDX-License-Identifier: MIT */
/* A payload's build-id notes, read with libelf (see payload_info.h). */
#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "payload_info.h"

#define GNU_NOTE_TYPE 3 /* NT_GNU_BUILD_ID */

static uint32_t word(const uint8_t *p, bool big_endian)
{
    if (big_endian)
        return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static size_t align4(size_t n)
{
    return (n + 3) & ~(size_t)3;
}

int payload_parse_note(const uint8_t *note, size_t len, bool big_endian, struct build_id *out)
{
    uint32_t namesz, descsz;

    out->present = false;
    if (len < 12)
        return -EINVAL;
    namesz = word(note, big_endian);
    descsz = word(note + 4, big_endian);
    /* Sizes checked one at a time, so that no sum can wrap. */
    if (namesz != 4 || word(note + 8, big_endian) != GNU_NOTE_TYPE || len - 12 < 4 ||
        memcmp(note + 12, "GNU", 4))
        return -EINVAL;
    if (!descsz || descsz > LP_BUILD_ID_MAX || len - 12 - align4(namesz) < descsz)
        return -EINVAL;
    memcpy(out->id, note + 12 + align4(namesz), descsz);
    out->len = descsz;
    out->present = true;
    return 0;
}

static void read_section(Elf_Scn *scn, bool big_endian, struct build_id *out)
{
    Elf_Data *d = elf_rawdata(scn, NULL);

    if (d && d->d_buf)
        payload_parse_note(d->d_buf, d->d_size, big_endian, out);
}

int payload_info_read(const void *image, size_t size, struct payload_info *pi)
{
    /* libelf may convert headers in place in a memory image: give it a copy. */
    char *copy = malloc(size ? size : 1);
    Elf *elf;
    Elf_Scn *scn = NULL;
    size_t shstrndx;
    bool big_endian;
    int rc = 0;

    memset(pi, 0, sizeof(*pi));
    if (!copy)
        return -ENOMEM;
    memcpy(copy, image, size);
    elf_version(EV_CURRENT);
    elf = elf_memory(copy, size);
    if (!elf || elf_kind(elf) != ELF_K_ELF || elf_getshdrstrndx(elf, &shstrndx)) {
        rc = -ENOEXEC;
        goto out;
    }
    big_endian = elf_getident(elf, NULL)[EI_DATA] == ELFDATA2MSB;
    while ((scn = elf_nextscn(elf, scn))) {
        GElf_Shdr sh;
        const char *name;

        if (!gelf_getshdr(scn, &sh) || sh.sh_type == SHT_NOBITS)
            continue;
        name = elf_strptr(elf, shstrndx, sh.sh_name);
        if (!name)
            continue;
        if (!strcmp(name, ".note.gnu.build-id"))
            read_section(scn, big_endian, &pi->self);
        else if (!strcmp(name, ".livepatch.xen_depends"))
            read_section(scn, big_endian, &pi->xen_depends);
        else if (!strcmp(name, ".livepatch.depends"))
            read_section(scn, big_endian, &pi->depends);
    }
out:
    elf_end(elf);
    free(copy);
    return rc;
}

const char *payload_build_id_hex(const uint8_t *id, uint32_t len, char *buf)
{
    buf[0] = '\0';
    for (uint32_t i = 0; i < len && i < LP_BUILD_ID_MAX; i++)
        snprintf(buf + 2 * i, 3, "%02x", id[i]);
    return buf;
}
