/* SPDX-License-Identifier: MIT */
/*
 * Running xen-livepatch in the test process: cli_run() with its output in
 * memory, a relay timeout and a wait limit short enough for tests, and no
 * environment (each test says what it sets).
 */
#ifndef HARNESS_H
#define HARNESS_H

#include <stdbool.h>

#include "cli.h"

struct run {
    int status;
    char *out, *err;
};

/* The configuration tests start from: 2 s relay timeout, 1 s wait limit. */
struct cli_config harness_config(void);
/* Runs @argv (NULL-terminated, without the program name) with @cfg (NULL: the default). */
void harness_run(struct run *r, const struct cli_config *cfg, char **argv);
void run_free(struct run *r);
/* Does @haystack contain @needle? */
bool has(const char *haystack, const char *needle);

#define RUN(r, cfg, ...) harness_run((r), (cfg), (char *[]){ __VA_ARGS__, NULL })

/* Writes @len bytes to a new file in a fresh temporary directory; returns its path. */
char *write_temp_file(const char *name, const void *data, size_t len);
/* Removes that file and its directory, and frees @path. */
void remove_temp_file(char *path);

#endif /* HARNESS_H */
