/* SPDX-License-Identifier: MIT */
/* Live-patch payloads built in memory: see payload_image.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <hv/mm.h>

#include "../../hypervisor/common/livepatch/private.h"
#include "fake.h"
#include "payload_image.h"

#define ALIGN8(x) (((x) + 7) & ~(size_t)7)
#define MAX_OUT_SECS (2 * PI_MAX_SECS + 3)

_Static_assert(PI_TEXT_ADDR + PI_TEXT_SIZE < VMAP_START && VMAP_END - PI_TEXT_ADDR < 0x80000000UL,
               "the fake text must be within a 5-byte jump of the vmap area");

static __attribute__((noreturn)) void pi_fatal(const char *what)
{
    fprintf(stderr, "payload_image: %s\n", what);
    abort();
}

/* --- The description ------------------------------------------------------- */

struct payload_image *pi_new(void)
{
    struct payload_image *pi = calloc(1, sizeof(*pi));

    if (!pi)
        pi_fatal("out of memory");
    pi->nsec = 1;
    pi->nsym = 1;
    return pi;
}

void pi_free(struct payload_image *pi)
{
    if (pi)
        free(pi->buf);
    free(pi);
}

static void set_name(char *out, const char *name)
{
    if (strlen(name) >= PI_NAME_MAX)
        pi_fatal("name too long");
    strcpy(out, name);
}

unsigned int pi_add_section(struct payload_image *pi, const char *name, uint32_t type,
                            uint64_t flags, uint64_t align, const void *data, uint64_t size)
{
    struct pi_sec *s = &pi->sec[pi->nsec];

    if (pi->nsec == PI_MAX_SECS)
        pi_fatal("too many sections");
    *s = (struct pi_sec){ .type = type, .flags = flags, .align = align, .size = size };
    set_name(s->name, name);
    if (type != SHT_NOBITS) {
        size_t at = ALIGN8(pi->arena_len);

        if (size > PI_ARENA_SIZE - at)
            pi_fatal("arena full");
        if (data)
            memcpy(pi->arena + at, data, size);
        else
            memset(pi->arena + at, 0, size);
        s->data = at;
        pi->arena_len = at + size;
    }
    return pi->nsec++;
}

unsigned int pi_add_symbol(struct payload_image *pi, const char *name, uint8_t bind, uint8_t type,
                           uint16_t shndx, uint64_t value, uint64_t size)
{
    struct pi_sym *s = &pi->sym[pi->nsym];

    if (pi->nsym == PI_MAX_SYMS)
        pi_fatal("too many symbols");
    *s = (struct pi_sym){
        .info = (uint8_t)(bind << 4 | type), .shndx = shndx, .value = value, .size = size
    };
    set_name(s->name, name);
    return pi->nsym++;
}

void pi_add_rela(struct payload_image *pi, unsigned int sec, uint64_t offset, uint32_t type,
                 uint32_t sym, int64_t addend)
{
    if (pi->nrela == PI_MAX_RELAS)
        pi_fatal("too many relocations");
    pi->rela[pi->nrela++] = (struct pi_rela){ sec, offset, type, sym, addend };
}

unsigned int pi_section(const struct payload_image *pi, const char *name)
{
    for (unsigned int i = 1; i < pi->nsec; i++)
        if (!strcmp(pi->sec[i].name, name))
            return i;
    return 0;
}

unsigned int pi_symbol(const struct payload_image *pi, const char *name)
{
    for (unsigned int i = 1; i < pi->nsym; i++)
        if (!strcmp(pi->sym[i].name, name))
            return i;
    return 0;
}

unsigned int pi_section_sym(const struct payload_image *pi, const char *name)
{
    unsigned int s = pi_section(pi, name);

    for (unsigned int i = 1; i < pi->nsym; i++)
        if (ELF_ST_TYPE(pi->sym[i].info) == STT_SECTION && pi->sym[i].shndx == s)
            return i;
    return 0;
}

static unsigned int must_find(const struct payload_image *pi, const char *name)
{
    unsigned int i = pi_section(pi, name);

    if (!i)
        pi_fatal(name);
    return i;
}

void pi_rename(struct payload_image *pi, const char *name, const char *new_name)
{
    set_name(pi->sec[must_find(pi, name)].name, new_name);
}

uint8_t *pi_contents(struct payload_image *pi, const char *name)
{
    return pi->arena + pi->sec[must_find(pi, name)].data;
}

struct livepatch_func *pi_func(struct payload_image *pi, unsigned int i)
{
    return (struct livepatch_func *)(void *)(pi_contents(pi, ".livepatch.funcs") +
                                             i * sizeof(struct livepatch_func));
}

unsigned int pi_add_note(struct payload_image *pi, const char *name, const void *id, size_t len)
{
    uint8_t note[sizeof(Elf_Note) + 4 + 64] = { 0 };
    Elf_Note hdr = { 4, (uint32_t)len, NT_GNU_BUILD_ID };

    if (len > 64)
        pi_fatal("build-id too long");
    memcpy(note, &hdr, sizeof(hdr));
    memcpy(note + sizeof(hdr), "GNU", 4);
    memcpy(note + sizeof(hdr) + 4, id, len);
    return pi_add_section(pi, name, SHT_NOTE, SHF_ALLOC, 4, note,
                          sizeof(hdr) + 4 + ((len + 3) & ~(size_t)3));
}

unsigned int pi_add_hooks(struct payload_image *pi, const char *name, unsigned int n)
{
    unsigned int s = pi_add_section(pi, name, SHT_PROGBITS, SHF_ALLOC, 8, NULL, 8 * (uint64_t)n);
    for (unsigned int i = 0; i < n; i++)
        pi_add_rela(pi, s, 8 * (uint64_t)i, PI_R_X86_64_64, pi->hook_sym, 0);
    return s;
}

/* --- The valid payload ------------------------------------------------------ */

static const uint8_t valid_text[48] = {
    /* pi_new_func: lea .rodata(%rip), %rax; ret */
    0x48, 0x8d, 0x05, 0x00, 0x00, 0x00, 0x00, 0xc3, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc,
    /* pi_helper_<seed>: ret */
    0xc3, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc,
    /* pi_hook_<seed>: ret */
    0xc3, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc
};
static const char valid_rodata[] = "pi_old_func\0pi_nop_func"; /* names at 0 and 12 */
#define NOP_NAME_OFF 12

struct payload_image *pi_valid(unsigned int seed)
{
    struct payload_image *pi = pi_new();
    char id[21], name[PI_NAME_MAX], modinfo[64];
    unsigned int text, rodata, data, bss, funcs, s_rodata, s_bss, s_old, s_new, s_hv;
    struct livepatch_func *f;
    int n;

    text = pi_add_section(pi, ".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 16, valid_text,
                          sizeof(valid_text));
    rodata = pi_add_section(pi, ".rodata", SHT_PROGBITS, SHF_ALLOC, 8, valid_rodata,
                            sizeof(valid_rodata));
    data = pi_add_section(pi, ".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 8, NULL, 16);
    bss = pi_add_section(pi, ".bss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, 8, NULL, 64);
    funcs = pi_add_section(pi, ".livepatch.funcs", SHT_PROGBITS, SHF_ALLOC, 8, NULL,
                           2 * sizeof(struct livepatch_func));
    pi_add_note(pi, ".livepatch.depends", FAKE_BUILD_ID, FAKE_BUILD_ID_LEN);
    pi_add_note(pi, ".livepatch.xen_depends", FAKE_BUILD_ID, FAKE_BUILD_ID_LEN);
    snprintf(id, sizeof(id), "pi-payload-id-%06u", seed % 1000000);
    pi_add_note(pi, ".note.gnu.build-id", id, 20);
    n = snprintf(modinfo, sizeof(modinfo), "version=1%cseed=%u", 0, seed);
    pi_add_section(pi, ".modinfo", SHT_PROGBITS, SHF_ALLOC, 1, modinfo, (uint64_t)n + 1);

    pi_add_symbol(pi, "", STB_LOCAL, STT_SECTION, (uint16_t)text, 0, 0);
    s_rodata = pi_add_symbol(pi, "", STB_LOCAL, STT_SECTION, (uint16_t)rodata, 0, 0);
    s_bss = pi_add_symbol(pi, "", STB_LOCAL, STT_SECTION, (uint16_t)bss, 0, 0);
    s_old = pi_add_symbol(pi, "pi_old_abs", STB_LOCAL, STT_NOTYPE, SHN_ABS, PI_OLD_FUNC, 0);
    snprintf(name, sizeof(name), "pi_hook_%u", seed);
    pi->hook_sym = pi_add_symbol(pi, name, STB_LOCAL, STT_FUNC, (uint16_t)text, 32, 16);
    s_new = pi_add_symbol(pi, "pi_new_func", STB_GLOBAL, STT_FUNC, (uint16_t)text, 0, 16);
    snprintf(name, sizeof(name), "pi_helper_%u", seed);
    pi_add_symbol(pi, name, STB_GLOBAL, STT_FUNC, (uint16_t)text, 16, 16);
    s_hv = pi_add_symbol(pi, "fake_data", STB_GLOBAL, STT_NOTYPE, SHN_UNDEF, 0, 0);

    pi_add_rela(pi, text, 3, PI_R_X86_64_PC32, s_rodata, -4);
    pi_add_rela(pi, data, 0, PI_R_X86_64_64, s_hv, 0);
    pi_add_rela(pi, data, 8, PI_R_X86_64_64, s_bss, 8);
    pi_add_rela(pi, funcs, offsetof(struct livepatch_func, name), PI_R_X86_64_64, s_rodata, 0);
    pi_add_rela(pi, funcs, offsetof(struct livepatch_func, new_addr), PI_R_X86_64_64, s_new, 0);
    pi_add_rela(pi, funcs, offsetof(struct livepatch_func, old_addr), PI_R_X86_64_64, s_old, 0);
    pi_add_rela(pi, funcs, sizeof(struct livepatch_func) + offsetof(struct livepatch_func, name),
                PI_R_X86_64_64, s_rodata, NOP_NAME_OFF);

    f = pi_func(pi, 0);
    f->new_size = 16;
    f->old_size = PI_OLD_FUNC_SIZE;
    f->version = LIVEPATCH_PAYLOAD_VERSION;
    f = pi_func(pi, 1);
    f->old_addr = (void *)PI_OLD_NOP;
    f->new_size = 3;
    f->old_size = PI_OLD_FUNC_SIZE;
    f->version = LIVEPATCH_PAYLOAD_VERSION;
    return pi;
}

/* --- Writing the image ---------------------------------------------------- */

struct out_sec {
    Elf64_Shdr sh;
    const uint8_t *data; /* NULL: NOBITS */
};

/* Appends @s and its NUL to a string table; returns its offset. */
static uint32_t add_string(uint8_t *tab, size_t *len, size_t cap, const char *s)
{
    size_t n = strlen(s) + 1, at = *len;

    if (!*s)
        return 0;
    if (n > cap - at)
        pi_fatal("string table full");
    memcpy(tab + at, s, n);
    *len += n;
    return (uint32_t)at;
}

/* Fills out[] and the generated contents (string tables, symbols, relocations). */
static unsigned int describe(struct payload_image *pi, struct out_sec *out, uint8_t *shstr,
                             size_t *shstr_len, uint8_t *str, size_t *str_len, Elf64_Sym *syms,
                             Elf64_Rela *relas)
{
    size_t cap = PI_MAX_SECS * 2 * (PI_NAME_MAX + 8);
    unsigned int n = pi->nsec, first_global = pi->nsym, r = 0;

    for (unsigned int i = 1; i < pi->nsec; i++) {
        const struct pi_sec *s = &pi->sec[i];

        out[i].sh = (Elf64_Shdr){ .sh_name = add_string(shstr, shstr_len, cap, s->name),
                                  .sh_type = s->type,
                                  .sh_flags = s->flags,
                                  .sh_size = s->size,
                                  .sh_link = s->link,
                                  .sh_info = s->info,
                                  .sh_addralign = s->align,
                                  .sh_entsize = s->entsize };
        out[i].data = s->type == SHT_NOBITS ? NULL : pi->arena + s->data;
    }
    memset(pi->rela_sec, 0, sizeof(pi->rela_sec));
    for (unsigned int i = 1; i < pi->nsec; i++) {
        char name[PI_NAME_MAX + 8];
        unsigned int first = r;

        for (unsigned int k = 0; k < pi->nrela; k++) {
            const struct pi_rela *x = &pi->rela[k];

            if (x->sec == i)
                relas[r++] = (Elf64_Rela){ x->offset, (uint64_t)x->sym << 32 | x->type, x->addend };
        }
        if (r == first)
            continue;
        snprintf(name, sizeof(name), ".rela%s", pi->sec[i].name);
        pi->rela_sec[i] = n;
        out[n++] = (struct out_sec){ { .sh_name = add_string(shstr, shstr_len, cap, name),
                                       .sh_type = SHT_RELA,
                                       .sh_flags = PI_SHF_INFO_LINK,
                                       .sh_size = (r - first) * sizeof(Elf64_Rela),
                                       .sh_info = i,
                                       .sh_addralign = 8,
                                       .sh_entsize = sizeof(Elf64_Rela) },
                                     (const uint8_t *)&relas[first] };
    }
    pi->symtab = n++;
    pi->strtab = n++;
    pi->shstrtab = n++;
    for (unsigned int i = 1; i < pi->nsec; i++)
        if (pi->rela_sec[i])
            out[pi->rela_sec[i]].sh.sh_link = pi->symtab;
    for (unsigned int i = 1; i < pi->nsym; i++) {
        const struct pi_sym *s = &pi->sym[i];

        if (ELF_ST_BIND(s->info) != STB_LOCAL && first_global == pi->nsym)
            first_global = i;
        syms[i] = (Elf64_Sym){ .st_name = add_string(str, str_len, cap, s->name),
                               .st_info = s->info,
                               .st_shndx = s->shndx,
                               .st_value = s->value,
                               .st_size = s->size };
    }
    out[pi->symtab] = (struct out_sec){ { .sh_name = add_string(shstr, shstr_len, cap, ".symtab"),
                                          .sh_type = SHT_SYMTAB,
                                          .sh_size = pi->nsym * sizeof(Elf64_Sym),
                                          .sh_link = pi->strtab,
                                          .sh_info = first_global,
                                          .sh_addralign = 8,
                                          .sh_entsize = sizeof(Elf64_Sym) },
                                        (const uint8_t *)syms };
    out[pi->strtab].sh = (Elf64_Shdr){ .sh_name = add_string(shstr, shstr_len, cap, ".strtab"),
                                       .sh_type = SHT_STRTAB,
                                       .sh_size = *str_len,
                                       .sh_addralign = 1 };
    out[pi->strtab].data = str;
    out[pi->shstrtab].sh = (Elf64_Shdr){ .sh_name = add_string(shstr, shstr_len, cap, ".shstrtab"),
                                         .sh_type = SHT_STRTAB,
                                         .sh_addralign = 1 };
    out[pi->shstrtab].sh.sh_size = *shstr_len; /* after adding its own name */
    out[pi->shstrtab].data = shstr;
    return n;
}

void pi_build(struct payload_image *pi)
{
    static struct out_sec out[MAX_OUT_SECS];
    static uint8_t shstr[PI_MAX_SECS * 2 * (PI_NAME_MAX + 8)],
        str[PI_MAX_SECS * 2 * (PI_NAME_MAX + 8)];
    static Elf64_Sym syms[PI_MAX_SYMS];
    static Elf64_Rela relas[PI_MAX_RELAS];
    size_t shstr_len = 1, str_len = 1, off;
    Elf64_Ehdr eh = { .e_ident = { 0x7f, 'E', 'L', 'F', ELFCLASS64, ELFDATA2LSB, EV_CURRENT },
                      .e_type = ET_REL,
                      .e_machine = EM_X86_64,
                      .e_version = EV_CURRENT,
                      .e_shoff = sizeof(Elf64_Ehdr),
                      .e_ehsize = sizeof(Elf64_Ehdr),
                      .e_shentsize = sizeof(Elf64_Shdr) };

    memset(out, 0, sizeof(out));
    memset(syms, 0, sizeof(syms));
    shstr[0] = str[0] = '\0';
    pi->shnum = describe(pi, out, shstr, &shstr_len, str, &str_len, syms, relas);
    eh.e_shnum = (uint16_t)pi->shnum;
    eh.e_shstrndx = (uint16_t)pi->shstrtab;
    off = sizeof(eh) + pi->shnum * sizeof(Elf64_Shdr);
    for (unsigned int i = 1; i < pi->shnum; i++) {
        off = ALIGN8(off);
        out[i].sh.sh_offset = off;
        if (out[i].data)
            off += out[i].sh.sh_size;
    }
    free(pi->buf);
    pi->len = off;
    pi->buf = calloc(1, off);
    if (!pi->buf)
        pi_fatal("out of memory");
    memcpy(pi->buf, &eh, sizeof(eh));
    for (unsigned int i = 0; i < pi->shnum; i++) {
        memcpy(pi->buf + sizeof(eh) + i * sizeof(Elf64_Shdr), &out[i].sh, sizeof(Elf64_Shdr));
        if (out[i].data)
            memcpy(pi->buf + out[i].sh.sh_offset, out[i].data, out[i].sh.sh_size);
    }
}

struct payload_image *pi_valid_built(unsigned int seed)
{
    struct payload_image *pi = pi_valid(seed);

    pi_build(pi);
    return pi;
}

/* --- Views of the image ----------------------------------------------------- */

Elf64_Ehdr *pi_ehdr(struct payload_image *pi)
{
    return (Elf64_Ehdr *)(void *)pi->buf;
}

Elf64_Shdr *pi_shdr(struct payload_image *pi, unsigned int i)
{
    if (i >= pi->shnum)
        pi_fatal("no such section");
    return (Elf64_Shdr *)(void *)(pi->buf + sizeof(Elf64_Ehdr) + i * sizeof(Elf64_Shdr));
}

uint8_t *pi_bytes(struct payload_image *pi, unsigned int i)
{
    return pi->buf + pi_shdr(pi, i)->sh_offset;
}

Elf64_Sym *pi_sym(struct payload_image *pi, unsigned int i)
{
    if (i >= pi->nsym)
        pi_fatal("no such symbol");
    return (Elf64_Sym *)(void *)(pi_bytes(pi, pi->symtab) + i * sizeof(Elf64_Sym));
}

Elf64_Rela *pi_rela(struct payload_image *pi, unsigned int sec, unsigned int n)
{
    if (sec >= PI_MAX_SECS || !pi->rela_sec[sec] ||
        n >= pi_shdr(pi, pi->rela_sec[sec])->sh_size / sizeof(Elf64_Rela))
        pi_fatal("no such relocation");
    return (Elf64_Rela *)(void *)(pi_bytes(pi, pi->rela_sec[sec]) + n * sizeof(Elf64_Rela));
}

/*
 * What needs the hypervisor's code: the fake text, memory accounting and
 * uploads.  The fuzzer's corpus generator builds images only.
 */
#ifndef PI_BUILDER_ONLY

/* --- The fake hypervisor text ---------------------------------------------- */

static const uint8_t old_body[] = {
    0x55, 0x48, 0x89, 0xe5, 0xb8, 0x01, 0x00, 0x00, 0x00, 0x5d, 0xc3
}; /* push; mov; pop; ret */
static const uint8_t endbr64[] = { 0xf3, 0x0f, 0x1e, 0xfa };

void pi_text_init(void)
{
    static bool mapped;
    uint8_t *t = (uint8_t *)PI_TEXT_ADDR;

    if (!mapped && mmap(t, PI_TEXT_SIZE, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) != t)
        pi_fatal("cannot map the fake hypervisor text");
    mapped = true;
    memset(t, 0xcc, PI_TEXT_SIZE); /* int3 between functions */
    memcpy(t + (PI_OLD_FUNC - PI_TEXT_ADDR), old_body, sizeof(old_body));
    memcpy(t + (PI_OLD_ENDBR - PI_TEXT_ADDR), endbr64, sizeof(endbr64));
    memcpy(t + (PI_OLD_ENDBR - PI_TEXT_ADDR) + sizeof(endbr64), old_body, sizeof(old_body));
    memcpy(t + (PI_OLD_NOP - PI_TEXT_ADDR), old_body, sizeof(old_body));
    memcpy(t + (PI_OLD_SMALL - PI_TEXT_ADDR), "\x31\xc0\xc3", 3); /* xor eax, eax; ret */
    fake_text_set(t, PI_TEXT_SIZE);
}

/* --- Memory accounting ----------------------------------------------------- */

void pi_mem_warm(void)
{
    enum { PER_CLASS = 48, CLASSES = 7 };
    void *p[CLASSES][PER_CLASS];

    for (unsigned int c = 0; c < CLASSES; c++)
        for (unsigned int i = 0; i < PER_CLASS; i++)
            p[c][i] = xmalloc_bytes((size_t)16 << c);
    for (unsigned int c = 0; c < CLASSES; c++)
        for (unsigned int i = 0; i < PER_CLASS; i++)
            xfree(p[c][i]);
}

struct pi_mem pi_mem_now(void)
{
    unsigned long va = vmap_reserve(1);

    if (va)
        vmap_release(va, 1);
    return (struct pi_mem){ xmalloc_in_use(), free_page_count(), va };
}

bool pi_mem_same(const struct pi_mem *a, const struct pi_mem *b)
{
    return a->heap == b->heap && a->pages == b->pages && a->vmap == b->vmap;
}

struct pi_mem pi_baseline(void)
{
    pi_text_init();
    pi_mem_warm();
    return pi_mem_now();
}

bool pi_mem_back_to(const struct pi_mem *base)
{
    struct pi_mem now = pi_mem_now();

    return pi_mem_same(base, &now);
}

int pi_upload(const void *img, size_t len, const char *name)
{
    void *copy = malloc(len ? len : 1);
    int rc;

    if (!copy)
        pi_fatal("out of memory");
    memcpy(copy, img, len);
    rc = lp_upload(name, copy, len);
    free(copy);
    return rc;
}

const char *pi_check_upload(const void *img, size_t len, int err, const char *reason,
                            const struct pi_mem *base)
{
    static char why[768];
    const char *name = err ? "bad" : "good", *log;
    char prefix[32];
    struct pi_mem now;
    int rc;

    fake_console_clear();
    rc = pi_upload(img, len, name);
    log = fake_console_output();
    snprintf(prefix, sizeof(prefix), "livepatch: %s: ", name);
    if (rc != err) {
        snprintf(why, sizeof(why), "rc %d, expected %d; log: %s", rc, err, log);
        return why;
    }
    if (err && (!strstr(log, prefix) || !strstr(log, reason))) {
        snprintf(why, sizeof(why), "log lacks \"%s\": %s", reason, log);
        return why;
    }
    if (!err && lp_action(name, LIVEPATCH_ACTION_UNLOAD, 0, 0))
        return "cannot unload it";
    if (lp_find(name))
        return "a refused payload is registered";
    now = pi_mem_now();
    if (!pi_mem_same(base, &now)) {
        snprintf(
            why, sizeof(why),
            "memory not back to baseline: heap %zu -> %zu, pages %lu -> %lu, vmap %#lx -> %#lx",
            base->heap, now.heap, base->pages, now.pages, base->vmap, now.vmap);
        return why;
    }
    return NULL;
}
#endif /* PI_BUILDER_ONLY */
