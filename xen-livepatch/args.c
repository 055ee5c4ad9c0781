/* SPDX-License-Identifier: MIT */
/*
 * The command line: `xen-livepatch [options] <command> [args] [flags]`.
 *
 * As in Xen, options that concern the whole run (--force, and ours:
 * --backend, --connect) come before the command and command names match
 * exactly.  Command flags (--nodeps, and ours: --timeout, --json, --help)
 * may come anywhere after the command; `--` ends them, for a name that
 * starts with a dash.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct command {
    const char *name;
    enum cli_cmd cmd;
    int min_args, max_args;
    unsigned int flags;
};

static const struct command commands[] = {
    { "help", CMD_HELP, 0, 1, 0 },
    { "upload", CMD_UPLOAD, 2, 2, 0 },
    { "list", CMD_LIST, 0, 0, FLAG_JSON },
    { "apply", CMD_APPLY, 1, 1, FLAG_NODEPS | FLAG_TIMEOUT },
    { "revert", CMD_REVERT, 1, 1, FLAG_TIMEOUT },
    { "replace", CMD_REPLACE, 1, 1, FLAG_TIMEOUT },
    { "unload", CMD_UNLOAD, 1, 1, FLAG_TIMEOUT },
    { "load", CMD_LOAD, 1, 1, FLAG_NODEPS | FLAG_TIMEOUT },
};

#define NR_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct command *find(enum cli_cmd cmd)
{
    for (size_t i = 0; i < NR_COMMANDS; i++)
        if (commands[i].cmd == cmd)
            return &commands[i];
    return NULL;
}

enum cli_cmd args_command(const char *name)
{
    for (size_t i = 0; i < NR_COMMANDS; i++)
        if (!strcmp(commands[i].name, name))
            return commands[i].cmd;
    return CMD_NONE;
}

const char *args_command_name(enum cli_cmd cmd)
{
    const struct command *c = find(cmd);

    return c ? c->name : "?";
}

unsigned int args_command_flags(enum cli_cmd cmd)
{
    const struct command *c = find(cmd);

    return c ? c->flags : 0;
}

int args_parse_timeout(const char *s, uint32_t *ns)
{
    unsigned long long v = 0;

    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (unsigned long long)(*s - '0');
        if (v > UINT32_MAX) /* the sysctl's field is 32 bits of nanoseconds */
            return -1;
    }
    *ns = (uint32_t)v;
    return 0;
}

/*
 * Matches `--opt VALUE` or `--opt=VALUE` at argv[*i]: 1 with *value set
 * (and *i moved past it), 0 if argv[*i] is another option, -1 if the value
 * is missing (said on @err).
 */
static int valued(int argc, char **argv, int *i, const char *opt, const char **value, FILE *err)
{
    size_t n = strlen(opt);

    if (strncmp(argv[*i], opt, n))
        return 0;
    if (argv[*i][n] == '=') {
        *value = argv[*i] + n + 1;
        return 1;
    }
    if (argv[*i][n])
        return 0;
    if (*i + 1 >= argc) {
        fprintf(err, "%s needs a value -- try 'xen-livepatch help'\n", opt);
        return -1;
    }
    *value = argv[++*i];
    return 1;
}

static bool is_help(const char *s)
{
    return !strcmp(s, "--help") || !strcmp(s, "-h");
}

static bool is_global(const char *s)
{
    return !strcmp(s, "--force") || !strncmp(s, "--backend", 9) || !strncmp(s, "--connect", 9);
}

/* One option before the command: 0, or -1 after saying why not. */
static int global_option(int argc, char **argv, int *i, struct cli_args *a, FILE *err)
{
    const char *v;
    int m;

    if (!strcmp(argv[*i], "--force")) {
        a->force = true;
        return 0;
    }
    if (is_help(argv[*i])) {
        a->cmd = CMD_HELP;
        return 0;
    }
    if ((m = valued(argc, argv, i, "--backend", &v, err))) {
        if (m < 0)
            return -1;
        if (!strcmp(v, "xen") || !strcmp(v, "relay")) {
            a->backend = !strcmp(v, "xen") ? BACKEND_XEN : BACKEND_RELAY;
            return 0;
        }
        fprintf(err, "--backend is xen or relay, not '%s'\n", v);
        return -1;
    }
    if ((m = valued(argc, argv, i, "--connect", &v, err))) {
        if (m < 0)
            return -1;
        if (!*v) {
            fprintf(err, "--connect needs the relay's socket path\n");
            return -1;
        }
        a->connect = v;
        return 0;
    }
    if (!strcmp(argv[*i], "--nodeps") || !strncmp(argv[*i], "--timeout", 9) ||
        !strcmp(argv[*i], "--json"))
        fprintf(err, "%s goes after the command -- try 'xen-livepatch help'\n", argv[*i]);
    else
        fprintf(err, "Unrecognised option '%s' -- try 'xen-livepatch help'\n", argv[*i]);
    return -1;
}

/* One flag after the command: 0, or -1 after saying why not. */
static int command_flag(int argc, char **argv, int *i, struct cli_args *a, FILE *err)
{
    unsigned int allowed = args_command_flags(a->cmd);
    const char *name = args_command_name(a->cmd), *v;
    int m;

    if ((allowed & FLAG_NODEPS) && !strcmp(argv[*i], "--nodeps")) {
        a->nodeps = true;
        return 0;
    }
    if ((allowed & FLAG_JSON) && !strcmp(argv[*i], "--json")) {
        a->json = true;
        return 0;
    }
    if ((allowed & FLAG_TIMEOUT) && (m = valued(argc, argv, i, "--timeout", &v, err))) {
        if (m < 0)
            return -1;
        if (args_parse_timeout(v, &a->timeout_ns)) {
            fprintf(err,
                    "--timeout takes nanoseconds from 0 to 4294967295 (0: the hypervisor's "
                    "default), not '%s'\n",
                    v);
            return -1;
        }
        a->timeout_set = true;
        return 0;
    }
    if (is_global(argv[*i]))
        fprintf(err, "%.9s goes before the command: xen-livepatch %.9s ... %s ...\n", argv[*i],
                argv[*i], name);
    else
        fprintf(err, "Unsupported flag: %s. -- try 'xen-livepatch %s --help'\n", argv[*i], name);
    return -1;
}

/* A bare "--help" anywhere among the command's flags wins over everything else. */
static bool wants_help(int argc, char **argv, int first)
{
    for (int i = first; i < argc && strcmp(argv[i], "--"); i++)
        if (is_help(argv[i]))
            return true;
    return false;
}

static int command_args(int argc, char **argv, int i, struct cli_args *a, FILE *err)
{
    const struct command *c = find(a->cmd);
    bool flags_done = false;

    if (wants_help(argc, argv, i)) {
        a->help = true;
        return ARGS_OK;
    }
    for (; i < argc; i++) {
        if (!flags_done && !strcmp(argv[i], "--")) {
            flags_done = true;
        } else if (!flags_done && argv[i][0] == '-' && argv[i][1]) {
            if (command_flag(argc, argv, &i, a, err))
                return ARGS_ERROR;
        } else if (a->npos < c->max_args) {
            a->pos[a->npos++] = argv[i];
        } else {
            fprintf(err, "xen-livepatch %s: unexpected argument '%s'\nUsage: %s\n", c->name,
                    argv[i], help_usage(a->cmd));
            return ARGS_ERROR;
        }
    }
    if (a->npos < c->min_args) {
        fprintf(err, "xen-livepatch %s: missing %s\nUsage: %s\n", c->name,
                a->cmd == CMD_UPLOAD && a->npos == 1 ? "<file>"
                : a->cmd == CMD_LOAD                 ? "<file>"
                : a->cmd == CMD_UPLOAD               ? "<name> and <file>"
                                                     : "<name>",
                help_usage(a->cmd));
        return ARGS_ERROR;
    }
    if (a->cmd == CMD_HELP && a->npos && args_command(a->pos[0]) == CMD_NONE) {
        fprintf(err, "No command '%s' -- try 'xen-livepatch help'\n", a->pos[0]);
        return ARGS_ERROR;
    }
    return ARGS_OK;
}

int args_parse(int argc, char **argv, struct cli_args *a, FILE *err)
{
    int i = 1;

    memset(a, 0, sizeof(*a));
    a->backend = BACKEND_AUTO;
    if (argc <= 1)
        return ARGS_NO_COMMAND;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (global_option(argc, argv, &i, a, err))
            return ARGS_ERROR;
        if (a->cmd == CMD_HELP) /* --help: the general help, whatever follows */
            return ARGS_OK;
    }
    if (i == argc) {
        /* Options and no command: Xen shows the help and fails. */
        fprintf(err, "No command given.\n");
        help_general(err);
        return ARGS_ERROR;
    }
    a->cmd = args_command(argv[i]);
    if (a->cmd == CMD_NONE) {
        fprintf(err, "Unrecognised command '%s' -- try 'xen-livepatch help'\n", argv[i]);
        return ARGS_ERROR;
    }
    return command_args(argc, argv, i + 1, a, err);
}
