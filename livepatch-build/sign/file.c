/* SPDX-License-Identifier: MIT */
/* Whole files in and out (see livepatch-sign.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "livepatch-sign.h"

int image_read_stream(FILE *f, const char *what, struct image *img)
{
    struct stat st;

    img->name = what;
    img->data = NULL;
    img->len = 0;
    if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode))
        return fail("%s: not a regular file", what);
    img->data = malloc(st.st_size ? (size_t)st.st_size : 1);
    if (!img->data)
        return fail("%s: out of memory", what);
    if (fseek(f, 0, SEEK_SET) || fread(img->data, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
        free(img->data);
        img->data = NULL;
        return fail("%s: cannot read it", what);
    }
    img->len = (size_t)st.st_size;
    return 0;
}

int image_read(const char *path, struct image *img)
{
    FILE *f = fopen(path, "rb");
    int rc;

    if (!f)
        return fail("%s: %s", path, strerror(errno));
    rc = image_read_stream(f, path, img);
    fclose(f);
    return rc;
}

static int write_all(int fd, const uint8_t *p, size_t len)
{
    while (len) {
        ssize_t n = write(fd, p, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int file_replace(const char *path, const void *data, size_t len, mode_t mode)
{
    size_t size = strlen(path) + sizeof(".XXXXXX");
    char *tmp = malloc(size);
    int fd, rc = -1;

    if (!tmp)
        return fail("%s: out of memory", path);
    snprintf(tmp, size, "%s.XXXXXX", path);
    fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return fail("%s: cannot create a temporary file beside it: %s", path, strerror(errno));
    }
    if (fchmod(fd, mode) || write_all(fd, data, len)) {
        fail("%s: cannot write it: %s", tmp, strerror(errno));
        close(fd);
    } else if (close(fd) || rename(tmp, path)) {
        fail("%s: cannot write it: %s", path, strerror(errno));
    } else {
        rc = 0;
    }
    if (rc)
        unlink(tmp);
    free(tmp);
    return rc;
}
