/* SPDX-License-Identifier: MIT */
/* ELF files with build-id notes, byte by byte (see elf_writer.h). */
#include <stdlib.h>
#include <string.h>

#include "elf_writer.h"

struct out {
    uint8_t *p;
    bool be;
};

static void put(struct out *o, size_t off, uint64_t v, unsigned int bytes)
{
    for (unsigned int i = 0; i < bytes; i++)
        o->p[off + (o->be ? bytes - 1 - i : i)] = (uint8_t)(v >> (8 * i));
}

static size_t align(size_t n, size_t a)
{
    return (n + a - 1) / a * a;
}

static size_t note_size(const struct note_section *s)
{
    return 12 + align(strlen(s->owner) + 1, 4) + align(s->len, 4);
}

static void write_note(struct out *o, size_t off, const struct note_section *s)
{
    size_t namesz = strlen(s->owner) + 1;

    put(o, off, namesz, 4);
    put(o, off + 4, s->len, 4);
    put(o, off + 8, s->type, 4);
    memcpy(o->p + off + 12, s->owner, namesz);
    memcpy(o->p + off + 12 + align(namesz, 4), s->id, s->len);
}

/* One section header: the 32- and 64-bit layouts differ in field widths only. */
static void section_header(struct out *o, size_t off, bool elf32, uint32_t name, uint32_t type,
                           size_t data_off, size_t size)
{
    unsigned int w = elf32 ? 4 : 8;

    put(o, off, name, 4);
    put(o, off + 4, type, 4);
    /* flags, addr: 0 */
    put(o, off + 8 + 2 * w, data_off, w);
    put(o, off + 8 + 3 * w, size, w);
    /* link, info: 0 */
    put(o, off + 16 + 4 * w, 4, w); /* addralign */
}

uint8_t *elf_with_notes(size_t *size, bool elf32, bool big_endian, const struct note_section *s,
                        unsigned int n)
{
    size_t ehsize = elf32 ? 52 : 64, shentsize = elf32 ? 40 : 64;
    size_t off = ehsize, strtab_off, strtab_size = 1 + strlen(".shstrtab") + 1, shoff;
    size_t data_off[8], name_off[8];
    struct out o = { NULL, big_endian };

    for (unsigned int i = 0; i < n; i++) {
        data_off[i] = off;
        off = align(off + note_size(&s[i]), 4);
        name_off[i] = strtab_size;
        strtab_size += strlen(s[i].name) + 1;
    }
    strtab_off = off;
    shoff = align(strtab_off + strtab_size, 8);
    *size = shoff + (n + 2) * shentsize;
    o.p = calloc(1, *size);
    memcpy(o.p, "\177ELF", 4);
    o.p[4] = elf32 ? 1 : 2;
    o.p[5] = big_endian ? 2 : 1;
    o.p[6] = 1;
    put(&o, 16, 1, 2);               /* ET_REL */
    put(&o, 18, elf32 ? 40 : 62, 2); /* EM_ARM or EM_X86_64 */
    put(&o, 20, 1, 4);               /* EV_CURRENT */
    put(&o, elf32 ? 32 : 40, shoff, elf32 ? 4 : 8);
    put(&o, elf32 ? 40 : 52, ehsize, 2);
    put(&o, elf32 ? 46 : 58, shentsize, 2);
    put(&o, elf32 ? 48 : 60, n + 2, 2); /* null, the notes, .shstrtab */
    put(&o, elf32 ? 50 : 62, n + 1, 2);
    for (unsigned int i = 0; i < n; i++) {
        write_note(&o, data_off[i], &s[i]);
        memcpy(o.p + strtab_off + name_off[i], s[i].name, strlen(s[i].name) + 1);
        section_header(&o, shoff + (i + 1) * shentsize, elf32, (uint32_t)name_off[i],
                       7 /* SHT_NOTE */, data_off[i], note_size(&s[i]));
    }
    memcpy(o.p + strtab_off + 1, ".shstrtab", 10);
    section_header(&o, shoff + (n + 1) * shentsize, elf32, 1, 3 /* SHT_STRTAB */, strtab_off,
                   strtab_size);
    return o.p;
}
