/* SPDX-License-Identifier: MIT */
/*
 * One run of xen-livepatch: parse, show help, open the backend, run the
 * command, map its result to the exit status.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int cli_exit_status(int rc)
{
    if (!rc)
        return CLI_EXIT_OK;
    if (rc == EAGAIN || rc == EBUSY)
        return CLI_EXIT_RETRY;
    return CLI_EXIT_FAIL;
}

void cli_config_from_env(struct cli_config *cfg)
{
    const char *connect = getenv("XEN_LIVEPATCH_CONNECT");
    const char *lib = getenv("XEN_LIVEPATCH_LIBXENCTRL");
    const char *timeout = getenv("XEN_LIVEPATCH_RELAY_TIMEOUT");
    char *end;
    long s;

    memset(cfg, 0, sizeof(*cfg));
    cfg->out = stdout;
    cfg->err = stderr;
    cfg->err_is_tty = isatty(STDERR_FILENO);
    cfg->connect_env = connect && *connect ? connect : NULL;
    cfg->xenctrl_lib = lib && *lib ? lib : CLI_LIBXENCTRL;
    cfg->relay_timeout_ms = CLI_RELAY_TIMEOUT_MS;
    if (timeout && *timeout) {
        s = strtol(timeout, &end, 10);
        if (!*end && s > 0 && s <= 3600)
            cfg->relay_timeout_ms = (int)s * 1000;
        else
            fprintf(cfg->err, "Ignoring XEN_LIVEPATCH_RELAY_TIMEOUT=%s: not 1 to 3600 seconds.\n",
                    timeout);
    }
}

int cli_check_name(struct cli *c, const char *name)
{
    if (strlen(name) < LP_NAME_SIZE)
        return 0;
    fprintf(c->err, "ID must be no more than %d characters.\n", LP_NAME_SIZE - 1);
    return EINVAL;
}

void cli_report_error(struct cli *c, int err)
{
    const char *why = backend_message(c->b);

    fprintf(c->err, "Error %d: %s\n", err, strerror(err));
    if (why)
        fprintf(c->err, "%s.\n", why);
}

static bool uploads(enum cli_cmd cmd)
{
    return cmd == CMD_UPLOAD || cmd == CMD_LOAD;
}

/* The backend for @a: NULL after saying why there is none. */
static struct backend *open_backend(const struct cli_args *a, const struct cli_config *cfg)
{
    struct backend_config bc = {
        .kind = a->backend,
        .connect = a->connect ? a->connect : cfg->connect_env,
        .xenctrl_lib = cfg->xenctrl_lib,
        .relay_timeout_ms = cfg->relay_timeout_ms,
    };
    int kind;

    if (a->connect && a->backend == BACKEND_XEN) {
        fprintf(cfg->err, "--connect is for the relay backend, not --backend xen.\n");
        return NULL;
    }
    kind = backend_choose(&bc, cfg->err);
    if (kind < 0)
        return NULL;
    /* Known before anything is sent: Xen 4.17's upload has no way to force. */
    if (a->force && uploads(a->cmd)) {
        fprintf(cfg->err, "--force cannot be honoured: Xen 4.17's XEN_SYSCTL_LIVEPATCH_UPLOAD "
                          "(and libxenctrl's xc_livepatch_upload()) has no force flag; Xen 4.19 "
                          "added it.\n");
        return NULL;
    }
    return backend_open(&bc, cfg->err);
}

static int dispatch(struct cli *c)
{
    const struct cli_args *a = c->args;
    uint32_t flags = a->nodeps ? LP_ACTION_APPLY_NODEPS : 0;

    switch (a->cmd) {
    case CMD_UPLOAD:
        return cmd_upload(c, a->pos[0], a->pos[1]);
    case CMD_LIST:
        return cmd_list(c);
    case CMD_APPLY:
    case CMD_REVERT:
    case CMD_REPLACE:
    case CMD_UNLOAD:
        return cmd_action(c, a->cmd, a->pos[0], flags);
    case CMD_LOAD:
        return cmd_load(c, a->pos[0], flags);
    default:
        return -1;
    }
}

int cli_run(int argc, char **argv, const struct cli_config *cfg)
{
    struct cli_args a;
    struct cli c = { cfg, &a, cfg->out, cfg->err, NULL };
    int rc;

    switch (args_parse(argc, argv, &a, cfg->err)) {
    case ARGS_NO_COMMAND:
        help_general(cfg->err); /* as Xen: help on stderr, success */
        return CLI_EXIT_OK;
    case ARGS_ERROR:
        return CLI_EXIT_FAIL;
    }
    if (a.help)
        help_command(cfg->out, a.cmd);
    else if (a.cmd == CMD_HELP && a.npos)
        help_command(cfg->out, args_command(a.pos[0]));
    else if (a.cmd == CMD_HELP)
        help_general(cfg->out);
    if (a.cmd == CMD_HELP || a.help)
        return CLI_EXIT_OK;
    /* A name no backend could take is refused before any backend is opened. */
    if (a.cmd != CMD_LIST && a.cmd != CMD_LOAD && cli_check_name(&c, a.pos[0]))
        return CLI_EXIT_FAIL;
    c.b = open_backend(&a, cfg);
    if (!c.b)
        return CLI_EXIT_FAIL;
    rc = dispatch(&c);
    backend_close(c.b);
    return cli_exit_status(rc);
}
