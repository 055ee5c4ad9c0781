/* SPDX-License-Identifier: MIT */
/*
 * build_id_parse_note() accepts exactly a complete, in-bounds GNU build-id
 * note.  Each note is copied into a heap block of exactly the length passed,
 * so any read past it is an ASan report, not a silent pass.
 */
#include <stdlib.h>
#include <string.h>

#include <hv/build_id.h>
#include <hv/elf.h>
#include <hv/errno.h>

#include "unit.h"

#define ID_LEN 20

struct gnu_note {
    Elf_Note hdr;
    char name[4];
    uint8_t desc[ID_LEN];
};

static struct gnu_note valid_note(void)
{
    struct gnu_note n = { { 4, ID_LEN, NT_GNU_BUILD_ID }, "GNU", { 0 } };

    for (unsigned int i = 0; i < ID_LEN; i++)
        n.desc[i] = (uint8_t)(0xa0 + i);
    return n;
}

/* Parses the first @len bytes of @note from an exactly-sized heap copy. */
static int parse(const struct gnu_note *note, size_t len, const uint8_t **id, unsigned int *id_len,
                 unsigned char **copy)
{
    *copy = malloc(len ? len : 1);
    memcpy(*copy, note, len);
    return build_id_parse_note(*copy, len, id, id_len);
}

static int parse_and_free(const struct gnu_note *note, size_t len)
{
    const uint8_t *id = NULL;
    unsigned int id_len = 0;
    unsigned char *copy;
    int rc = parse(note, len, &id, &id_len, &copy);

    free(copy);
    return rc;
}

TEST(valid_note_gives_the_descriptor)
{
    struct gnu_note n = valid_note();
    const uint8_t *id = NULL;
    unsigned int id_len = 0;
    unsigned char *copy;

    CHECK_EQ(parse(&n, sizeof(n), &id, &id_len, &copy), 0);
    CHECK(id == copy + offsetof(struct gnu_note, desc));
    CHECK_EQ(id_len, ID_LEN);
    CHECK(id && !memcmp(id, n.desc, ID_LEN));
    free(copy);
}

TEST(short_descriptor_in_a_longer_buffer_is_valid)
{
    struct gnu_note n = valid_note();
    const uint8_t *id = NULL;
    unsigned int id_len = 0;
    unsigned char *copy;

    n.hdr.n_descsz = 8;
    CHECK_EQ(parse(&n, sizeof(n), &id, &id_len, &copy), 0);
    CHECK_EQ(id_len, 8);
    free(copy);
}

TEST(wrong_type_is_rejected)
{
    struct gnu_note n = valid_note();

    n.hdr.n_type = 1; /* NT_GNU_ABI_TAG */
    CHECK_EQ(parse_and_free(&n, sizeof(n)), -EINVAL);
    n.hdr.n_type = NT_GNU_BUILD_ID | 0x100;
    CHECK_EQ(parse_and_free(&n, sizeof(n)), -EINVAL);
}

TEST(wrong_name_is_rejected)
{
    struct gnu_note n = valid_note();

    memcpy(n.name, "GNX", 4);
    CHECK_EQ(parse_and_free(&n, sizeof(n)), -EINVAL);
    memcpy(n.name, "GNUX", 4); /* the terminating NUL is part of the name */
    CHECK_EQ(parse_and_free(&n, sizeof(n)), -EINVAL);
    n = valid_note();
    n.hdr.n_namesz = 3;
    CHECK_EQ(parse_and_free(&n, sizeof(n)), -EINVAL);
    n.hdr.n_namesz = 8;
    CHECK_EQ(parse_and_free(&n, sizeof(n)), -EINVAL);
}

TEST(empty_descriptor_is_rejected)
{
    struct gnu_note n = valid_note();

    n.hdr.n_descsz = 0;
    CHECK_EQ(parse_and_free(&n, sizeof(n)), -EINVAL);
}

TEST(descriptor_past_the_buffer_is_rejected)
{
    struct gnu_note n = valid_note();

    CHECK_EQ(parse_and_free(&n, sizeof(n) - 1), -EINVAL);
    n.hdr.n_descsz = ID_LEN + 1;
    CHECK_EQ(parse_and_free(&n, sizeof(n)), -EINVAL);
    n.hdr.n_descsz = UINT32_MAX; /* must not wrap the bounds check */
    CHECK_EQ(parse_and_free(&n, sizeof(n)), -EINVAL);
}

TEST(buffer_shorter_than_header_and_name_is_rejected)
{
    struct gnu_note n = valid_note();

    for (size_t len = 0; len <= offsetof(struct gnu_note, desc); len++)
        CHECK_EQ(parse_and_free(&n, len), -EINVAL);
}
