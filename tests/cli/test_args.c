/* SPDX-License-Identifier: MIT */
/*
 * The command line of every command: missing and extra arguments, unknown
 * commands and options, --help everywhere, --nodeps, --timeout (and bad
 * numbers), and where --force may go.  Parsing errors must come before any
 * backend is opened: these runs have none to open.
 */
#include <string.h>

#include "harness.h"
#include "unit.h"

static struct cli_args parse(char **argv)
{
    struct cli_args a;
    int argc = 0;
    FILE *err = fopen("/dev/null", "w");

    while (argv[argc])
        argc++;
    a.cmd = CMD_NONE;
    CHECK_EQ(args_parse(argc, argv, &a, err), ARGS_OK);
    fclose(err);
    return a;
}

#define PARSE(...) parse((char *[]){ "xen-livepatch", __VA_ARGS__, NULL })

TEST(no_arguments_show_help_on_stderr_and_succeed)
{
    struct run r;

    harness_run(&r, NULL, (char *[]){ NULL });
    CHECK_EQ(r.status, 0);
    CHECK(has(r.err, "Usage: xen-livepatch"));
    CHECK_STR(r.out, "");
    run_free(&r);
}

TEST(help_command_and_option_print_help_on_stdout)
{
    struct run r;

    RUN(&r, NULL, "help");
    CHECK_EQ(r.status, 0);
    CHECK(has(r.out, "upload <name> <file>"));
    run_free(&r);
    RUN(&r, NULL, "--help");
    CHECK_EQ(r.status, 0);
    CHECK(has(r.out, "Commands:"));
    CHECK_STR(r.err, "");
    run_free(&r);
}

TEST(every_command_has_help_both_ways)
{
    static const char *const cmds[] = { "help",   "upload",  "list",   "apply",
                                        "revert", "replace", "unload", "load" };

    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
        struct run a, b;

        RUN(&a, NULL, "help", (char *)cmds[i]);
        RUN(&b, NULL, (char *)cmds[i], "--help");
        CHECK_EQ(a.status, 0);
        CHECK_EQ(b.status, 0);
        CHECK(has(a.out, "Usage: xen-livepatch"));
        CHECK(has(a.out, cmds[i]));
        CHECK_STR(a.out, b.out);
        CHECK_STR(b.err, "");
        run_free(&a);
        run_free(&b);
    }
}

TEST(help_wins_over_missing_or_bad_arguments)
{
    struct run r;

    RUN(&r, NULL, "apply", "--timeout", "junk", "--help");
    CHECK_EQ(r.status, 0);
    CHECK(has(r.out, "--nodeps"));
    CHECK(has(r.out, "--timeout NS"));
    run_free(&r);
    RUN(&r, NULL, "upload", "-h");
    CHECK_EQ(r.status, 0);
    CHECK(has(r.out, "upload <name> <file>"));
    run_free(&r);
}

TEST(help_for_an_unknown_command_fails)
{
    struct run r;

    RUN(&r, NULL, "help", "frob");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "No command 'frob'"));
    run_free(&r);
}

TEST(unknown_command_is_refused_like_xen)
{
    struct run r;

    RUN(&r, NULL, "frob", "x");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "Unrecognised command 'frob' -- try 'xen-livepatch help'"));
    run_free(&r);
    /* Prefixes no longer match (Xen 4.19 made matching exact). */
    RUN(&r, NULL, "app", "x");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "Unrecognised command 'app'"));
    run_free(&r);
}

TEST(unknown_options_are_refused)
{
    struct run r;

    RUN(&r, NULL, "--frob", "list");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "Unrecognised option '--frob'"));
    run_free(&r);
    RUN(&r, NULL, "apply", "p", "--frob");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "Unsupported flag: --frob."));
    run_free(&r);
    /* A flag of another command is unknown to this one. */
    RUN(&r, NULL, "revert", "p", "--nodeps");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "Unsupported flag: --nodeps."));
    run_free(&r);
    RUN(&r, NULL, "list", "--timeout", "5");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "Unsupported flag: --timeout."));
    run_free(&r);
}

TEST(missing_arguments_say_what_is_missing)
{
    struct {
        const char *cmd, *given, *missing;
    } cases[] = {
        { "upload", NULL, "missing <name> and <file>" },
        { "upload", "n", "missing <file>" },
        { "apply", NULL, "missing <name>" },
        { "revert", NULL, "missing <name>" },
        { "replace", NULL, "missing <name>" },
        { "unload", NULL, "missing <name>" },
        { "load", NULL, "missing <file>" },
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct run r;

        harness_run(&r, NULL, (char *[]){ (char *)cases[i].cmd, (char *)cases[i].given, NULL });
        CHECK_EQ(r.status, 1);
        CHECK(has(r.err, cases[i].missing));
        CHECK(has(r.err, "Usage: xen-livepatch"));
        run_free(&r);
    }
}

TEST(extra_arguments_are_refused)
{
    struct run r;

    RUN(&r, NULL, "list", "x");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "unexpected argument 'x'"));
    run_free(&r);
    RUN(&r, NULL, "upload", "a", "b", "c");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "unexpected argument 'c'"));
    run_free(&r);
    RUN(&r, NULL, "apply", "a", "b");
    CHECK_EQ(r.status, 1);
    run_free(&r);
    RUN(&r, NULL, "help", "list", "apply");
    CHECK_EQ(r.status, 1);
    run_free(&r);
}

TEST(nodeps_and_timeout_are_flags_after_the_command)
{
    struct cli_args a = PARSE("apply", "p1", "--nodeps", "--timeout", "123");

    CHECK_EQ(a.cmd, CMD_APPLY);
    CHECK_STR(a.pos[0], "p1");
    CHECK(a.nodeps);
    CHECK(a.timeout_set);
    CHECK_EQ(a.timeout_ns, 123);
    /* Before the name too, and with '='. */
    a = PARSE("load", "--timeout=0", "--nodeps", "f.livepatch");
    CHECK_EQ(a.cmd, CMD_LOAD);
    CHECK_STR(a.pos[0], "f.livepatch");
    CHECK(a.nodeps);
    CHECK(a.timeout_set);
    CHECK_EQ(a.timeout_ns, 0);
    a = PARSE("revert", "p");
    CHECK(!a.nodeps);
    CHECK(!a.timeout_set);
}

TEST(double_dash_ends_flags)
{
    struct cli_args a = PARSE("unload", "--", "--odd-name");

    CHECK_EQ(a.cmd, CMD_UNLOAD);
    CHECK_EQ(a.npos, 1);
    CHECK_STR(a.pos[0], "--odd-name");
}

TEST(timeout_takes_only_nanoseconds_in_32_bits)
{
    uint32_t ns = 7;

    CHECK_EQ(args_parse_timeout("0", &ns), 0);
    CHECK_EQ(ns, 0);
    CHECK_EQ(args_parse_timeout("4294967295", &ns), 0);
    CHECK_EQ(ns, 4294967295u);
    CHECK_EQ(args_parse_timeout("4294967296", &ns), -1);
    CHECK_EQ(args_parse_timeout("99999999999999999999999", &ns), -1);
    CHECK_EQ(args_parse_timeout("", &ns), -1);
    CHECK_EQ(args_parse_timeout("-1", &ns), -1);
    CHECK_EQ(args_parse_timeout("+1", &ns), -1);
    CHECK_EQ(args_parse_timeout("10ms", &ns), -1);
    CHECK_EQ(args_parse_timeout(" 1", &ns), -1);
    CHECK_EQ(args_parse_timeout("0x10", &ns), -1);
    CHECK_EQ(ns, 4294967295u); /* untouched by the failures */
}

TEST(bad_timeouts_are_refused_on_the_command_line)
{
    static const char *const bad[] = { "abc", "-5", "1.5", "4294967296", "" };

    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct run r;

        RUN(&r, NULL, "apply", "p", "--timeout", (char *)bad[i]);
        CHECK_EQ(r.status, 1);
        CHECK(has(r.err, "--timeout takes nanoseconds"));
        run_free(&r);
    }
}

TEST(timeout_without_value_is_refused)
{
    struct run r;

    RUN(&r, NULL, "apply", "p", "--timeout");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "--timeout needs a value"));
    run_free(&r);
}

TEST(force_goes_before_the_command)
{
    struct cli_args a = PARSE("--force", "upload", "n", "f");
    struct run r;

    CHECK(a.force);
    CHECK_EQ(a.cmd, CMD_UPLOAD);
    a = PARSE("--backend", "relay", "--force", "upload", "n", "f");
    CHECK(a.force);
    CHECK_EQ(a.backend, BACKEND_RELAY);
    RUN(&r, NULL, "upload", "--force", "n", "f");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "--force goes before the command"));
    run_free(&r);
    /* --force alone: Xen shows the help and fails. */
    RUN(&r, NULL, "--force");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "Usage: xen-livepatch"));
    run_free(&r);
}

TEST(command_flags_before_the_command_are_refused)
{
    struct run r;

    RUN(&r, NULL, "--nodeps", "apply", "p");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "--nodeps goes after the command"));
    run_free(&r);
}

TEST(backend_option_values)
{
    struct cli_args a = PARSE("--backend=xen", "list");
    struct run r;

    CHECK_EQ(a.backend, BACKEND_XEN);
    a = PARSE("--connect", "/tmp/s", "list");
    CHECK_EQ(a.backend, BACKEND_AUTO);
    CHECK_STR(a.connect, "/tmp/s");
    RUN(&r, NULL, "--backend", "qemu", "list");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "--backend is xen or relay, not 'qemu'"));
    run_free(&r);
    RUN(&r, NULL, "--connect=", "list");
    CHECK_EQ(r.status, 1);
    run_free(&r);
}

TEST(long_names_are_refused_before_any_backend)
{
    char name[LP_NAME_SIZE + 1];
    struct cli_config cfg = harness_config();
    struct run r;

    /* A library that cannot load: reaching the backend would say so. */
    cfg.xenctrl_lib = "libxenctrl-not-here.so";
    memset(name, 'n', sizeof(name) - 1);
    name[LP_NAME_SIZE] = '\0';
    RUN(&r, &cfg, "apply", name);
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "ID must be no more than 127 characters."));
    CHECK(!has(r.err, "libxenctrl"));
    run_free(&r);
    name[LP_NAME_SIZE - 1] = '\0'; /* 127: the longest name, goes on to the backend */
    RUN(&r, &cfg, "apply", name);
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "libxenctrl-not-here.so"));
    run_free(&r);
}
