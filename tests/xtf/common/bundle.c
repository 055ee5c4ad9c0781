/* SPDX-License-Identifier: MIT */
/* Reading a bundle (format: tests/livepatch/mkbundle.c), bounds-checked. */
#include <xtf.h>
#include <xtf/bundle.h>

struct bundle_entry {
    char name[48];
    uint64_t offset, size;
};

const void *bundle_file(const char *name, size_t *size)
{
    size_t len;
    const uint8_t *b = test_module(&len);
    uint32_t count;

    if (!b || len < 16 || memcmp(b, "HVBUNDLE", 8))
        return NULL;
    memcpy(&count, b + 8, sizeof(count));
    if (count > (len - 16) / sizeof(struct bundle_entry))
        return NULL;
    for (uint32_t i = 0; i < count; i++) {
        struct bundle_entry e;

        memcpy(&e, b + 16 + i * sizeof(e), sizeof(e));
        if (strncmp(e.name, name, sizeof(e.name)) || e.offset > len || e.size > len - e.offset)
            continue;
        *size = (size_t)e.size;
        return b + e.offset;
    }
    return NULL;
}
