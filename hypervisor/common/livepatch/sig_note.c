/* SPDX-License-Identifier: MIT */
/*
 * Finding a payload's signature note (public/livepatch-sig.h) before any of
 * the payload is trusted: a walk of the ELF header and the section table
 * that reads nothing else, every read bounded by the image.  It checks only
 * what it needs to read; lp_elf_parse() checks the rest once the signature
 * has been verified (or, with livepatch_sig=log, merely reported).
 */
#include "private.h"
#include <hv/lib.h>
#include <public/livepatch-sig.h>

#define NOTE_NAME_SPACE 4 /* "Xen" and its NUL: already a multiple of 4 */

static enum lp_sig_find found(struct lp_sig_note *note, enum lp_sig_find result, const char *why)
{
    note->why = why;
    return result;
}

/* Is the name at @off of string table @names exactly LIVEPATCH_SIG_SECTION? */
static bool is_sig_section(const uint8_t *b, const struct lp_elf_sec *names, uint32_t off)
{
    const size_t len = sizeof(LIVEPATCH_SIG_SECTION); /* with the NUL */

    return off < names->size && len <= names->size - off &&
           !memcmp(b + names->offset + off, LIVEPATCH_SIG_SECTION, len);
}

/* The section must hold one note named "Xen" and nothing else (but padding). */
static enum lp_sig_find parse_note(const uint8_t *b, const struct lp_elf_sec *s,
                                   struct lp_sig_note *note)
{
    const uint64_t head = sizeof(Elf_Note) + NOTE_NAME_SPACE;
    Elf_Note n;

    if (s->type != SHT_NOTE)
        return found(note, LP_SIG_MALFORMED, LIVEPATCH_SIG_SECTION " is not a note section");
    if (s->size < head)
        return found(note, LP_SIG_MALFORMED, LIVEPATCH_SIG_SECTION " is too short for a note");
    memcpy(&n, b + s->offset, sizeof(n));
    if (n.n_namesz != NOTE_NAME_SPACE ||
        memcmp(b + s->offset + sizeof(n), LIVEPATCH_SIG_NOTE_NAME, NOTE_NAME_SPACE))
        return found(note, LP_SIG_MALFORMED, "the signature note is not named \"Xen\"");
    if (!n.n_descsz || ROUNDUP((uint64_t)n.n_descsz, 4) != s->size - head)
        return found(note, LP_SIG_MALFORMED,
                     LIVEPATCH_SIG_SECTION " does not hold exactly one non-empty note");
    note->type = n.n_type;
    note->desc_off = (size_t)(s->offset + head);
    note->desc_len = n.n_descsz;
    return found(note, LP_SIG_FOUND, NULL);
}

enum lp_sig_find lp_sig_find_note(const void *image, size_t size, uint8_t elf_class,
                                  struct lp_sig_note *note)
{
    const uint8_t *b = image;
    size_t ehsize = elf_class == ELFCLASS64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
    size_t shsize = elf_class == ELFCLASS64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
    struct lp_elf_sec names, s, sig = { 0 };
    struct lp_elf_ehdr h;
    unsigned int count = 0;
    uint32_t name;

    if (size < ehsize || memcmp(b, "\177ELF", 4) || b[EI_CLASS] != elf_class ||
        b[EI_DATA] != ELFDATA2LSB)
        return found(note, LP_SIG_ABSENT, "not an ELF file of this hypervisor's class");
    lp_elf_read_ehdr(b, elf_class, &h);
    if (h.shnum == 0 || h.shnum >= LP_MAX_SECTIONS || h.shentsize < shsize ||
        !lp_elf_in_buf(h.shoff, (uint64_t)h.shnum * h.shentsize, size) || h.shstrndx >= h.shnum)
        return found(note, LP_SIG_ABSENT, "no section table inside the file");
    lp_elf_read_shdr(b, elf_class, &h, h.shstrndx, &names, &name);
    if (names.type != SHT_STRTAB || !lp_elf_in_buf(names.offset, names.size, size))
        return found(note, LP_SIG_ABSENT, "no section name table inside the file");
    for (unsigned int i = 1; i < h.shnum; i++) {
        lp_elf_read_shdr(b, elf_class, &h, i, &s, &name);
        if (!is_sig_section(b, &names, name))
            continue;
        if (count++)
            return found(note, LP_SIG_MALFORMED, "more than one " LIVEPATCH_SIG_SECTION);
        sig = s;
    }
    if (!count)
        return found(note, LP_SIG_ABSENT, "no " LIVEPATCH_SIG_SECTION " section");
    if (!lp_elf_in_buf(sig.offset, sig.size, size))
        return found(note, LP_SIG_MALFORMED, LIVEPATCH_SIG_SECTION " is outside the file");
    return parse_note(b, &sig, note);
}
