/* SPDX-License-Identifier: MIT */
/*
 * apply, revert, replace and unload: Xen's flow.  GET first (an action in
 * progress: exit 2; already in the end state: "No action needed."; not in
 * the state the action starts from: say both states), then the ACTION, then
 * wait for the result (wait.c) and judge it by the payload's state, or for
 * unload by the payload being gone.
 */
#include <errno.h>
#include <string.h>

#include "cli.h"
#include "explain.h"
#include "output.h"
#include "wait.h"

struct action {
    const char *name, *verb;
    uint32_t cmd;
    uint32_t allow; /* the state it starts from */
    int expected;   /* the state it ends in, or -ENOENT: gone */
};

static const struct action *action_of(enum cli_cmd cmd)
{
    static const struct action apply = { "apply", "Applying", LP_ACTION_APPLY, LP_STATE_CHECKED,
                                         LP_STATE_APPLIED };
    static const struct action revert = { "revert", "Reverting", LP_ACTION_REVERT, LP_STATE_APPLIED,
                                          LP_STATE_CHECKED };
    static const struct action unload = { "unload", "Unloading", LP_ACTION_UNLOAD, LP_STATE_CHECKED,
                                          -ENOENT };
    static const struct action replace = { "replace", "Replacing all live patches with",
                                           LP_ACTION_REPLACE, LP_STATE_CHECKED, LP_STATE_APPLIED };

    switch (cmd) {
    case CMD_REVERT:
        return &revert;
    case CMD_UNLOAD:
        return &unload;
    case CMD_REPLACE:
        return &replace;
    default:
        return &apply;
    }
}

static void wrong_state(struct cli *c, const struct action *a, const char *name, uint32_t state,
                        uint32_t expected)
{
    fprintf(c->err, "%s is in the wrong state.\nCurrent state: %s\nExpected state: %s\n", name,
            output_state_name(state), output_state_name(expected));
    if (a->cmd == LP_ACTION_UNLOAD && state == LP_STATE_APPLIED)
        fprintf(c->err, "Revert it first: xen-livepatch revert %s\n", name);
}

/* Judges the end of the action as Xen does: 0, or the errno-style result. */
static int judge(struct cli *c, const struct action *a, enum cli_cmd cmd, const char *name,
                 int get_rc, const struct lp_status *st)
{
    int rc = get_rc ? -errno : st->rc ? st->rc : (int)st->state;

    if (rc == -EAGAIN) {
        fprintf(c->out, "failed\n");
        fprintf(c->err, "Operation didn't complete.\n");
        return EAGAIN;
    }
    if (rc == a->expected) {
        fprintf(c->out, "completed\n");
        return 0;
    }
    fprintf(c->out, "failed\n");
    if (rc < 0) {
        cli_report_error(c, -rc);
        explain_action(c, cmd, name, -rc, !get_rc);
        return -rc;
    }
    wrong_state(c, a, name, (uint32_t)rc, (uint32_t)a->expected);
    return -1;
}

int cmd_action(struct cli *c, enum cli_cmd cmd, const char *name_arg, uint32_t flags)
{
    const struct action *a = action_of(cmd);
    uint32_t timeout = c->args->timeout_set ? c->args->timeout_ns : 0;
    struct wait_opts wo = { c->cfg->wait_limit_ns ? c->cfg->wait_limit_ns : wait_limit_ns(timeout),
                            c->cfg->err_is_tty ? c->err : NULL };
    char name[LP_NAME_SIZE];
    struct lp_status st;
    unsigned int polls;
    int rc;

    if (cli_check_name(c, name_arg))
        return EINVAL;
    /* libxenctrl takes a char *: hand it a copy of our own. */
    memcpy(name, name_arg, strlen(name_arg) + 1);
    if (backend_livepatch_get(c->b, name, &st)) {
        int err = errno;

        fprintf(c->err, "Failed to get status of %s.\n", name);
        cli_report_error(c, err);
        explain_get(c, name, err);
        return err;
    }
    if (st.rc == -EAGAIN) {
        fprintf(c->err, "Cannot execute %s.\nOperation already in progress.\n", a->name);
        return EAGAIN;
    }
    if ((int)st.state == a->expected) {
        fprintf(c->out, "No action needed.\n");
        return 0;
    }
    if (!(a->allow & st.state)) {
        wrong_state(c, a, name, st.state, a->allow);
        return -1;
    }
    fprintf(c->out, "%s %s... ", a->verb, name);
    if (backend_livepatch_action(c->b, name, a->cmd, timeout, flags)) {
        int err = errno;

        fprintf(c->out, "failed\n");
        cli_report_error(c, err);
        explain_action(c, cmd, name, err, false);
        return err;
    }
    rc = wait_action(c->b, name, &wo, &st, &polls);
    return judge(c, a, cmd, name, rc, &st);
}
