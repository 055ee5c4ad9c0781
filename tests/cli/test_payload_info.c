/* SPDX-License-Identifier: MIT */
/*
 * payload_info_read() finds the build-id notes of small ELF files written
 * byte by byte (elf_writer.c): 64- and 32-bit, both byte orders; it leaves
 * out notes that are not GNU build-ids and refuses what is not ELF.  Each
 * image is an exactly-sized heap block, so a read past it is an ASan report.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "elf_writer.h"
#include "payload_info.h"
#include "unit.h"

static const uint8_t hv_id[20] = { 0xde, 0xad, 0xbe, 0xef, 1,  2,  3,  4,  5,  6,
                                   7,    8,    9,    10,   11, 12, 13, 14, 15, 16 };
static const uint8_t self_id[8] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 };
static const uint8_t dep_id[3] = { 0xab, 0xcd, 0xef };

static void check_all_three(bool elf32, bool big_endian)
{
    struct note_section s[] = {
        { ".note.gnu.build-id", self_id, sizeof(self_id), 3, "GNU" },
        { ".livepatch.depends", dep_id, sizeof(dep_id), 3, "GNU" },
        { ".livepatch.xen_depends", hv_id, sizeof(hv_id), 3, "GNU" },
    };
    struct payload_info pi;
    size_t size;
    uint8_t *img = elf_with_notes(&size, elf32, big_endian, s, 3);
    char hex[2 * LP_BUILD_ID_MAX + 1];

    REQUIRE(img);
    CHECK_EQ(payload_info_read(img, size, &pi), 0);
    CHECK(pi.self.present);
    CHECK_EQ(pi.self.len, sizeof(self_id));
    CHECK(!memcmp(pi.self.id, self_id, sizeof(self_id)));
    CHECK(pi.depends.present);
    CHECK_EQ(pi.depends.len, 3);
    CHECK(pi.xen_depends.present);
    CHECK_STR(payload_build_id_hex(pi.xen_depends.id, pi.xen_depends.len, hex),
              "deadbeef0102030405060708090a0b0c0d0e0f10");
    free(img);
}

TEST(elf64_little_endian_notes)
{
    check_all_three(false, false);
}

TEST(elf64_big_endian_notes)
{
    check_all_three(false, true);
}

TEST(elf32_notes)
{
    check_all_three(true, false);
}

TEST(missing_notes_are_absent)
{
    struct note_section s[] = { { ".note.gnu.build-id", self_id, sizeof(self_id), 3, "GNU" } };
    struct payload_info pi;
    size_t size;
    uint8_t *img = elf_with_notes(&size, false, false, s, 1);

    CHECK_EQ(payload_info_read(img, size, &pi), 0);
    CHECK(pi.self.present);
    CHECK(!pi.xen_depends.present);
    CHECK(!pi.depends.present);
    free(img);
}

TEST(notes_of_another_kind_are_ignored)
{
    struct note_section s[] = {
        { ".livepatch.xen_depends", hv_id, sizeof(hv_id), 1, "GNU" }, /* not NT_GNU_BUILD_ID */
        { ".livepatch.depends", dep_id, sizeof(dep_id), 3, "Xen" },   /* not GNU's */
    };
    struct payload_info pi;
    size_t size;
    uint8_t *img = elf_with_notes(&size, false, false, s, 2);

    CHECK_EQ(payload_info_read(img, size, &pi), 0);
    CHECK(!pi.xen_depends.present);
    CHECK(!pi.depends.present);
    free(img);
}

TEST(not_elf_is_enoexec)
{
    static const char text[] = "this is not an ELF file at all";
    char *copy = malloc(sizeof(text));
    struct payload_info pi;

    memcpy(copy, text, sizeof(text));
    CHECK_EQ(payload_info_read(copy, sizeof(text), &pi), -ENOEXEC);
    CHECK(!pi.self.present);
    free(copy);
}

TEST(truncated_elf_is_refused_or_partial)
{
    struct note_section s[] = { { ".livepatch.xen_depends", hv_id, sizeof(hv_id), 3, "GNU" } };
    size_t size;
    uint8_t *img = elf_with_notes(&size, false, false, s, 1);

    /* Cut before the section headers: libelf cannot read the sections. */
    for (size_t cut = 1; cut < size; cut += 7) {
        uint8_t *part = malloc(cut);
        struct payload_info pi;

        memcpy(part, img, cut);
        payload_info_read(part, cut, &pi); /* must not read past @cut */
        CHECK(!pi.xen_depends.present);
        free(part);
    }
    free(img);
}

TEST(note_parser_checks_every_size)
{
    uint8_t note[12 + 4 + 20];
    struct build_id id;

    /* namesz 4, descsz 20, type 3, "GNU\0", descriptor */
    memset(note, 0, sizeof(note));
    note[0] = 4;
    note[4] = 20;
    note[8] = 3;
    memcpy(note + 12, "GNU", 4);
    memcpy(note + 16, hv_id, 20);
    CHECK_EQ(payload_parse_note(note, sizeof(note), false, &id), 0);
    CHECK_EQ(id.len, 20);
    CHECK_EQ(payload_parse_note(note, sizeof(note) - 1, false, &id), -EINVAL);
    CHECK(!id.present);
    CHECK_EQ(payload_parse_note(note, 11, false, &id), -EINVAL);
    CHECK_EQ(payload_parse_note(note, sizeof(note), true, &id), -EINVAL); /* wrong byte order */
    note[4] = 0xff;
    note[5] = 0xff;
    note[6] = 0xff;
    note[7] = 0xff; /* descsz 4 GiB - 1: must not wrap */
    CHECK_EQ(payload_parse_note(note, sizeof(note), false, &id), -EINVAL);
    note[4] = 0;
    note[5] = 0;
    note[6] = 0;
    note[7] = 0;
    CHECK_EQ(payload_parse_note(note, sizeof(note), false, &id), -EINVAL); /* empty id */
}
