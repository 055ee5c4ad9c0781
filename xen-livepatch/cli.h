/* SPDX-License-Identifier: MIT */
/*
 * xen-livepatch: the command line (as Xen's tools/misc/xen-livepatch), what
 * a run is configured with, and the commands.
 *
 * Commands return 0, a positive errno, or -1 (a failure with no errno); the
 * exit status is 0 for success, 2 for EAGAIN/EBUSY (try again), else 1.
 */
#ifndef CLI_H
#define CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "backend.h"

#define CLI_EXIT_OK 0
#define CLI_EXIT_FAIL 1
#define CLI_EXIT_RETRY 2

#define CLI_LIBXENCTRL "libxenctrl.so.4.17"
#define CLI_RELAY_TIMEOUT_MS 60000
#define CLI_DEFAULT_TIMEOUT_NS 30000000u /* the hypervisor's default, for the wait */
#define CLI_WAIT_MIN_NS 5000000000ull    /* the wait lasts at least this long */

enum cli_cmd {
    CMD_NONE,
    CMD_HELP,
    CMD_UPLOAD,
    CMD_LIST,
    CMD_APPLY,
    CMD_REVERT,
    CMD_REPLACE,
    CMD_UNLOAD,
    CMD_LOAD,
};

/* Flags a command takes after its name. */
#define FLAG_NODEPS 1u
#define FLAG_TIMEOUT 2u
#define FLAG_JSON 4u

/* The parsed command line. */
struct cli_args {
    enum cli_cmd cmd;
    bool force, help, nodeps, json, timeout_set;
    uint32_t timeout_ns;
    enum backend_kind backend;
    const char *connect;
    const char *pos[2]; /* positional arguments */
    int npos;
};

/* What a run depends on beyond its arguments (the environment, for main). */
struct cli_config {
    FILE *out, *err;
    bool err_is_tty;         /* show the progress line while waiting */
    const char *connect_env; /* XEN_LIVEPATCH_CONNECT */
    const char *xenctrl_lib; /* XEN_LIVEPATCH_LIBXENCTRL, else CLI_LIBXENCTRL */
    int relay_timeout_ms;    /* XEN_LIVEPATCH_RELAY_TIMEOUT (seconds), else 60 s */
    uint64_t wait_limit_ns;  /* 0: from the action's timeout (tests shorten it) */
};

/* A running command. */
struct cli {
    const struct cli_config *cfg;
    const struct cli_args *args;
    FILE *out, *err;
    struct backend *b;
};

/* Fills @cfg from the process's environment and stdio. */
void cli_config_from_env(struct cli_config *cfg);
/* Runs a whole command line; returns the exit status. */
int cli_run(int argc, char **argv, const struct cli_config *cfg);
int cli_exit_status(int rc);

/* args.c */
enum args_result {
    ARGS_OK,
    ARGS_ERROR,      /* said why on err: exit 1 */
    ARGS_NO_COMMAND, /* nothing at all: Xen shows the help and exits 0 */
};
int args_parse(int argc, char **argv, struct cli_args *a, FILE *err);
/* Decimal nanoseconds 0..UINT32_MAX, nothing else: 0, or -1. */
int args_parse_timeout(const char *s, uint32_t *ns);
enum cli_cmd args_command(const char *name);
const char *args_command_name(enum cli_cmd cmd);
unsigned int args_command_flags(enum cli_cmd cmd);

/* help.c */
void help_general(FILE *f);
void help_command(FILE *f, enum cli_cmd cmd);
const char *help_usage(enum cli_cmd cmd);

/* The commands (cmd_*.c). */
int cmd_upload(struct cli *c, const char *name, const char *file);
int cmd_list(struct cli *c);
int cmd_action(struct cli *c, enum cli_cmd cmd, const char *name, uint32_t flags);
int cmd_load(struct cli *c, const char *file, uint32_t flags);
/* Xen's name check: at most LP_NAME_SIZE - 1 characters.  0, or EINVAL said. */
int cli_check_name(struct cli *c, const char *name);
/* "Error <n>: <strerror>" and the backend's explanation, on err. */
void cli_report_error(struct cli *c, int err);

#endif /* CLI_H */
