/* SPDX-License-Identifier: MIT */
/*
 * mkbundle OUT NAME=FILE...: packs files into one boot module, so a test
 * domain can get many payloads (and helper images) through start_info's
 * single module.  Format (little-endian): "HVBUNDLE", u32 count, u32 zero,
 * then count entries { char name[48] NUL-padded; u64 offset; u64 size },
 * then the files, each at a 16-byte aligned offset from the start.
 * tests/xtf/common/bundle.c reads it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_MAX_LEN 48

struct entry {
    char name[NAME_MAX_LEN];
    uint64_t offset, size;
};

static void die(const char *what, const char *arg)
{
    fprintf(stderr, "mkbundle: %s%s%s\n", what, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

static void *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    long len;
    void *buf;

    if (!f || fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
        die("cannot read", path);
    buf = malloc(len ? (size_t)len : 1);
    if (!buf || fread(buf, 1, (size_t)len, f) != (size_t)len)
        die("cannot read", path);
    fclose(f);
    *size = (size_t)len;
    return buf;
}

int main(int argc, char **argv)
{
    uint32_t count = (uint32_t)(argc - 2), zero = 0;
    struct entry *e = calloc(count ? count : 1, sizeof(*e));
    void **data = calloc(count ? count : 1, sizeof(*data));
    uint64_t at = 16 + (uint64_t)count * sizeof(*e);
    FILE *out;

    if (argc < 2 || !e || !data)
        die("usage: mkbundle OUT NAME=FILE...", NULL);
    for (uint32_t i = 0; i < count; i++) {
        char *arg = argv[i + 2], *eq = strchr(arg, '=');
        size_t size;

        if (!eq || (size_t)(eq - arg) >= NAME_MAX_LEN)
            die("bad NAME=FILE", arg);
        memcpy(e[i].name, arg, (size_t)(eq - arg));
        data[i] = read_file(eq + 1, &size);
        at = (at + 15) & ~15ULL;
        e[i].offset = at;
        e[i].size = size;
        at += size;
    }
    out = fopen(argv[1], "wb");
    if (!out || fwrite("HVBUNDLE", 8, 1, out) != 1 || fwrite(&count, 4, 1, out) != 1 ||
        fwrite(&zero, 4, 1, out) != 1 || (count && fwrite(e, sizeof(*e), count, out) != count))
        die("cannot write", argv[1]);
    for (uint32_t i = 0; i < count; i++) {
        static const char pad[16];
        long here = ftell(out);

        if (here < 0 ||
            fwrite(pad, 1, e[i].offset - (uint64_t)here, out) != e[i].offset - (uint64_t)here ||
            fwrite(data[i], 1, e[i].size, out) != e[i].size)
            die("cannot write", argv[1]);
        free(data[i]);
    }
    if (fclose(out))
        die("cannot write", argv[1]);
    free(e);
    free(data);
    return 0;
}
