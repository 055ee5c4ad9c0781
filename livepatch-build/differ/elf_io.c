/* SPDX-License-Identifier: MIT */
/*
 * libelf, wrapped once.  Reading maps the file and leaves section data in
 * libelf's buffers (the model points into them until elf_io_close);
 * writing lets libelf lay the file out from the arrays it is given.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "elf_io.h"
#include "log.h"
#include "model.h"

struct handle {
    int fd;
    Elf *elf;
};

static Elf *open_elf(const char *path, int *fd)
{
    Elf *elf;

    if (elf_version(EV_CURRENT) == EV_NONE) {
        log_error("libelf: %s", elf_errmsg(-1));
        return NULL;
    }
    *fd = open(path, O_RDONLY);
    if (*fd < 0) {
        log_error("%s: %s", path, strerror(errno));
        return NULL;
    }
    elf = elf_begin(*fd, ELF_C_READ_MMAP, NULL);
    if (!elf || elf_kind(elf) != ELF_K_ELF) {
        log_error("%s: not an ELF file%s%s", path, elf ? "" : ": ", elf ? "" : elf_errmsg(-1));
        elf_end(elf);
        close(*fd);
        return NULL;
    }
    return elf;
}

static int read_header(struct object *o, Elf *elf)
{
    GElf_Ehdr eh;

    if (!gelf_getehdr(elf, &eh))
        return log_error("%s: %s", o->path, elf_errmsg(-1));
    if (eh.e_type != ET_REL || eh.e_phnum)
        return log_error("%s: not a relocatable object", o->path);
    if (eh.e_ident[EI_DATA] != ELFDATA2LSB)
        return log_error("%s: only little-endian objects are supported", o->path);
    o->elf_class = eh.e_ident[EI_CLASS];
    o->osabi = eh.e_ident[EI_OSABI];
    o->machine = eh.e_machine;
    o->e_flags = eh.e_flags;
    return 0;
}

static int read_sections(struct object *o, Elf *elf)
{
    size_t shstrndx;
    Elf_Scn *scn = NULL;

    if (elf_getshdrnum(elf, &o->nsecs) || elf_getshdrstrndx(elf, &shstrndx))
        return log_error("%s: %s", o->path, elf_errmsg(-1));
    o->secs = calloc(o->nsecs, sizeof(*o->secs));
    if (!o->secs)
        return log_error("out of memory");
    o->secs[0].name = "";
    while ((scn = elf_nextscn(elf, scn))) {
        size_t i = elf_ndxscn(scn);
        struct section *s = &o->secs[i];
        GElf_Shdr sh;
        Elf_Data *d;

        if (i >= o->nsecs || !gelf_getshdr(scn, &sh) ||
            !(s->name = elf_strptr(elf, shstrndx, sh.sh_name)))
            return log_error("%s: bad section %zu: %s", o->path, i, elf_errmsg(-1));
        s->index = (unsigned int)i;
        s->type = sh.sh_type;
        s->flags = sh.sh_flags;
        s->size = sh.sh_size;
        s->entsize = sh.sh_entsize;
        s->align = sh.sh_addralign;
        s->link = sh.sh_link;
        s->info = sh.sh_info;
        if (sh.sh_type == SHT_NOBITS || !sh.sh_size)
            continue;
        /* Raw bytes for content; symbol and relocation tables are read through gelf. */
        d = (sh.sh_type == SHT_SYMTAB || sec_is_rel(s) || sh.sh_type == SHT_SYMTAB_SHNDX)
                ? elf_getdata(scn, NULL)
                : elf_rawdata(scn, NULL);
        if (!d || d->d_size != sh.sh_size)
            return log_error("%s: cannot read section %s", o->path, s->name);
        s->data = d->d_buf;
    }
    return 0;
}

static Elf_Data *section_data(Elf *elf, size_t index)
{
    return elf_getdata(elf_getscn(elf, index), NULL);
}

static int read_symbols(struct object *o, Elf *elf)
{
    const struct section *symtab = NULL;
    Elf_Data *d, *xd = NULL;

    for (size_t i = 1; i < o->nsecs; i++) {
        if (o->secs[i].type == SHT_SYMTAB)
            symtab = &o->secs[i];
        if (o->secs[i].type == SHT_SYMTAB_SHNDX)
            xd = section_data(elf, i);
    }
    if (!symtab || !symtab->entsize)
        return log_error("%s: no symbol table", o->path);
    d = section_data(elf, symtab->index);
    o->nsyms = symtab->size / symtab->entsize;
    o->syms = calloc(o->nsyms ? o->nsyms : 1, sizeof(*o->syms));
    if (!d || !o->syms)
        return log_error("%s: cannot read the symbol table", o->path);
    for (size_t i = 0; i < o->nsyms; i++) {
        struct symbol *s = &o->syms[i];
        GElf_Sym gs;
        Elf32_Word xndx = 0;

        if (!gelf_getsymshndx(d, xd, (int)i, &gs, &xndx) ||
            !(s->name = elf_strptr(elf, symtab->link, gs.st_name)))
            return log_error("%s: bad symbol %zu", o->path, i);
        s->index = (unsigned int)i;
        s->bind = GELF_ST_BIND(gs.st_info);
        s->type = GELF_ST_TYPE(gs.st_info);
        s->other = gs.st_other;
        s->shndx = gs.st_shndx;
        s->value = gs.st_value;
        s->size = gs.st_size;
        if (gs.st_shndx == SHN_XINDEX || (gs.st_shndx > SHN_UNDEF && gs.st_shndx < SHN_LORESERVE)) {
            size_t ndx = gs.st_shndx == SHN_XINDEX ? xndx : gs.st_shndx;

            if (ndx >= o->nsecs)
                return log_error("%s: symbol %s: bad section index", o->path, s->name);
            s->sec = &o->secs[ndx];
        }
    }
    return 0;
}

/* Entry @j of a relocation section, as RELA (addend 0 for REL). */
static int get_reloc(Elf_Data *d, bool rela, size_t j, GElf_Rela *ra)
{
    GElf_Rel rl;

    if (rela)
        return gelf_getrela(d, (int)j, ra) ? 0 : -1;
    if (!gelf_getrel(d, (int)j, &rl))
        return -1;
    *ra = (GElf_Rela){ rl.r_offset, rl.r_info, 0 };
    return 0;
}

static int read_relocs(struct object *o, Elf *elf)
{
    size_t total = 0, k = 0;

    for (size_t i = 1; i < o->nsecs; i++)
        if (sec_is_rel(&o->secs[i]) && o->secs[i].entsize)
            total += o->secs[i].size / o->secs[i].entsize;
    o->relocs = calloc(total ? total : 1, sizeof(*o->relocs));
    if (!o->relocs)
        return log_error("out of memory");
    for (size_t i = 1; i < o->nsecs; i++) {
        struct section *s = &o->secs[i];
        Elf_Data *d;
        size_t n;

        if (!sec_is_rel(s))
            continue;
        if (!s->entsize || s->info == 0 || s->info >= o->nsecs || !(d = section_data(elf, i)))
            return log_error("%s: bad relocation section %s", o->path, s->name);
        n = s->size / s->entsize;
        s->base = &o->secs[s->info];
        s->base->relsec = s;
        s->base->relocs = s->relocs = &o->relocs[k];
        s->base->nrelocs = s->nrelocs = n;
        for (size_t j = 0; j < n; j++, k++) {
            struct reloc *r = &o->relocs[k];
            GElf_Rela ra;
            size_t sym;

            if (get_reloc(d, s->type == SHT_RELA, j, &ra))
                return log_error("%s: bad relocation %zu in %s", o->path, j, s->name);
            sym = GELF_R_SYM(ra.r_info);
            if (sym >= o->nsyms)
                return log_error("%s: %s: relocation %zu: bad symbol", o->path, s->name, j);
            r->offset = ra.r_offset;
            r->type = (uint32_t)GELF_R_TYPE(ra.r_info);
            r->addend = ra.r_addend;
            r->sym = &o->syms[sym];
        }
    }
    o->nrelocs = total;
    return 0;
}

int elf_io_read(struct object *o, const char *path)
{
    struct handle *h = calloc(1, sizeof(*h));

    if (!h)
        return log_error("out of memory");
    o->path = path;
    o->elf = h;
    h->elf = open_elf(path, &h->fd);
    if (!h->elf) {
        o->elf = NULL;
        free(h);
        return -1;
    }
    if (read_header(o, h->elf) || read_sections(o, h->elf) || read_symbols(o, h->elf) ||
        read_relocs(o, h->elf))
        return -1;
    return 0;
}

void elf_io_close(struct object *o)
{
    struct handle *h = o->elf;

    if (!h)
        return;
    elf_end(h->elf);
    close(h->fd);
    free(h);
    o->elf = NULL;
}

int elf_io_symbols(const char *path, int (*fn)(void *ctx, const struct elf_io_sym *s), void *ctx)
{
    int fd, rc = 0;
    Elf *elf = open_elf(path, &fd);
    Elf_Scn *scn = NULL;
    GElf_Shdr sh;
    Elf_Data *d;

    if (!elf)
        return -1;
    while ((scn = elf_nextscn(elf, scn)) && (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB))
        ;
    if (!scn || !sh.sh_entsize || !(d = elf_getdata(scn, NULL))) {
        rc = log_error("%s: no symbol table", path);
        goto out;
    }
    for (size_t i = 1; !rc && i < sh.sh_size / sh.sh_entsize; i++) {
        GElf_Sym gs;
        struct elf_io_sym s;

        if (!gelf_getsym(d, (int)i, &gs) || !(s.name = elf_strptr(elf, sh.sh_link, gs.st_name))) {
            rc = log_error("%s: bad symbol %zu", path, i);
            break;
        }
        s.type = GELF_ST_TYPE(gs.st_info);
        s.bind = GELF_ST_BIND(gs.st_info);
        s.shndx = gs.st_shndx;
        s.value = gs.st_value;
        s.size = gs.st_size;
        rc = fn(ctx, &s);
    }
out:
    elf_end(elf);
    close(fd);
    return rc;
}

/* A string table under construction. */
struct strtab {
    char *buf;
    size_t len, cap;
};

static size_t strtab_add(struct strtab *t, const char *s)
{
    size_t n = strlen(s) + 1, at = t->len;

    if (t->len + n > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        char *b;

        while (cap < t->len + n)
            cap *= 2;
        b = realloc(t->buf, cap);
        if (!b)
            return (size_t)-1;
        t->buf = b;
        t->cap = cap;
    }
    memcpy(t->buf + at, s, n);
    t->len += n;
    return at;
}

/* A new section with one data buffer; gelf_update_* need the data attached to it. */
static Elf_Data *new_section(Elf *elf, GElf_Shdr *sh, void *buf, size_t size, Elf_Type type,
                             size_t align)
{
    Elf_Scn *scn = elf_newscn(elf);
    Elf_Data *d = scn ? elf_newdata(scn) : NULL;

    if (!d)
        return NULL;
    d->d_buf = buf;
    d->d_size = size;
    d->d_type = type;
    d->d_align = align ? align : 1;
    d->d_version = EV_CURRENT;
    sh->sh_size = size;
    return gelf_update_shdr(scn, sh) ? d : NULL;
}

static int encode_rels(Elf_Data *d, const struct out_sec *s, bool rela)
{
    for (size_t j = 0; j < s->nrels; j++) {
        const struct out_rel *r = &s->rels[j];
        GElf_Rela ra = { r->offset, GELF_R_INFO(r->sym, r->type), r->addend };
        GElf_Rel rl = { r->offset, GELF_R_INFO(r->sym, r->type) };

        if (rela ? !gelf_update_rela(d, (int)j, &ra) : !gelf_update_rel(d, (int)j, &rl))
            return -1;
    }
    return 0;
}

static int encode_syms(Elf_Data *d, const struct out_object *out, struct strtab *names)
{
    for (size_t i = 0; i < out->nsyms; i++) {
        const struct out_sym *s = &out->syms[i];
        size_t name = *s->name ? strtab_add(names, s->name) : 0;
        GElf_Sym gs = { .st_name = (Elf64_Word)name,
                        .st_info = GELF_ST_INFO(s->bind, s->type),
                        .st_other = s->other,
                        .st_shndx = s->shndx,
                        .st_value = s->value,
                        .st_size = s->size };

        if (name == (size_t)-1 || !gelf_update_sym(d, (int)i, &gs))
            return -1;
    }
    return 0;
}

static int write_elf(Elf *elf, const struct out_object *out, void **bufs, struct strtab *shstr,
                     struct strtab *str)
{
    size_t symtab = out->nsecs + 1, n = 0, size;
    bool rela = out->rela;
    Elf_Type rtype = rela ? ELF_T_RELA : ELF_T_REL;
    GElf_Ehdr eh;
    GElf_Shdr sh;
    Elf_Data *d;

    if (!gelf_newehdr(elf, out->elf_class) || !gelf_getehdr(elf, &eh))
        return -1;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_OSABI] = out->osabi;
    eh.e_type = ET_REL;
    eh.e_machine = out->machine;
    eh.e_version = EV_CURRENT;
    eh.e_flags = out->e_flags;
    strtab_add(shstr, "");
    strtab_add(str, "");
    for (size_t i = 0; i < out->nsecs; i++) {
        const struct out_sec *s = &out->secs[i];
        bool is_rel = s->type == SHT_REL || s->type == SHT_RELA;
        void *buf = s->data;

        size = s->size;
        memset(&sh, 0, sizeof(sh));
        sh.sh_name = (Elf64_Word)strtab_add(shstr, s->name);
        sh.sh_type = s->type;
        sh.sh_flags = s->flags;
        sh.sh_addralign = s->align;
        sh.sh_entsize = s->entsize;
        if (is_rel) {
            size = gelf_fsize(elf, rtype, s->nrels, EV_CURRENT);
            buf = bufs[n++] = calloc(1, size ? size : 1);
            if (!buf)
                return -1;
            sh.sh_link = (Elf64_Word)symtab;
            sh.sh_info = s->info;
            sh.sh_flags |= SHF_INFO_LINK;
            sh.sh_entsize = gelf_fsize(elf, rtype, 1, EV_CURRENT);
        }
        d = new_section(elf, &sh, buf, size, is_rel ? rtype : ELF_T_BYTE, s->align);
        if (!d || (is_rel && encode_rels(d, s, rela)))
            return -1;
    }
    size = gelf_fsize(elf, ELF_T_SYM, out->nsyms, EV_CURRENT);
    bufs[n] = calloc(1, size);
    memset(&sh, 0, sizeof(sh));
    sh.sh_name = (Elf64_Word)strtab_add(shstr, ".symtab");
    sh.sh_type = SHT_SYMTAB;
    sh.sh_link = (Elf64_Word)symtab + 1;
    sh.sh_info = (Elf64_Word)out->first_global;
    sh.sh_entsize = gelf_fsize(elf, ELF_T_SYM, 1, EV_CURRENT);
    sh.sh_addralign = out->elf_class == ELFCLASS64 ? 8 : 4;
    if (!bufs[n] || !(d = new_section(elf, &sh, bufs[n], size, ELF_T_SYM, sh.sh_addralign)) ||
        encode_syms(d, out, str))
        return -1;
    memset(&sh, 0, sizeof(sh));
    sh.sh_name = (Elf64_Word)strtab_add(shstr, ".strtab");
    sh.sh_type = SHT_STRTAB;
    sh.sh_addralign = 1;
    if (!new_section(elf, &sh, str->buf, str->len, ELF_T_BYTE, 1))
        return -1;
    sh.sh_name = (Elf64_Word)strtab_add(shstr, ".shstrtab");
    if (!shstr->buf || !new_section(elf, &sh, shstr->buf, shstr->len, ELF_T_BYTE, 1))
        return -1;
    eh.e_shstrndx = (Elf64_Half)(symtab + 2);
    if (!gelf_update_ehdr(elf, &eh) || elf_update(elf, ELF_C_WRITE) < 0)
        return -1;
    return 0;
}

int elf_io_write(const char *path, const struct out_object *out)
{
    struct strtab shstr = { 0 }, str = { 0 };
    void **bufs = calloc(out->nsecs + 1, sizeof(*bufs));
    int fd, rc = -1;
    Elf *elf = NULL;

    if (elf_version(EV_CURRENT) == EV_NONE || !bufs)
        goto out;
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        free(bufs);
        return log_error("%s: %s", path, strerror(errno));
    }
    elf = elf_begin(fd, ELF_C_WRITE, NULL);
    if (elf)
        rc = write_elf(elf, out, bufs, &shstr, &str);
    elf_end(elf);
    close(fd);
out:
    for (size_t i = 0; bufs && i <= out->nsecs; i++)
        free(bufs[i]);
    free(bufs);
    free(shstr.buf);
    free(str.buf);
    if (rc)
        return log_error("%s: cannot write: %s", path, elf_errmsg(-1));
    return 0;
}
