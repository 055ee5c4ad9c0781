/* SPDX-License-Identifier: MIT */
/*
 * The signature note in a payload image (public/livepatch-sig.h).
 *
 * Reading uses libelf on the image in memory.  Adding the section, or
 * resizing it for a key of another size, rewrites the image through libelf
 * on a temporary file: libelf lays the file out again (section offsets,
 * the section table last) but keeps every section's index, so symbols and
 * relocations stay valid.  Refilling a note of the right size changes only
 * its descriptor, which makes signing again with the same key idempotent.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gelf.h>
#include <libelf.h>

#include <public/livepatch-sig.h>

#include "livepatch-sign.h"

#define NOTE_NAME_SPACE 4                  /* "Xen" and its NUL */
#define NOTE_HEAD (12 + NOTE_NAME_SPACE)   /* namesz, descsz, type, name */
#define ROUND4(x) (((x) + 3) & ~(size_t)3) /* notes pad their parts to 4 bytes */

static uint32_t get32(const uint8_t *p, bool lsb)
{
    return lsb ? (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]
               : (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put32(uint8_t *p, uint32_t v, bool lsb)
{
    for (unsigned int i = 0; i < 4; i++)
        p[lsb ? i : 3 - i] = (uint8_t)(v >> 8 * i);
}

/* A relocatable ELF object (payloads are), or NULL after saying why. */
static Elf *check_elf(Elf *e, const struct image *img)
{
    GElf_Ehdr eh;

    if (e && elf_kind(e) == ELF_K_ELF && gelf_getehdr(e, &eh) && eh.e_type == ET_REL)
        return e;
    fail("%s: not a relocatable ELF object (a live-patch payload)", img->name);
    elf_end(e);
    return NULL;
}

/* The signature section in *@out, NULL if none; -1 if there are several. */
static int find_section(Elf *e, const struct image *img, Elf_Scn **out)
{
    Elf_Scn *scn = NULL;
    size_t shstrndx;

    *out = NULL;
    if (elf_getshdrstrndx(e, &shstrndx))
        return fail("%s: no section name table: %s", img->name, elf_errmsg(-1));
    while ((scn = elf_nextscn(e, scn))) {
        GElf_Shdr sh;
        const char *name;

        if (!gelf_getshdr(scn, &sh))
            return fail("%s: bad section header: %s", img->name, elf_errmsg(-1));
        name = elf_strptr(e, shstrndx, sh.sh_name);
        if (!name || strcmp(name, LIVEPATCH_SIG_SECTION))
            continue;
        if (*out)
            return fail("%s: more than one " LIVEPATCH_SIG_SECTION " section", img->name);
        *out = scn;
    }
    return 0;
}

/* Is the section (@len bytes at @p) one note named "Xen", as the hypervisor requires? */
static void parse_note(const uint8_t *p, size_t len, bool lsb, struct sig_note *note)
{
    uint32_t namesz = get32(p, lsb), descsz = get32(p + 4, lsb);

    note->one_note = namesz == NOTE_NAME_SPACE &&
                     !memcmp(p + 12, LIVEPATCH_SIG_NOTE_NAME, NOTE_NAME_SPACE) && descsz &&
                     ROUND4((size_t)descsz) == len - NOTE_HEAD;
    note->type = get32(p + 8, lsb);
    note->desc_off = NOTE_HEAD;
    note->desc_len = descsz;
}

int note_find(const struct image *img, struct sig_note *note)
{
    Elf *e;
    Elf_Scn *scn;
    GElf_Shdr sh;
    int rc = -1;

    memset(note, 0, sizeof(*note));
    elf_version(EV_CURRENT);
    e = check_elf(elf_memory((char *)img->data, img->len), img);
    if (!e || find_section(e, img, &scn))
        goto out;
    rc = 0;
    if (!scn || !gelf_getshdr(scn, &sh))
        goto out;
    note->present = true;
    if (sh.sh_type == SHT_NOTE && sh.sh_offset <= img->len &&
        sh.sh_size <= img->len - sh.sh_offset && sh.sh_size >= NOTE_HEAD) {
        parse_note(img->data + sh.sh_offset, sh.sh_size,
                   elf_getident(e, NULL)[EI_DATA] == ELFDATA2LSB, note);
        note->desc_off += sh.sh_offset;
    }
out:
    elf_end(e);
    return rc;
}

/* Appends the section's name to the section name table: its offset there. */
static int add_name(Elf *e, size_t *off)
{
    Elf_Scn *str;
    Elf_Data *d;
    GElf_Shdr sh;
    size_t shstrndx;

    if (elf_getshdrstrndx(e, &shstrndx) || !(str = elf_getscn(e, shstrndx)) ||
        !gelf_getshdr(str, &sh) || !elf_getdata(str, NULL) || !(d = elf_newdata(str)))
        return fail("cannot extend the section name table: %s", elf_errmsg(-1));
    d->d_buf = (void *)LIVEPATCH_SIG_SECTION;
    d->d_size = sizeof(LIVEPATCH_SIG_SECTION);
    d->d_type = ELF_T_BYTE;
    d->d_align = 1;
    *off = sh.sh_size;
    return 0;
}

/* Makes the signature section hold @note (@len bytes), adding it if need be. */
static int set_section(Elf *e, const struct image *img, uint8_t *note, size_t len)
{
    Elf_Scn *scn;
    Elf_Data *d;
    GElf_Shdr sh;
    size_t name = 0;

    if (find_section(e, img, &scn))
        return -1;
    if (!scn) {
        if (add_name(e, &name))
            return -1;
        if (!(scn = elf_newscn(e)))
            return fail("%s: cannot add a section: %s", img->name, elf_errmsg(-1));
    }
    d = elf_getdata(scn, NULL);
    if (!d && !(d = elf_newdata(scn)))
        return fail("%s: cannot give the section contents: %s", img->name, elf_errmsg(-1));
    if (!gelf_getshdr(scn, &sh))
        return fail("%s: bad section header: %s", img->name, elf_errmsg(-1));
    if (name)
        sh.sh_name = name;
    sh.sh_type = SHT_NOTE;
    sh.sh_flags = 0; /* not loaded: the hypervisor reads it from the uploaded image */
    sh.sh_addralign = 4;
    sh.sh_entsize = 0;
    *d = (Elf_Data){
        .d_buf = note, .d_size = len, .d_type = ELF_T_BYTE, .d_align = 4, .d_version = EV_CURRENT
    };
    if (!gelf_update_shdr(scn, &sh) || !elf_flagdata(d, ELF_C_SET, ELF_F_DIRTY))
        return fail("%s: cannot update the section: %s", img->name, elf_errmsg(-1));
    return 0;
}

/* Rewrites the image with an empty signature note of @desc_len bytes. */
static int rewrite(struct image *img, size_t desc_len)
{
    size_t len = NOTE_HEAD + ROUND4(desc_len);
    uint8_t *note = calloc(1, len);
    FILE *f = tmpfile();
    struct image out;
    Elf *e = NULL;
    bool lsb;
    int rc = -1;

    if (!note || !f) {
        fail("%s: cannot rewrite it: %s", img->name, strerror(errno));
        goto out;
    }
    if (fwrite(img->data, 1, img->len, f) != img->len || fflush(f)) {
        fail("%s: cannot write a temporary copy: %s", img->name, strerror(errno));
        goto out;
    }
    e = check_elf(elf_begin(fileno(f), ELF_C_RDWR, NULL), img);
    if (!e)
        goto out;
    lsb = elf_getident(e, NULL)[EI_DATA] == ELFDATA2LSB;
    put32(note, NOTE_NAME_SPACE, lsb);
    put32(note + 4, (uint32_t)desc_len, lsb);
    put32(note + 8, LIVEPATCH_SIG_TYPE_V1_RSA_SHA256, lsb);
    memcpy(note + 12, LIVEPATCH_SIG_NOTE_NAME, NOTE_NAME_SPACE);
    if (set_section(e, img, note, len))
        goto out;
    if (elf_update(e, ELF_C_WRITE) < 0) {
        fail("%s: libelf cannot write it: %s", img->name, elf_errmsg(-1));
        goto out;
    }
    elf_end(e);
    e = NULL;
    if (image_read_stream(f, img->name, &out))
        goto out;
    free(img->data);
    *img = out;
    rc = 0;
out:
    elf_end(e);
    if (f)
        fclose(f);
    free(note);
    return rc;
}

int note_prepare(struct image *img, size_t desc_len, struct sig_note *note)
{
    if (note_find(img, note))
        return -1;
    if (note->one_note && note->desc_len == desc_len &&
        note->type == LIVEPATCH_SIG_TYPE_V1_RSA_SHA256)
        return 0;
    if (rewrite(img, desc_len) || note_find(img, note))
        return -1;
    if (!note->one_note || note->desc_len != desc_len)
        return fail("%s: libelf did not write the signature note as asked", img->name);
    return 0;
}

uint8_t *signed_message(const struct image *img, const struct sig_note *note)
{
    uint8_t *m = malloc(img->len);

    if (!m) {
        fail("out of memory");
        return NULL;
    }
    memcpy(m, img->data, img->len);
    memset(m + note->desc_off, 0, note->desc_len);
    return m;
}
