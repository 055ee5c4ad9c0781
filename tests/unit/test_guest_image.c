/* SPDX-License-Identifier: MIT */
/*
 * guest_image_parse() accepts well-formed ELF64 and ELF32 executables that
 * fit guest RAM, and rejects every malformed class with an error: the
 * loader trusts nothing in the image.  Each image is parsed from a heap
 * block of exactly its size, so a read past the end is an ASan report.
 */
#include <stdlib.h>
#include <string.h>

#include <hv/errno.h>

#include "elf_image.h"
#include "unit.h"

#define RAM_BASE 0x100000UL
#define RAM_SIZE MiB(1)

static struct guest_image gi;

static int parse_bytes(const void *image, size_t size)
{
    void *copy = malloc(size ? size : 1);
    int rc;

    memcpy(copy, image, size);
    rc = guest_image_parse(copy, size, RAM_BASE, RAM_SIZE, &gi);
    free(copy);
    return rc;
}

#define parse(img) parse_bytes((img), sizeof(*(img)))

TEST(valid_elf64)
{
    struct image64 img;

    image64_init(&img, RAM_BASE + 0x1000);
    CHECK_EQ(parse(&img), 0);
    CHECK_EQ(gi.machine, EM_X86_64);
    CHECK_EQ(gi.elf_class, ELFCLASS64);
    CHECK_EQ(gi.entry, RAM_BASE + 0x1000 + IMAGE_ENTRY_OFF);
    CHECK_EQ(gi.nr_segments, 1);
    CHECK_EQ(gi.seg[0].vaddr, RAM_BASE + 0x1000);
    CHECK_EQ(gi.seg[0].offset, offsetof(struct image64, data));
    CHECK_EQ(gi.seg[0].filesz, IMAGE_DATA_SIZE);
    CHECK_EQ(gi.seg[0].memsz, IMAGE_MEMSZ);
    CHECK_EQ(gi.lowest, RAM_BASE + 0x1000);
    CHECK_EQ(gi.highest, RAM_BASE + 0x1000 + IMAGE_MEMSZ);
}

TEST(valid_elf32)
{
    struct image32 img;

    image32_init(&img, RAM_BASE);
    CHECK_EQ(parse(&img), 0);
    CHECK_EQ(gi.machine, EM_386);
    CHECK_EQ(gi.elf_class, ELFCLASS32);
    CHECK_EQ(gi.entry, RAM_BASE + IMAGE_ENTRY_OFF);
    CHECK_EQ(gi.nr_segments, 1);
    CHECK_EQ(gi.seg[0].offset, offsetof(struct image32, data));
    CHECK_EQ(gi.seg[0].filesz, IMAGE_DATA_SIZE);
    CHECK_EQ(gi.highest, RAM_BASE + IMAGE_MEMSZ);
}

TEST(only_nonempty_pt_load_segments_count)
{
    struct image64 img;

    image64_init(&img, RAM_BASE + 0x4000);
    img.eh.e_phnum = 4;
    img.ph[1] = (Elf64_Phdr){ .p_type = PT_NOTE, .p_offset = 0, .p_filesz = 64, .p_memsz = 64 };
    img.ph[2] = img.ph[0];
    img.ph[2].p_memsz = 0; /* empty: skipped, whatever it says */
    img.ph[2].p_vaddr = 0;
    img.ph[3] = img.ph[0];
    img.ph[3].p_vaddr = RAM_BASE; /* below the first: lowest comes from it */
    img.ph[3].p_filesz = 0;
    img.ph[3].p_memsz = 0x100;
    CHECK_EQ(parse(&img), 0);
    CHECK_EQ(gi.nr_segments, 2);
    CHECK_EQ(gi.lowest, RAM_BASE);
    CHECK_EQ(gi.highest, RAM_BASE + 0x4000 + IMAGE_MEMSZ);
}

TEST(segments_may_reach_the_ends_of_ram_and_image)
{
    struct image64 img;

    image64_init(&img, RAM_BASE + RAM_SIZE - IMAGE_MEMSZ);
    CHECK_EQ(parse(&img), 0);
    img.ph[0].p_memsz = img.ph[0].p_filesz = IMAGE_DATA_SIZE;
    img.ph[0].p_vaddr = RAM_BASE + RAM_SIZE - IMAGE_DATA_SIZE;
    img.eh.e_entry = img.ph[0].p_vaddr;
    CHECK_EQ(parse(&img), 0);
}

TEST(truncated_header_is_rejected)
{
    struct image64 img64;
    struct image32 img32;

    image64_init(&img64, RAM_BASE);
    image32_init(&img32, RAM_BASE);
    for (size_t size = 0; size < sizeof(Elf32_Ehdr); size++) {
        CHECK_EQ(parse_bytes(&img64, size), -ENOEXEC);
        CHECK_EQ(parse_bytes(&img32, size), -ENOEXEC);
    }
    for (size_t size = sizeof(Elf32_Ehdr); size < sizeof(Elf64_Ehdr); size++)
        CHECK_EQ(parse_bytes(&img64, size), -EINVAL);
}

TEST(bad_identification_is_rejected)
{
    struct image64 img;

    for (unsigned int i = 0; i < 4; i++) {
        image64_init(&img, RAM_BASE);
        img.eh.e_ident[i] ^= 0x20;
        CHECK_EQ(parse(&img), -ENOEXEC);
    }
    image64_init(&img, RAM_BASE);
    img.eh.e_ident[EI_CLASS] = 0;
    CHECK_EQ(parse(&img), -ENOEXEC);
    img.eh.e_ident[EI_CLASS] = 3;
    CHECK_EQ(parse(&img), -ENOEXEC);
    image64_init(&img, RAM_BASE);
    img.eh.e_ident[EI_DATA] = 2; /* big-endian */
    CHECK_EQ(parse(&img), -ENOEXEC);
    image64_init(&img, RAM_BASE);
    img.eh.e_ident[EI_VERSION] = 0;
    CHECK_EQ(parse(&img), -ENOEXEC);
}

TEST(non_executable_types_are_rejected)
{
    static const uint16_t types[] = { 0, ET_REL, 3 /* ET_DYN */, 4 /* ET_CORE */ };
    struct image64 img64;
    struct image32 img32;

    for (size_t i = 0; i < ARRAY_SIZE(types); i++) {
        image64_init(&img64, RAM_BASE);
        img64.eh.e_type = types[i];
        CHECK_EQ(parse(&img64), -ENOEXEC);
        image32_init(&img32, RAM_BASE);
        img32.eh.e_type = types[i];
        CHECK_EQ(parse(&img32), -ENOEXEC);
    }
}

TEST(program_header_table_out_of_bounds_is_rejected)
{
    struct image64 img;
    struct image32 img32;

    image64_init(&img, RAM_BASE);
    img.eh.e_phoff = sizeof(img) - sizeof(Elf64_Phdr) + 1;
    CHECK_EQ(parse(&img), -EINVAL);
    img.eh.e_phoff = sizeof(img) + 4096;
    CHECK_EQ(parse(&img), -EINVAL);
    image64_init(&img, RAM_BASE);
    img.eh.e_phnum = 0xffff;
    CHECK_EQ(parse(&img), -EINVAL);
    image32_init(&img32, RAM_BASE);
    img32.eh.e_phoff = sizeof(img32) - sizeof(Elf32_Phdr) + 1;
    CHECK_EQ(parse(&img32), -EINVAL);
}

TEST(wrong_program_header_size_is_rejected)
{
    struct image64 img;
    struct image32 img32;

    image64_init(&img, RAM_BASE);
    img.eh.e_phentsize = sizeof(Elf64_Phdr) - 1;
    CHECK_EQ(parse(&img), -EINVAL);
    img.eh.e_phentsize = sizeof(Elf64_Phdr) + 8;
    CHECK_EQ(parse(&img), -EINVAL);
    img.eh.e_phentsize = sizeof(Elf32_Phdr);
    CHECK_EQ(parse(&img), -EINVAL);
    image32_init(&img32, RAM_BASE);
    img32.eh.e_phentsize = sizeof(Elf64_Phdr);
    CHECK_EQ(parse(&img32), -EINVAL);
}

TEST(segment_file_range_outside_the_image_is_rejected)
{
    struct image64 img;

    image64_init(&img, RAM_BASE);
    img.ph[0].p_offset = sizeof(img) - IMAGE_DATA_SIZE + 1;
    CHECK_EQ(parse(&img), -EINVAL);
    img.ph[0].p_offset = sizeof(img) + 1;
    img.ph[0].p_filesz = 0;
    CHECK_EQ(parse(&img), -EINVAL);
    image64_init(&img, RAM_BASE);
    img.ph[0].p_filesz = IMAGE_DATA_SIZE + 1;
    CHECK_EQ(parse(&img), -EINVAL);
}

TEST(filesz_above_memsz_is_rejected)
{
    struct image64 img;

    image64_init(&img, RAM_BASE);
    img.ph[0].p_memsz = IMAGE_DATA_SIZE - 1;
    CHECK_EQ(parse(&img), -EINVAL);
}

TEST(segments_outside_guest_ram_are_rejected)
{
    struct image64 img;

    image64_init(&img, RAM_BASE - 0x1000); /* below */
    CHECK_EQ(parse(&img), -EINVAL);
    image64_init(&img, RAM_BASE - 1); /* straddles the start */
    CHECK_EQ(parse(&img), -EINVAL);
    image64_init(&img, RAM_BASE + RAM_SIZE); /* above */
    CHECK_EQ(parse(&img), -EINVAL);
    image64_init(&img, RAM_BASE + RAM_SIZE - IMAGE_MEMSZ + 1); /* straddles the end */
    CHECK_EQ(parse(&img), -EINVAL);
}

TEST(entry_outside_every_segment_is_rejected)
{
    struct image64 img;

    image64_init(&img, RAM_BASE + 0x1000);
    img.eh.e_entry = RAM_BASE + 0x1000 + IMAGE_MEMSZ; /* one past the end */
    CHECK_EQ(parse(&img), -EINVAL);
    img.eh.e_entry = RAM_BASE + 0xfff; /* just below */
    CHECK_EQ(parse(&img), -EINVAL);
    img.eh.e_entry = 0;
    CHECK_EQ(parse(&img), -EINVAL);
    /* In the gap between two segments. */
    image64_init(&img, RAM_BASE);
    img.eh.e_phnum = 2;
    img.ph[1] = img.ph[0];
    img.ph[1].p_vaddr = RAM_BASE + 0x10000;
    img.eh.e_entry = RAM_BASE + 0x8000;
    CHECK_EQ(parse(&img), -EINVAL);
    img.eh.e_entry = RAM_BASE + 0x10000; /* the second segment's start is fine */
    CHECK_EQ(parse(&img), 0);
}

TEST(no_loadable_segment_is_rejected)
{
    struct image64 img;

    image64_init(&img, RAM_BASE);
    img.eh.e_phnum = 0;
    CHECK_EQ(parse(&img), -ENOEXEC);
    image64_init(&img, RAM_BASE);
    img.ph[0].p_type = PT_NOTE;
    CHECK_EQ(parse(&img), -ENOEXEC);
    image64_init(&img, RAM_BASE);
    img.ph[0].p_memsz = img.ph[0].p_filesz = 0;
    CHECK_EQ(parse(&img), -ENOEXEC);
}

TEST(more_segments_than_supported_are_rejected)
{
    struct image64 img;

    image64_init(&img, RAM_BASE);
    for (unsigned int i = 0; i <= GUEST_MAX_SEGMENTS; i++) {
        img.ph[i] = img.ph[0];
        img.ph[i].p_vaddr = RAM_BASE + i * (uint64_t)IMAGE_MEMSZ;
    }
    img.eh.e_phnum = GUEST_MAX_SEGMENTS;
    CHECK_EQ(parse(&img), 0);
    CHECK_EQ(gi.nr_segments, GUEST_MAX_SEGMENTS);
    img.eh.e_phnum = GUEST_MAX_SEGMENTS + 1;
    CHECK_EQ(parse(&img), -E2BIG);
}

TEST(overflowing_offsets_and_sizes_are_rejected)
{
    struct image64 img;

    image64_init(&img, RAM_BASE);
    img.eh.e_phoff = UINT64_MAX - 8;
    CHECK_EQ(parse(&img), -EINVAL);
    image64_init(&img, RAM_BASE);
    img.ph[0].p_offset = UINT64_MAX - 8; /* offset + filesz wraps to a small value */
    CHECK_EQ(parse(&img), -EINVAL);
    image64_init(&img, RAM_BASE);
    img.ph[0].p_memsz = UINT64_MAX; /* vaddr + memsz wraps */
    CHECK_EQ(parse(&img), -EINVAL);
    image64_init(&img, UINT64_MAX - 0xfff); /* the segment wraps around */
    img.eh.e_entry = UINT64_MAX - 0xfff;
    CHECK_EQ(parse(&img), -EINVAL);
    image64_init(&img, RAM_BASE);
    img.ph[0].p_memsz = UINT64_MAX - RAM_BASE + 2;
    img.ph[0].p_filesz = 0;
    CHECK_EQ(parse(&img), -EINVAL);
}
