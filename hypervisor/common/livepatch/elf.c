/* SPDX-License-Identifier: MIT */
/*
 * The checked ELF model of a payload (see hv/livepatch_elf.h).  Header,
 * then sections, then names; later the symbol table, then relocation
 * sections: each step relies only on what the steps before it checked.
 */
#include "private.h"
#include <hv/livepatch_elf.h>
#include <hv/console.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/mm.h>

#define EABI_VERSION_MASK 0xff000000u
#define EABI_VERSION_5 0x05000000u

void lp_elf_read_ehdr(const uint8_t *b, uint8_t cls, struct lp_elf_ehdr *h)
{
    if (cls == ELFCLASS64) {
        Elf64_Ehdr e;

        memcpy(&e, b, sizeof(e));
        *h =
            (struct lp_elf_ehdr){ e.e_type,   e.e_machine, e.e_flags,     e.e_phoff, e.e_shoff,
                                  e.e_ehsize, e.e_phnum,   e.e_shentsize, e.e_shnum, e.e_shstrndx };
    } else {
        Elf32_Ehdr e;

        memcpy(&e, b, sizeof(e));
        *h =
            (struct lp_elf_ehdr){ e.e_type,   e.e_machine, e.e_flags,     e.e_phoff, e.e_shoff,
                                  e.e_ehsize, e.e_phnum,   e.e_shentsize, e.e_shnum, e.e_shstrndx };
    }
}

static int check_header(struct lp_elf *elf, uint16_t machine, uint8_t cls, const char *who,
                        struct lp_elf_ehdr *h)
{
    const uint8_t *b = elf->buf;
    size_t ehsize = cls == ELFCLASS64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
    size_t shsize = cls == ELFCLASS64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);

    if (elf->len < ehsize || memcmp(b, "\177ELF", 4))
        return lp_refuse(-EINVAL, who, "not an ELF file");
    if (b[EI_CLASS] != cls || b[EI_DATA] != ELFDATA2LSB)
        return lp_refuse(-EOPNOTSUPP, who, "wrong ELF class or byte order for this hypervisor");
    if (b[EI_VERSION] != EV_CURRENT || b[EI_ABIVERSION] != 0 ||
        (b[EI_OSABI] != ELFOSABI_NONE && b[EI_OSABI] != ELFOSABI_FREEBSD))
        return lp_refuse(-EOPNOTSUPP, who, "unsupported ELF version or OS ABI");
    lp_elf_read_ehdr(b, cls, h);
    if (h->machine != machine)
        return lp_refuse(-EOPNOTSUPP, who, "built for machine %u, this hypervisor is %u",
                         h->machine, machine);
    if (h->type != ET_REL || h->phnum != 0)
        return lp_refuse(-EOPNOTSUPP, who,
                         "not a relocatable object (ET_REL without program headers)");
    if (machine == EM_ARM && (h->flags & EABI_VERSION_MASK) != EABI_VERSION_5)
        return lp_refuse(-EOPNOTSUPP, who, "ARM payload is not EABI version 5");
    if (h->shnum == 0 || h->shnum >= LP_MAX_SECTIONS)
        return lp_refuse(-EOPNOTSUPP, who, "%u sections (limit %u)", h->shnum, LP_MAX_SECTIONS - 1);
    if (h->shstrndx == SHN_UNDEF || h->shstrndx >= h->shnum)
        return lp_refuse(-EINVAL, who, "bad section name table index %u", h->shstrndx);
    if (h->shentsize < shsize ||
        !lp_elf_in_buf(h->shoff, (uint64_t)h->shnum * h->shentsize, elf->len))
        return lp_refuse(-EINVAL, who, "section header table outside the file");
    elf->machine = machine;
    elf->elf_class = cls;
    elf->e_flags = h->flags;
    return 0;
}

void lp_elf_read_shdr(const uint8_t *b, uint8_t cls, const struct lp_elf_ehdr *h, unsigned int i,
                      struct lp_elf_sec *s, uint32_t *name)
{
    const uint8_t *p = b + h->shoff + (uint64_t)i * h->shentsize;

    if (cls == ELFCLASS64) {
        Elf64_Shdr sh;

        memcpy(&sh, p, sizeof(sh));
        *name = sh.sh_name;
        *s = (struct lp_elf_sec){ .type = sh.sh_type,
                                  .flags = sh.sh_flags,
                                  .offset = sh.sh_offset,
                                  .size = sh.sh_size,
                                  .align = sh.sh_addralign,
                                  .entsize = sh.sh_entsize,
                                  .link = sh.sh_link,
                                  .info = sh.sh_info };
    } else {
        Elf32_Shdr sh;

        memcpy(&sh, p, sizeof(sh));
        *name = sh.sh_name;
        *s = (struct lp_elf_sec){ .type = sh.sh_type,
                                  .flags = sh.sh_flags,
                                  .offset = sh.sh_offset,
                                  .size = sh.sh_size,
                                  .align = sh.sh_addralign,
                                  .entsize = sh.sh_entsize,
                                  .link = sh.sh_link,
                                  .info = sh.sh_info };
    }
}

/* A string table must be SHT_STRTAB, non-empty, and start and end with NUL. */
static bool strtab_ok(const struct lp_elf_sec *s)
{
    return s->type == SHT_STRTAB && s->size > 0 && s->data && s->data[0] == '\0' &&
           s->data[s->size - 1] == '\0';
}

static int read_sections(struct lp_elf *elf, const struct lp_elf_ehdr *h, const char *who)
{
    const struct lp_elf_sec *names;

    elf->nsec = h->shnum;
    elf->sec = xzalloc_array(struct lp_elf_sec, elf->nsec);
    if (!elf->sec)
        return lp_refuse(-ENOMEM, who, "out of memory for %u sections", elf->nsec);
    for (unsigned int i = 1; i < elf->nsec; i++) {
        struct lp_elf_sec *s = &elf->sec[i];
        uint32_t name;

        lp_elf_read_shdr(elf->buf, elf->elf_class, h, i, s, &name);
        s->name = (const char *)(uintptr_t)name; /* resolved once the name table is known */
        if (s->align && (s->align & (s->align - 1)))
            return lp_refuse(-EOPNOTSUPP, who, "section %u: alignment %llu is not a power of two",
                             i, (unsigned long long)s->align);
        if (s->type != SHT_NOBITS) {
            if (s->offset <
                    (elf->elf_class == ELFCLASS64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr)) ||
                !lp_elf_in_buf(s->offset, s->size, elf->len))
                return lp_refuse(-EINVAL, who, "section %u: contents outside the file", i);
            s->data = elf->buf + s->offset;
        } else if ((s->flags & (SHF_ALLOC | SHF_WRITE)) == (SHF_ALLOC | SHF_WRITE) &&
                   s->size > MiB(2)) {
            return lp_refuse(-EINVAL, who, "section %u: %llu bytes of zeroed data is too much", i,
                             (unsigned long long)s->size);
        }
        if (s->size > MiB(16))
            return lp_refuse(-EINVAL, who, "section %u: too large", i);
    }
    names = &elf->sec[h->shstrndx];
    if (!strtab_ok(names))
        return lp_refuse(-EINVAL, who, "bad section name table");
    for (unsigned int i = 1; i < elf->nsec; i++) {
        uintptr_t off = (uintptr_t)elf->sec[i].name;

        if (off >= names->size)
            return lp_refuse(-EINVAL, who, "section %u: name outside the name table", i);
        elf->sec[i].name = (const char *)names->data + off;
    }
    elf->sec[0].name = "";
    return 0;
}

static void read_symbol(const struct lp_elf *elf, const struct lp_elf_sec *st, unsigned int i,
                        struct lp_elf_sym *out, uint32_t *name)
{
    const uint8_t *p = st->data + (uint64_t)i * st->entsize;

    if (elf->elf_class == ELFCLASS64) {
        Elf64_Sym s;

        memcpy(&s, p, sizeof(s));
        *name = s.st_name;
        *out = (struct lp_elf_sym){ .value = s.st_value,
                                    .size = s.st_size,
                                    .shndx = s.st_shndx,
                                    .type = ELF_ST_TYPE(s.st_info),
                                    .bind = ELF_ST_BIND(s.st_info) };
    } else {
        Elf32_Sym s;

        memcpy(&s, p, sizeof(s));
        *name = s.st_name;
        *out = (struct lp_elf_sym){ .value = s.st_value,
                                    .size = s.st_size,
                                    .shndx = s.st_shndx,
                                    .type = ELF_ST_TYPE(s.st_info),
                                    .bind = ELF_ST_BIND(s.st_info) };
    }
}

static int read_symbols(struct lp_elf *elf, const char *who)
{
    size_t symsize = elf->elf_class == ELFCLASS64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
    const struct lp_elf_sec *st = NULL, *str;

    for (unsigned int i = 1; i < elf->nsec; i++) {
        if (elf->sec[i].type != SHT_SYMTAB)
            continue;
        if (st)
            return lp_refuse(-EOPNOTSUPP, who, "more than one symbol table");
        st = &elf->sec[i];
        elf->symtab = i;
    }
    if (!st)
        return lp_refuse(-EINVAL, who, "no symbol table");
    if (st->link == 0 || st->link >= elf->nsec || st->entsize < symsize || st->size == 0 ||
        st->size % st->entsize)
        return lp_refuse(-EINVAL, who, "malformed symbol table");
    str = &elf->sec[st->link];
    if (!strtab_ok(str))
        return lp_refuse(-EINVAL, who, "bad symbol string table");
    elf->nsym = (unsigned int)(st->size / st->entsize);
    if (st->size / st->entsize > 65536)
        return lp_refuse(-EINVAL, who, "too many symbols");
    elf->sym = xzalloc_array(struct lp_elf_sym, elf->nsym);
    if (!elf->sym)
        return lp_refuse(-ENOMEM, who, "out of memory for %u symbols", elf->nsym);
    for (unsigned int i = 0; i < elf->nsym; i++) {
        uint32_t name;

        read_symbol(elf, st, i, &elf->sym[i], &name);
        if (name >= str->size)
            return lp_refuse(-EINVAL, who, "symbol %u: name outside the string table", i);
        elf->sym[i].name = (const char *)str->data + name;
        if (elf->machine == EM_ARM && elf->sym[i].name[0] == '$' && elf->sym[i].name[1] == 't' &&
            (elf->sym[i].name[2] == '\0' || elf->sym[i].name[2] == '.'))
            return lp_refuse(-EOPNOTSUPP, who, "Thumb code ($t) is not supported");
    }
    return 0;
}

static int check_relocations(const struct lp_elf *elf, const char *who)
{
    for (unsigned int i = 1; i < elf->nsec; i++) {
        const struct lp_elf_sec *r = &elf->sec[i];
        size_t ent;

        if (r->type != SHT_REL && r->type != SHT_RELA)
            continue;
        if (elf->elf_class == ELFCLASS64)
            ent = r->type == SHT_RELA ? sizeof(Elf64_Rela) : 16;
        else
            ent = r->type == SHT_RELA ? sizeof(Elf32_Rela) : sizeof(Elf32_Rel);
        if (r->link != elf->symtab)
            return lp_refuse(-EINVAL, who, "%s: not linked to the symbol table", r->name);
        if (r->info == 0 || r->info >= elf->nsec)
            return lp_refuse(-EINVAL, who, "%s: bad target section %u", r->name, r->info);
        if (r->size && (r->entsize < ent || r->size % r->entsize))
            return lp_refuse(-EINVAL, who, "%s: bad entry size", r->name);
    }
    return 0;
}

int lp_elf_parse(struct lp_elf *elf, const void *buf, size_t len, uint16_t machine,
                 uint8_t elf_class, const char *who)
{
    struct lp_elf_ehdr h = { 0 };
    int rc;

    memset(elf, 0, sizeof(*elf));
    elf->buf = buf;
    elf->len = len;
    rc = check_header(elf, machine, elf_class, who, &h);
    if (!rc)
        rc = read_sections(elf, &h, who);
    if (rc)
        lp_elf_free(elf);
    return rc;
}

int lp_elf_parse_symbols(struct lp_elf *elf, const char *who)
{
    int rc = read_symbols(elf, who);

    if (!rc)
        rc = check_relocations(elf, who);
    if (rc)
        lp_elf_free(elf);
    return rc;
}

void lp_elf_free(struct lp_elf *elf)
{
    xfree(elf->sec);
    xfree(elf->sym);
    memset(elf, 0, sizeof(*elf));
}

const struct lp_elf_sec *lp_elf_section(const struct lp_elf *elf, const char *name)
{
    for (unsigned int i = 1; i < elf->nsec; i++)
        if (!strcmp(elf->sec[i].name, name))
            return &elf->sec[i];
    return NULL;
}

size_t lp_elf_rel_count(const struct lp_elf *elf, const struct lp_elf_sec *rsec)
{
    (void)elf;
    return rsec->entsize ? (size_t)(rsec->size / rsec->entsize) : 0;
}

void lp_elf_rel_get(const struct lp_elf *elf, const struct lp_elf_sec *rsec, size_t i,
                    struct lp_elf_rel *out)
{
    const uint8_t *p = rsec->data + i * rsec->entsize;

    memset(out, 0, sizeof(*out));
    if (elf->elf_class == ELFCLASS64) {
        Elf64_Rela r = { 0 };

        memcpy(&r, p, rsec->type == SHT_RELA ? sizeof(Elf64_Rela) : 16);
        out->offset = r.r_offset;
        out->type = ELF64_R_TYPE(r.r_info);
        out->sym = ELF64_R_SYM(r.r_info);
        out->addend = rsec->type == SHT_RELA ? r.r_addend : 0;
    } else {
        Elf32_Rela r = { 0 };

        memcpy(&r, p, rsec->type == SHT_RELA ? sizeof(Elf32_Rela) : sizeof(Elf32_Rel));
        out->offset = r.r_offset;
        out->type = ELF32_R_TYPE(r.r_info);
        out->sym = ELF32_R_SYM(r.r_info);
        out->addend = rsec->type == SHT_RELA ? r.r_addend : 0;
    }
}
