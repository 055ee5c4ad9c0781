/* SPDX-License-Identifier: MIT */
/*
 * upload, and load (upload under the file's base name, then apply, and
 * unload again if the apply fails), with Xen's messages.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "explain.h"

struct file {
    unsigned char *data;
    size_t size;
};

/* Reads @path whole, unless it is larger than a payload can be (then only its size). */
static int read_file(struct cli *c, const char *path, struct file *f)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_CLOEXEC), err;
    size_t got = 0;

    f->data = NULL;
    if (fd < 0) {
        err = errno;
        fprintf(c->err, "Could not open %s.\n", path);
        goto fail;
    }
    if (fstat(fd, &st)) {
        err = errno;
        fprintf(c->err, "Could not get size of %s.\n", path);
        goto fail;
    }
    f->size = (size_t)st.st_size;
    if (f->size > LP_MAX_PAYLOAD)
        goto out;
    f->data = malloc(f->size ? f->size : 1);
    while (f->data && got < f->size) {
        ssize_t n = read(fd, f->data + got, f->size - got);

        if (n <= 0) {
            err = n ? errno : EIO; /* shorter than fstat said: it changed under us */
            fprintf(c->err, "Could not read %s.\n", path);
            goto fail;
        }
        got += (size_t)n;
    }
    if (!f->data) {
        err = ENOMEM;
        goto fail;
    }
out:
    close(fd);
    return 0;
fail:
    fprintf(c->err, "Error %d: %s\n", err, strerror(err));
    free(f->data);
    if (fd >= 0)
        close(fd);
    return err;
}

/* The hypervisor's size limits, said before anything is sent. */
static int size_ok(struct cli *c, const char *path, size_t size)
{
    int err = size ? EFBIG : EINVAL;

    if (size && size <= LP_MAX_PAYLOAD)
        return 0;
    fprintf(c->out, "failed\n");
    fprintf(c->err, "Error %d: %s\n", err, strerror(err));
    if (size)
        fprintf(c->err, "%s is %zu bytes; the hypervisor takes payloads of at most %u bytes.\n",
                path, size, LP_MAX_PAYLOAD);
    else
        fprintf(c->err, "%s is empty.\n", path);
    return err;
}

int cmd_upload(struct cli *c, const char *name_arg, const char *path)
{
    char name[LP_NAME_SIZE];
    struct file f = { NULL, 0 };
    int rc;

    if (cli_check_name(c, name_arg))
        return EINVAL;
    memcpy(name, name_arg, strlen(name_arg) + 1);
    rc = read_file(c, path, &f);
    if (rc)
        return rc;
    fprintf(c->out, "Uploading %s... ", path);
    rc = size_ok(c, path, f.size);
    if (!rc && backend_livepatch_upload(c->b, name, f.data, (uint32_t)f.size)) {
        rc = errno;
        fprintf(c->out, "failed\n");
        cli_report_error(c, rc);
        explain_upload(c, name, path, f.data, f.size, rc);
    } else if (!rc) {
        fprintf(c->out, "completed\n");
    }
    free(f.data);
    return rc;
}

int cmd_load(struct cli *c, const char *path, uint32_t flags)
{
    const char *slash = strrchr(path, '/');
    char *name = strdup(slash ? slash + 1 : path), *dot;
    int rc;

    if (!name)
        return ENOMEM;
    /* As Xen: the file's name without directory and without its last extension. */
    dot = strrchr(name, '.');
    if (dot)
        *dot = '\0';
    if (!name[0]) {
        fprintf(c->err, "Cannot make a payload name out of %s: use upload and apply.\n", path);
        rc = EINVAL;
    } else {
        rc = cmd_upload(c, name, path);
    }
    if (!rc) {
        rc = cmd_action(c, CMD_LOAD, name, flags);
        if (rc)
            cmd_action(c, CMD_UNLOAD, name, 0);
    }
    free(name);
    return rc;
}
