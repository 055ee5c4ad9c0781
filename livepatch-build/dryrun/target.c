/* SPDX-License-Identifier: MIT */
/* Reading the running hypervisor's xen-syms (see target.h). */
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "target.h"

#define NT_GNU_BUILD_ID 3

static int fail(const char *path, const char *why)
{
    fprintf(stderr, "livepatch-dryrun: %s: %s\n", path, why);
    return -1;
}

/* Copies the part of @scn that overlaps the text range into t->text. */
static void copy_text(struct target *t, Elf_Scn *scn, const GElf_Shdr *sh)
{
    Elf_Data *d = elf_getdata(scn, NULL);
    uint64_t from = sh->sh_addr > t->text_start ? sh->sh_addr : t->text_start;
    uint64_t end =
        sh->sh_addr + sh->sh_size < t->text_end ? sh->sh_addr + sh->sh_size : t->text_end;

    if (d && d->d_buf && from < end && end - sh->sh_addr <= d->d_size)
        memcpy(t->text + (from - t->text_start), (uint8_t *)d->d_buf + (from - sh->sh_addr),
               end - from);
}

static void read_build_id(struct target *t, Elf_Scn *scn)
{
    Elf_Data *d = elf_getdata(scn, NULL);
    GElf_Nhdr nh;
    size_t off = 0, name_off, desc_off;

    while (d && (off = gelf_getnote(d, off, &nh, &name_off, &desc_off)) > 0) {
        if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 &&
            !memcmp((char *)d->d_buf + name_off, "GNU", 4) && nh.n_descsz <= sizeof(t->build_id)) {
            memcpy(t->build_id, (uint8_t *)d->d_buf + desc_off, nh.n_descsz);
            t->build_id_len = nh.n_descsz;
        }
    }
}

int target_load(struct target *t, const char *path)
{
    Elf_Scn *scn = NULL;
    GElf_Ehdr eh;
    GElf_Shdr sh;
    Elf *elf;
    int fd;

    memset(t, 0, sizeof(*t));
    if (xensyms_load(&t->syms, path))
        return fail(path, "cannot read its symbols");
    t->text_start = target_symbol(t, "_stext");
    t->text_end = target_symbol(t, "_etext");
    if (!t->text_start || t->text_end <= t->text_start || t->text_end - t->text_start > (1u << 30))
        return fail(path, "no _stext/_etext: not a hypervisor xen-syms");
    t->text = calloc(1, t->text_end - t->text_start);
    fd = open(path, O_RDONLY);
    if (!t->text || fd < 0)
        return fail(path, "cannot read it");
    elf_version(EV_CURRENT);
    elf = elf_begin(fd, ELF_C_READ, NULL);
    if (!elf || !gelf_getehdr(elf, &eh)) {
        close(fd);
        return fail(path, "not an ELF file");
    }
    t->machine = eh.e_machine;
    while ((scn = elf_nextscn(elf, scn))) {
        if (!gelf_getshdr(scn, &sh))
            continue;
        if (sh.sh_type == SHT_NOTE)
            read_build_id(t, scn);
        else if (sh.sh_type == SHT_PROGBITS && (sh.sh_flags & SHF_ALLOC))
            copy_text(t, scn, &sh);
    }
    elf_end(elf);
    close(fd);
    return t->build_id_len ? 0 : fail(path, "no GNU build-id note");
}

uint64_t target_symbol(const struct target *t, const char *name)
{
    const struct xensym *s = xensyms_find(&t->syms, name);

    return s ? s->value : 0;
}

const uint8_t *target_text(const struct target *t, uint64_t addr, uint64_t len)
{
    if (addr < t->text_start || addr >= t->text_end || len > t->text_end - addr)
        return NULL;
    return t->text + (addr - t->text_start);
}
