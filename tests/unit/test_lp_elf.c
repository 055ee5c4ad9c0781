/* SPDX-License-Identifier: MIT */
/*
 * The live-patch loader refuses malformed ELF: each test takes the valid
 * payload of payload_image.h, breaks one thing in its header, section
 * table, string tables, symbols or relocations, and checks that
 * lp_upload() returns the right Xen errno, logs the payload's name and the
 * reason, registers nothing, and leaves heap, pages and vmap space exactly
 * as before.  Images are uploaded from exactly sized heap copies, so any
 * read past the end is an ASan report.
 *
 * Overlap is accepted on purpose: the loader only reads the image and
 * copies each section to memory of its own, so sections sharing file bytes
 * (with each other or the section table) cannot corrupt anything, and Xen
 * accepts them too.  Contents overlapping the ELF header are refused, as
 * in Xen.
 */
#include <stdio.h>
#include <string.h>

#include <hv/errno.h>
#include <hv/mm.h>

#include "../../hypervisor/common/livepatch/private.h"
#include "fake.h"
#include "fixture.h"
#include "payload_image.h"
#include "unit.h"

static struct pi_mem base;

static void setup(void)
{
    fixture_boot();
    base = pi_baseline();
}

TEST(the_valid_image_loads_and_unloads_to_baseline)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    LOADS(pi);
    LOADS(pi); /* and again: nothing of the first load is left to clash */
    pi_free(pi);
}

/* --- Header ---------------------------------------------------------------- */

TEST(truncated_header_is_not_an_elf_file)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    REFUSED_LEN(pi, 0, -EINVAL, "not an ELF file");
    REFUSED_LEN(pi, 4, -EINVAL, "not an ELF file");
    REFUSED_LEN(pi, sizeof(Elf64_Ehdr) - 1, -EINVAL, "not an ELF file");
    pi_free(pi);
}

TEST(bad_magic_is_not_an_elf_file)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    pi->buf[3] = 'G';
    REFUSED(pi, -EINVAL, "not an ELF file");
    pi_free(pi);
}

TEST(wrong_class_or_byte_order_is_eopnotsupp)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    pi->buf[EI_CLASS] = ELFCLASS32;
    REFUSED(pi, -EOPNOTSUPP, "wrong ELF class or byte order");
    pi->buf[EI_CLASS] = ELFCLASS64;
    pi->buf[EI_DATA] = PI_ELFDATA2MSB;
    REFUSED(pi, -EOPNOTSUPP, "wrong ELF class or byte order");
    pi->buf[EI_DATA] = ELFDATA2LSB;
    LOADS(pi); /* only those bytes were wrong */
    pi_free(pi);
}

TEST(ident_version_and_os_abi_are_checked)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    pi->buf[EI_VERSION] = 0;
    REFUSED(pi, -EOPNOTSUPP, "unsupported ELF version or OS ABI");
    pi->buf[EI_VERSION] = EV_CURRENT;
    pi->buf[EI_OSABI] = 3; /* Linux */
    REFUSED(pi, -EOPNOTSUPP, "unsupported ELF version or OS ABI");
    pi->buf[EI_OSABI] = 0;
    pi->buf[EI_ABIVERSION] = 1;
    REFUSED(pi, -EOPNOTSUPP, "unsupported ELF version or OS ABI");
    pi->buf[EI_ABIVERSION] = 0;
    pi->buf[EI_OSABI] = ELFOSABI_FREEBSD; /* accepted, as Xen does */
    LOADS(pi);
    pi_free(pi);
}

TEST(wrong_machine_is_eopnotsupp)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    pi_ehdr(pi)->e_machine = EM_AARCH64;
    REFUSED(pi, -EOPNOTSUPP, "built for machine 183, this hypervisor is 62");
    pi_ehdr(pi)->e_machine = EM_386;
    REFUSED(pi, -EOPNOTSUPP, "built for machine 3");
    pi_free(pi);
}

TEST(executables_and_program_headers_are_eopnotsupp)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    pi_ehdr(pi)->e_type = ET_EXEC;
    REFUSED(pi, -EOPNOTSUPP, "not a relocatable object");
    pi_ehdr(pi)->e_type = 3; /* ET_DYN */
    REFUSED(pi, -EOPNOTSUPP, "not a relocatable object");
    pi_ehdr(pi)->e_type = ET_REL;
    pi_ehdr(pi)->e_phnum = 1;
    REFUSED(pi, -EOPNOTSUPP, "not a relocatable object");
    pi_free(pi);
}

TEST(section_count_is_bounded)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    pi_ehdr(pi)->e_shnum = 0;
    REFUSED(pi, -EOPNOTSUPP, "0 sections (limit 1023)");
    pi_ehdr(pi)->e_shnum = LP_MAX_SECTIONS;
    REFUSED(pi, -EOPNOTSUPP, "1024 sections (limit 1023)");
    pi_free(pi);
}

TEST(section_name_table_index_out_of_range_is_einval)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    pi_ehdr(pi)->e_shstrndx = SHN_UNDEF;
    REFUSED(pi, -EINVAL, "bad section name table index 0");
    pi_ehdr(pi)->e_shstrndx = (uint16_t)pi->shnum;
    REFUSED(pi, -EINVAL, "bad section name table index");
    pi_ehdr(pi)->e_shstrndx = 0xffff;
    REFUSED(pi, -EINVAL, "bad section name table index");
    pi_ehdr(pi)->e_shstrndx = 1; /* .text: not a string table */
    REFUSED(pi, -EINVAL, "bad section name table");
    pi_free(pi);
}

TEST(section_table_outside_the_file_is_einval)
{
    struct payload_image *pi = pi_valid_built(1);
    uint64_t table = pi->shnum * sizeof(Elf64_Shdr);

    setup();
    pi_ehdr(pi)->e_shoff = pi->len;
    REFUSED(pi, -EINVAL, "section header table outside the file");
    pi_ehdr(pi)->e_shoff = pi->len - table + 1; /* its last byte is past the end */
    REFUSED(pi, -EINVAL, "section header table outside the file");
    pi_ehdr(pi)->e_shoff = ~0ULL - 63; /* offset + size wraps */
    REFUSED(pi, -EINVAL, "section header table outside the file");
    pi_ehdr(pi)->e_shoff = sizeof(Elf64_Ehdr);
    pi_ehdr(pi)->e_shentsize = sizeof(Elf64_Shdr) - 1;
    REFUSED(pi, -EINVAL, "section header table outside the file");
    pi_free(pi);
}

/* --- Truncation ---------------------------------------------------------- */

TEST(every_truncation_is_refused_without_leaks)
{
    struct payload_image *pi = pi_valid_built(1);
    unsigned int bad_rc = 0, leaks = 0;

    setup();
    for (size_t len = 0; len < pi->len; len++) {
        int rc = pi_upload(pi->buf, len, "bad");
        struct pi_mem now = pi_mem_now();

        bad_rc += rc != -EINVAL;
        leaks += !pi_mem_same(&base, &now) || lp_find("bad");
        fake_console_clear();
    }
    CHECK_EQ(bad_rc, 0);
    CHECK_EQ(leaks, 0);
    pi_free(pi);
}

TEST(truncation_is_refused_for_what_it_cuts)
{
    struct payload_image *pi = pi_valid_built(1);
    unsigned int text = pi_section(pi, ".text"), id = pi_section(pi, ".note.gnu.build-id");
    char reason[64];

    setup();
    REFUSED_LEN(pi, sizeof(Elf64_Ehdr) + 3 * sizeof(Elf64_Shdr) + 10, -EINVAL,
                "section header table outside the file");
    snprintf(reason, sizeof(reason), "section %u: contents outside the file", text);
    REFUSED_LEN(pi, pi_shdr(pi, text)->sh_offset + 5, -EINVAL, reason);
    snprintf(reason, sizeof(reason), "section %u: contents outside the file", id);
    REFUSED_LEN(pi, pi_shdr(pi, id)->sh_offset + sizeof(Elf_Note) + 2, -EINVAL, reason);
    REFUSED_LEN(pi, pi->len - 1, -EINVAL, "contents outside the file"); /* .shstrtab */
    pi_free(pi);
}

/* --- Section contents, sizes and alignment ---------------------------------- */

TEST(section_contents_outside_the_file_are_einval)
{
    struct payload_image *pi = pi_valid_built(1);
    unsigned int text = pi_section(pi, ".text");
    Elf64_Shdr *sh = pi_shdr(pi, text), saved = *sh;

    setup();
    sh->sh_offset = pi->len;
    sh->sh_size = 1;
    REFUSED(pi, -EINVAL, "section 1: contents outside the file");
    sh->sh_offset = pi->len - 8;
    sh->sh_size = 9;
    REFUSED(pi, -EINVAL, "section 1: contents outside the file");
    sh->sh_offset = ~0ULL - 7;
    sh->sh_size = 16; /* wraps */
    REFUSED(pi, -EINVAL, "section 1: contents outside the file");
    sh->sh_offset = 8; /* inside the ELF header */
    sh->sh_size = saved.sh_size;
    REFUSED(pi, -EINVAL, "section 1: contents outside the file");
    *sh = saved;
    pi_shdr(pi, pi_section(pi, ".bss"))->sh_offset = ~0ULL; /* NOBITS: offset unused */
    LOADS(pi);
    pi_free(pi);
}

TEST(overlapping_sections_are_accepted_and_copied_separately)
{
    struct payload_image *pi = pi_valid_built(1);
    Elf64_Shdr *ro = pi_shdr(pi, pi_section(pi, ".rodata"));
    Elf64_Shdr *mod = pi_shdr(pi, pi_section(pi, ".modinfo"));
    struct payload *p;

    setup();
    mod->sh_offset = ro->sh_offset; /* .modinfo shares .rodata's bytes */
    mod->sh_size = ro->sh_size;
    REQUIRE(pi_upload(pi->buf, pi->len, "good") == 0);
    p = lp_find("good");
    REQUIRE(p);
    CHECK_EQ(p->metadata_len, ro->sh_size);
    CHECK(p->metadata && !memcmp(p->metadata, "pi_old_func\0pi_nop_func", ro->sh_size));
    CHECK_STR(p->funcs[1].name, "pi_nop_func");
    CHECK(p->funcs[1].name != p->metadata + 12); /* its own copy in payload memory */
    CHECK_EQ(lp_action("good", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    mod->sh_offset = sizeof(Elf64_Ehdr); /* the section table: harmless too */
    mod->sh_size = sizeof(Elf64_Shdr);   /* the null section header: all zero */
    LOADS(pi);
    pi_free(pi);
}

TEST(alignment_must_be_a_power_of_two)
{
    struct payload_image *pi = pi_valid_built(1);
    Elf64_Shdr *sh = pi_shdr(pi, pi_section(pi, ".rodata"));

    setup();
    sh->sh_addralign = 3;
    REFUSED(pi, -EOPNOTSUPP, "alignment 3 is not a power of two");
    sh->sh_addralign = 0x30;
    REFUSED(pi, -EOPNOTSUPP, "alignment 48 is not a power of two");
    pi_shdr(pi, pi->strtab)->sh_addralign = 6; /* unloaded sections too */
    sh->sh_addralign = 8;
    REFUSED(pi, -EOPNOTSUPP, "alignment 6 is not a power of two");
    pi_shdr(pi, pi->strtab)->sh_addralign = 0; /* 0 means 1 */
    sh->sh_addralign = 0;
    LOADS(pi);
    pi_free(pi);
}

TEST(huge_alignment_does_not_fit_the_payload_limit)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    pi_shdr(pi, pi_section(pi, ".bss"))->sh_addralign = 1ULL << 40;
    REFUSED(pi, -EINVAL, "sections do not fit the 2 MiB payload limit");
    pi_shdr(pi, pi_section(pi, ".bss"))->sh_addralign = 1ULL << 63;
    REFUSED(pi, -EINVAL, "sections do not fit the 2 MiB payload limit");
    pi_free(pi);
}

TEST(zeroed_data_over_2_mib_is_einval)
{
    struct payload_image *pi = pi_valid_built(1);
    Elf64_Shdr *bss = pi_shdr(pi, pi_section(pi, ".bss"));

    setup();
    bss->sh_size = MiB(2) + 1;
    REFUSED(pi, -EINVAL, "bytes of zeroed data is too much");
    bss->sh_size = MiB(2); /* allowed alone, but .data needs room too */
    REFUSED(pi, -EINVAL, "sections do not fit the 2 MiB payload limit");
    bss->sh_size = MiB(2) - 64;
    LOADS(pi);
    pi_free(pi);
}

TEST(sections_over_16_mib_are_einval)
{
    struct payload_image *pi = pi_valid(1);
    unsigned int junk = pi_add_section(pi, ".junk", SHT_NOBITS, 0, 1, NULL, MiB(16) + 1);
    unsigned int ro = pi_add_section(pi, ".robss", SHT_NOBITS, SHF_ALLOC, 1, NULL, 0);

    setup();
    pi_build(pi);
    REFUSED(pi, -EINVAL, "too large");
    pi_shdr(pi, junk)->sh_size = MiB(16); /* never loaded: its size costs nothing */
    LOADS(pi);
    pi_shdr(pi, ro)->sh_size = MiB(3); /* read-only zeroes count against the limit */
    REFUSED(pi, -EINVAL, "sections do not fit the 2 MiB payload limit");
    pi_free(pi);
}

TEST(writable_executable_section_is_eopnotsupp)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    pi_shdr(pi, pi_section(pi, ".text"))->sh_flags |= SHF_WRITE;
    REFUSED(pi, -EOPNOTSUPP, "section .text is writable and executable");
    pi_free(pi);
}

/* --- Names and string tables ------------------------------------------------ */

TEST(section_name_outside_the_name_table_is_einval)
{
    struct payload_image *pi = pi_valid_built(1);
    Elf64_Shdr *mod = pi_shdr(pi, pi_section(pi, ".modinfo"));
    uint64_t size = pi_shdr(pi, pi->shstrtab)->sh_size;

    setup();
    mod->sh_name = (uint32_t)size;
    REFUSED(pi, -EINVAL, "name outside the name table");
    mod->sh_name = 0xffffffff;
    REFUSED(pi, -EINVAL, "name outside the name table");
    mod->sh_name = (uint32_t)size - 1; /* the final NUL: an empty name */
    LOADS(pi);
    pi_free(pi);
}

TEST(string_tables_must_start_and_end_with_nul)
{
    struct payload_image *pi = pi_valid_built(1);
    uint8_t *shstr = pi_bytes(pi, pi->shstrtab), *str = pi_bytes(pi, pi->strtab);
    size_t shlen = pi_shdr(pi, pi->shstrtab)->sh_size, len = pi_shdr(pi, pi->strtab)->sh_size;

    setup();
    shstr[shlen - 1] = 'x';
    REFUSED(pi, -EINVAL, "bad section name table");
    shstr[shlen - 1] = '\0';
    shstr[0] = 'x';
    REFUSED(pi, -EINVAL, "bad section name table");
    shstr[0] = '\0';
    str[len - 1] = 'x';
    REFUSED(pi, -EINVAL, "bad symbol string table");
    str[len - 1] = '\0';
    str[0] = 'x';
    REFUSED(pi, -EINVAL, "bad symbol string table");
    str[0] = '\0';
    pi_shdr(pi, pi->strtab)->sh_size = 0;
    REFUSED(pi, -EINVAL, "bad symbol string table");
    pi_shdr(pi, pi->strtab)->sh_size = len;
    pi_shdr(pi, pi->strtab)->sh_type = SHT_PROGBITS;
    REFUSED(pi, -EINVAL, "bad symbol string table");
    pi_free(pi);
}

/* --- The symbol table ------------------------------------------------------ */

TEST(symbol_table_count_and_shape_are_checked)
{
    struct payload_image *pi = pi_valid_built(1);
    Elf64_Shdr *st = pi_shdr(pi, pi->symtab), saved = *st;

    setup();
    st->sh_type = SHT_PROGBITS;
    REFUSED(pi, -EINVAL, "no symbol table");
    *st = saved;
    pi_shdr(pi, pi_section(pi, ".modinfo"))->sh_type = SHT_SYMTAB;
    REFUSED(pi, -EOPNOTSUPP, "more than one symbol table");
    pi_shdr(pi, pi_section(pi, ".modinfo"))->sh_type = SHT_PROGBITS;
    st->sh_link = 0;
    REFUSED(pi, -EINVAL, "malformed symbol table");
    st->sh_link = pi->shnum;
    REFUSED(pi, -EINVAL, "malformed symbol table");
    st->sh_link = pi->symtab; /* itself: not a string table */
    REFUSED(pi, -EINVAL, "bad symbol string table");
    *st = saved;
    st->sh_entsize = sizeof(Elf64_Sym) - 1;
    REFUSED(pi, -EINVAL, "malformed symbol table");
    st->sh_entsize = 0;
    REFUSED(pi, -EINVAL, "malformed symbol table");
    *st = saved;
    st->sh_size -= 1;
    REFUSED(pi, -EINVAL, "malformed symbol table");
    st->sh_size = 0;
    REFUSED(pi, -EINVAL, "malformed symbol table");
    pi_free(pi);
}

TEST(second_symbol_table_added_as_a_section_is_eopnotsupp)
{
    struct payload_image *pi = pi_valid(1);
    static const Elf64_Sym syms[2];

    setup();
    pi_add_section(pi, ".symtab.dyn", SHT_SYMTAB, 0, 8, syms, sizeof(syms));
    pi_build(pi);
    REFUSED(pi, -EOPNOTSUPP, "more than one symbol table");
    pi_free(pi);
}

TEST(symbol_name_outside_the_string_table_is_einval)
{
    struct payload_image *pi = pi_valid_built(1);
    uint32_t size = (uint32_t)pi_shdr(pi, pi->strtab)->sh_size;
    Elf64_Sym *hook = pi_sym(pi, pi_symbol(pi, "pi_hook_1"));

    setup();
    hook->st_name = size;
    REFUSED(pi, -EINVAL, "name outside the string table");
    hook->st_name = 0xffffffff;
    REFUSED(pi, -EINVAL, "name outside the string table");
    hook->st_name = size - 1; /* the final NUL: a nameless local is fine */
    LOADS(pi);
    pi_free(pi);
}

TEST(symbol_section_index_is_checked)
{
    struct payload_image *pi = pi_valid_built(1);
    Elf64_Sym *helper = pi_sym(pi, pi_symbol(pi, "pi_helper_1"));
    char reason[64];

    setup();
    helper->st_shndx = (uint16_t)pi->shnum;
    snprintf(reason, sizeof(reason), "symbol pi_helper_1: section %u out of range", pi->shnum);
    REFUSED(pi, -EINVAL, reason);
    helper->st_shndx = SHN_LORESERVE;
    REFUSED(pi, -EOPNOTSUPP, "symbol pi_helper_1: special section 0xff00");
    helper->st_shndx = 0xffff; /* SHN_XINDEX */
    REFUSED(pi, -EOPNOTSUPP, "special section");
    helper->st_shndx = SHN_COMMON;
    REFUSED(pi, -EINVAL, "common symbol pi_helper_1");
    helper->st_shndx = 1;
    helper->st_value = pi_shdr(pi, 1)->sh_size + 1;
    REFUSED(pi, -EINVAL, "symbol pi_helper_1 lies past the end of .text");
    pi_free(pi);
}

/* --- Relocation sections and entries ------------------------------------- */

TEST(relocation_section_links_and_sizes_are_checked)
{
    struct payload_image *pi = pi_valid_built(1);
    unsigned int funcs = pi_section(pi, ".livepatch.funcs");
    Elf64_Shdr *r = pi_shdr(pi, pi->rela_sec[funcs]), saved = *r;

    setup();
    r->sh_link = pi->strtab;
    REFUSED(pi, -EINVAL, ".rela.livepatch.funcs: not linked to the symbol table");
    r->sh_link = pi->shnum;
    REFUSED(pi, -EINVAL, "not linked to the symbol table");
    *r = saved;
    r->sh_info = 0;
    REFUSED(pi, -EINVAL, ".rela.livepatch.funcs: bad target section 0");
    r->sh_info = pi->shnum;
    REFUSED(pi, -EINVAL, "bad target section");
    *r = saved;
    r->sh_entsize = 16;
    REFUSED(pi, -EINVAL, ".rela.livepatch.funcs: bad entry size");
    r->sh_entsize = 0;
    REFUSED(pi, -EINVAL, "bad entry size");
    *r = saved;
    r->sh_size -= 8;
    REFUSED(pi, -EINVAL, "bad entry size");
    pi_free(pi);
}

TEST(relocation_symbol_index_is_checked)
{
    struct payload_image *pi = pi_valid_built(1);
    unsigned int data = pi_section(pi, ".data");
    Elf64_Rela *r = pi_rela(pi, data, 0);
    uint64_t saved = r->r_info;

    setup();
    r->r_info = (uint64_t)pi->nsym << 32 | PI_R_X86_64_64;
    REFUSED(pi, -EINVAL, ".rela.data: entry 0: symbol");
    r->r_info = 0xffffffffULL << 32 | PI_R_X86_64_64;
    REFUSED(pi, -EINVAL, "out of range");
    r->r_info = PI_R_X86_64_64; /* STN_UNDEF */
    REFUSED(pi, -EOPNOTSUPP, ".rela.data: entry 0 has no symbol");
    r->r_info = saved;
    LOADS(pi);
    pi_free(pi);
}

TEST(relocation_outside_its_section_is_einval)
{
    struct payload_image *pi = pi_valid_built(1);
    unsigned int data = pi_section(pi, ".data");
    Elf64_Rela *r = pi_rela(pi, data, 1);

    setup();
    r->r_offset = 16; /* .data is 16 bytes */
    REFUSED(pi, -EINVAL, ".rela.data: entry 1: offset 0x10 outside .data");
    r->r_offset = ~0ULL;
    REFUSED(pi, -EINVAL, "outside .data");
    r->r_offset = 12; /* inside, but the 8-byte field is not */
    REFUSED(pi, -EINVAL, "R_X86_64_64 against (section) at .data+0xc: bad relocation site");
    r->r_offset = 8;
    LOADS(pi);
    pi_free(pi);
}

TEST(relocation_types_and_ranges_are_checked)
{
    struct payload_image *pi = pi_valid_built(1);
    unsigned int text = pi_section(pi, ".text"), data = pi_section(pi, ".data");
    uint32_t hv = pi_symbol(pi, "fake_data");

    setup();
    pi_rela(pi, text, 0)->r_info = (uint64_t)1 << 32 | 99;
    REFUSED(pi, -EOPNOTSUPP, "type 99 against");
    /* The hypervisor's data is far from the vmap area on the host. */
    pi_rela(pi, text, 0)->r_info = (uint64_t)hv << 32 | PI_R_X86_64_PC32;
    REFUSED(pi, -EOVERFLOW, "R_X86_64_PC32 against fake_data at .text+0x3: value out of range");
    pi_build(pi);
    pi_shdr(pi, pi->rela_sec[data])->sh_type = SHT_REL;
    pi_shdr(pi, pi->rela_sec[data])->sh_entsize = 16;
    REFUSED(pi, -EOPNOTSUPP, "REL relocations are not used on x86_64");
    pi_free(pi);
}

TEST(relocations_against_unloaded_sections_are_einval)
{
    struct payload_image *pi = pi_valid(1);
    unsigned int note = pi_add_section(pi, ".comment", SHT_PROGBITS, 0, 1, "gcc", 4);
    unsigned int sym = pi_add_symbol(pi, "", STB_LOCAL, STT_SECTION, (uint16_t)note, 0, 0);

    /* A local after globals is out of order, but the loader does not care. */
    pi_add_rela(pi, pi_section(pi, ".data"), 8, PI_R_X86_64_64, sym, 0);
    setup();
    pi_build(pi);
    REFUSED(pi, -EINVAL, "refers to  in an unloaded section");
    pi_free(pi);
}

TEST(relocations_of_unloaded_sections_are_not_applied)
{
    struct payload_image *pi = pi_valid(1);
    unsigned int dbg = pi_add_section(pi, ".debug_info", SHT_PROGBITS, 0, 1, NULL, 8);

    /* Garbage that would be refused if it were applied. */
    pi_add_rela(pi, dbg, 100, 99, pi_symbol(pi, "fake_data"), 0);
    setup();
    pi_build(pi);
    LOADS(pi);
    pi_free(pi);
}
