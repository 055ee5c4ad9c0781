/* SPDX-License-Identifier: MIT */
/* Running the command in-process (see harness.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

struct cli_config harness_config(void)
{
    struct cli_config cfg = {
        .xenctrl_lib = CLI_LIBXENCTRL,
        .relay_timeout_ms = 2000,
        .wait_limit_ns = 1000000000ull,
    };

    return cfg;
}

void harness_run(struct run *r, const struct cli_config *cfg, char **argv)
{
    struct cli_config c = cfg ? *cfg : harness_config();
    size_t out_len, err_len;
    int argc = 1;

    while (argv[argc - 1])
        argc++;
    /* argv[0] is the program's name, as for main(). */
    char **args = calloc((size_t)argc + 1, sizeof(*args));
    args[0] = "xen-livepatch";
    memcpy(args + 1, argv, (size_t)argc * sizeof(*args));
    c.out = open_memstream(&r->out, &out_len);
    c.err = open_memstream(&r->err, &err_len);
    r->status = cli_run(argc, args, &c);
    fclose(c.out);
    fclose(c.err);
    free(args);
}

void run_free(struct run *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

bool has(const char *haystack, const char *needle)
{
    return haystack && strstr(haystack, needle);
}

char *write_temp_file(const char *name, const void *data, size_t len)
{
    char dir[] = "/tmp/cli-file-XXXXXX";
    char *path;
    FILE *f;

    if (!mkdtemp(dir))
        return NULL;
    if (asprintf(&path, "%s/%s", dir, name) < 0)
        return NULL;
    f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len) {
        free(path);
        return NULL;
    }
    fclose(f);
    return path;
}

void remove_temp_file(char *path)
{
    char *slash = path ? strrchr(path, '/') : NULL;

    if (!slash)
        return;
    unlink(path);
    *slash = '\0';
    rmdir(path);
    free(path);
}
