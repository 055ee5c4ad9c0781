/* SPDX-License-Identifier: MIT */
/* The help texts: the general one (Xen's, extended) and one per command. */
#include "cli.h"

void help_general(FILE *f)
{
    fprintf(f,
            "xen-livepatch: live patching tool\n"
            "Usage: xen-livepatch [options] <command> [args] [command-flags]\n"
            " <name> An unique name of payload. Up to %d characters.\n"
            "Options (before the command):\n"
            "  --force                (upload, load) Xen 4.19's forced upload; refused,\n"
            "                         as Xen 4.17's hypercall has no such flag\n"
            "  --backend xen|relay    how to reach the hypervisor: libxenctrl on a Xen dom0\n"
            "                         (xen), or a relay guest's socket (relay). Default:\n"
            "                         relay when a socket is given, else xen.\n"
            "  --connect PATH         the relay's unix socket (or XEN_LIVEPATCH_CONNECT)\n"
            "  --help                 display this help\n"
            "Commands:\n"
            "  help [<command>]       display this help, or a command's\n"
            "  upload <name> <file>   upload file <file> with <name> name\n"
            "  list [--json]          list payloads uploaded.\n"
            "  apply <name> [flags]   apply <name> patch.\n"
            "  revert <name>          revert name <name> patch.\n"
            "  replace <name>         apply <name> patch and revert all others.\n"
            "  unload <name>          unload name <name> patch.\n"
            "  load <file> [flags]    upload and apply <file> with name as the <file> name\n"
            "Command flags:\n"
            "  --nodeps               (apply, load) Disable inter-module buildid dependency\n"
            "                         check. Check only against hypervisor buildid.\n"
            "  --timeout NS           (apply, revert, replace, unload, load) the action's\n"
            "                         time limit in nanoseconds; 0: the hypervisor's default\n"
            "  --json                 (list) one JSON object instead of the table\n"
            "  --help                 the command's help\n"
            "Exit status: 0 done, 2 try again (EAGAIN, EBUSY), 1 any other failure.\n"
            "See 'xen-livepatch help <command>' and xen-livepatch(1).\n",
            LP_NAME_SIZE - 1);
}

const char *help_usage(enum cli_cmd cmd)
{
    switch (cmd) {
    case CMD_HELP:
        return "xen-livepatch help [<command>]";
    case CMD_UPLOAD:
        return "xen-livepatch [--force] upload <name> <file>";
    case CMD_LIST:
        return "xen-livepatch list [--json]";
    case CMD_APPLY:
        return "xen-livepatch apply <name> [--nodeps] [--timeout NS]";
    case CMD_REVERT:
        return "xen-livepatch revert <name> [--timeout NS]";
    case CMD_REPLACE:
        return "xen-livepatch replace <name> [--timeout NS]";
    case CMD_UNLOAD:
        return "xen-livepatch unload <name> [--timeout NS]";
    case CMD_LOAD:
        return "xen-livepatch [--force] load <file> [--nodeps] [--timeout NS]";
    case CMD_NONE:
        break;
    }
    return "xen-livepatch <command> [args]";
}

static const char timeout_text[] =
    "  --timeout NS  the time the hypervisor may take to bring every CPU to a safe\n"
    "                point, in nanoseconds (at most 4294967295); 0, or no flag: the\n"
    "                hypervisor's default (30 ms).  xen-livepatch then waits for the\n"
    "                result, at least 5 s or 4 times the timeout, showing its\n"
    "                progress when stderr is a terminal.\n";

static const char nodeps_text[] =
    "  --nodeps      do not check the payload's .livepatch.depends against the\n"
    "                payload applied last; only the hypervisor build-id (checked\n"
    "                at upload) must match.\n";

static const char action_exit_text[] =
    "Prints \"No action needed.\" when the payload is already in the end state.\n"
    "Exit status 2 when the hypervisor is busy (an action in progress, or the\n"
    "action not done in time): try again.\n";

static const char *description(enum cli_cmd cmd)
{
    switch (cmd) {
    case CMD_HELP:
        return "Displays the general help, or the help of <command>.\n";
    case CMD_UPLOAD:
        return "Uploads the payload <file> to the hypervisor under <name> (up to 127\n"
               "characters).  The hypervisor checks it (its .livepatch.xen_depends must\n"
               "be the running hypervisor's build-id) and keeps it in state CHECKED.\n"
               "When the upload is refused, says why where it can tell: for a build-id\n"
               "mismatch, both build-ids.  --force (before the command) is refused:\n"
               "Xen 4.17's upload hypercall has no force flag (4.19 added one).\n";
    case CMD_LIST:
        return "Lists the payloads in upload order: name (40 columns), state, the\n"
               "error of the last action when there was one, and the payload's\n"
               "metadata (.modinfo, key=value pairs separated by ';').\n"
               "  --json  one JSON object instead:\n"
               "          {\"payloads\": [{\"name\": ..., \"state\": \"CHECKED\"|\"APPLIED\",\n"
               "            \"rc\": <0 or -errno>, \"rc_name\": \"EAGAIN\"|...|null,\n"
               "            \"metadata\": {\"<key>\": \"<value>\", ...}}, ...]}\n";
    case CMD_APPLY:
        return "Applies the uploaded payload <name> (CHECKED -> APPLIED).\n";
    case CMD_REVERT:
        return "Reverts the applied payload <name> (APPLIED -> CHECKED).  Payloads\n"
               "are reverted newest first: when the hypervisor refuses because others\n"
               "were applied after it, names them.\n";
    case CMD_REPLACE:
        return "Applies <name> (CHECKED -> APPLIED) and reverts every other applied\n"
               "payload, atomically.\n";
    case CMD_UNLOAD:
        return "Removes the payload <name>, which must be CHECKED (revert it first).\n";
    case CMD_LOAD:
        return "Uploads <file> under the name of the file without directory and\n"
               "extension, then applies it; when the apply fails, unloads it again.\n";
    case CMD_NONE:
        break;
    }
    return "";
}

void help_command(FILE *f, enum cli_cmd cmd)
{
    unsigned int flags = args_command_flags(cmd);
    bool action = cmd >= CMD_APPLY && cmd <= CMD_LOAD;

    fprintf(f, "Usage: %s\n%s", help_usage(cmd), description(cmd));
    if (flags & (FLAG_NODEPS | FLAG_TIMEOUT))
        fprintf(f, "Flags:\n");
    if (flags & FLAG_NODEPS)
        fputs(nodeps_text, f);
    if (flags & FLAG_TIMEOUT)
        fputs(timeout_text, f);
    if (action)
        fputs(action_exit_text, f);
    if (cmd != CMD_HELP)
        fprintf(f, "See xen-livepatch --help for the options before the command.\n");
}
