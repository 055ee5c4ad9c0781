/* SPDX-License-Identifier: MIT */
/*
 * Which backend a run uses: --backend, else relay when --connect or
 * XEN_LIVEPATCH_CONNECT names a socket, else xen; --connect beats the
 * environment and --backend xen beats both.  A scripted relay shows whether
 * it was reached (a HELLO in its log); a library that cannot load shows the
 * xen backend was chosen.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fake_relay.h"
#include "harness.h"
#include "unit.h"

#define NO_LIB "libxenctrl-absent-for-tests.so"

static struct cli_config config(const char *connect_env)
{
    struct cli_config cfg = harness_config();

    cfg.connect_env = connect_env;
    cfg.xenctrl_lib = NO_LIB;
    return cfg;
}

TEST(environment_socket_selects_the_relay)
{
    struct fake_relay f;
    struct cli_config cfg;
    struct run r;

    fake_relay_init(&f);
    fake_relay_start(&f);
    cfg = config(f.sock);
    RUN(&r, &cfg, "list");
    CHECK_EQ(r.status, 0);
    CHECK_STR(r.out, "Nothing to list\n");
    CHECK_EQ(fake_relay_count(&f, "HELLO"), 1);
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(connect_option_beats_the_environment)
{
    struct fake_relay a, b;
    struct cli_config cfg;
    struct run r;

    fake_relay_init(&a);
    fake_relay_init(&b);
    fake_relay_start(&a);
    fake_relay_start(&b);
    cfg = config(a.sock);
    RUN(&r, &cfg, "--connect", b.sock, "list");
    CHECK_EQ(r.status, 0);
    CHECK_EQ(fake_relay_count(&a, "HELLO"), 0);
    CHECK_EQ(fake_relay_count(&b, "HELLO"), 1);
    run_free(&r);
    fake_relay_stop(&a);
    fake_relay_stop(&b);
}

TEST(backend_xen_beats_the_environment)
{
    struct fake_relay f;
    struct cli_config cfg;
    struct run r;

    fake_relay_init(&f);
    fake_relay_start(&f);
    cfg = config(f.sock);
    RUN(&r, &cfg, "--backend", "xen", "list");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, NO_LIB));
    CHECK_EQ(fake_relay_count(&f, "HELLO"), 0);
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(backend_relay_with_environment_socket)
{
    struct fake_relay f;
    struct cli_config cfg;
    struct run r;

    fake_relay_init(&f);
    fake_relay_start(&f);
    cfg = config(f.sock);
    RUN(&r, &cfg, "--backend=relay", "list");
    CHECK_EQ(r.status, 0);
    CHECK_EQ(fake_relay_count(&f, "HELLO"), 1);
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(default_without_a_socket_is_xen)
{
    struct cli_config cfg = config(NULL);
    struct run r;

    RUN(&r, &cfg, "list");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "The xen backend needs " NO_LIB));
    run_free(&r);
}

TEST(backend_relay_needs_a_socket)
{
    struct cli_config cfg = config(NULL);
    struct run r;

    RUN(&r, &cfg, "--backend", "relay", "list");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "needs the relay's socket: give --connect PATH or set "
                     "XEN_LIVEPATCH_CONNECT"));
    run_free(&r);
}

TEST(connect_with_backend_xen_is_refused)
{
    struct cli_config cfg = config(NULL);
    struct run r;

    RUN(&r, &cfg, "--backend", "xen", "--connect", "/tmp/x", "list");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "--connect is for the relay backend"));
    CHECK(!has(r.err, NO_LIB));
    run_free(&r);
}

TEST(choose_resolves_auto)
{
    FILE *err = fopen("/dev/null", "w");
    struct backend_config bc = { BACKEND_AUTO, NULL, NO_LIB, 1000 };

    CHECK_EQ(backend_choose(&bc, err), BACKEND_XEN);
    bc.connect = "/s";
    CHECK_EQ(backend_choose(&bc, err), BACKEND_RELAY);
    bc.kind = BACKEND_XEN;
    CHECK_EQ(backend_choose(&bc, err), BACKEND_XEN);
    bc.kind = BACKEND_RELAY;
    bc.connect = NULL;
    CHECK_EQ(backend_choose(&bc, err), -1);
    fclose(err);
}

TEST(environment_is_read_into_the_config)
{
    struct cli_config cfg;
    int saved, quiet;

    setenv("XEN_LIVEPATCH_CONNECT", "/run/relay.sock", 1);
    setenv("XEN_LIVEPATCH_LIBXENCTRL", "libother.so", 1);
    setenv("XEN_LIVEPATCH_RELAY_TIMEOUT", "7", 1);
    cli_config_from_env(&cfg);
    CHECK_STR(cfg.connect_env, "/run/relay.sock");
    CHECK_STR(cfg.xenctrl_lib, "libother.so");
    CHECK_EQ(cfg.relay_timeout_ms, 7000);
    CHECK_EQ(cfg.wait_limit_ns, 0);
    CHECK(cfg.out == stdout && cfg.err == stderr);

    /* Empty means unset; a bad timeout is ignored (with a warning, kept out of the report). */
    setenv("XEN_LIVEPATCH_CONNECT", "", 1);
    setenv("XEN_LIVEPATCH_LIBXENCTRL", "", 1);
    setenv("XEN_LIVEPATCH_RELAY_TIMEOUT", "soon", 1);
    saved = dup(STDERR_FILENO);
    quiet = open("/dev/null", O_WRONLY);
    dup2(quiet, STDERR_FILENO);
    cli_config_from_env(&cfg);
    dup2(saved, STDERR_FILENO);
    close(saved);
    close(quiet);
    CHECK(cfg.connect_env == NULL);
    CHECK_STR(cfg.xenctrl_lib, "libxenctrl.so.4.17");
    CHECK_EQ(cfg.relay_timeout_ms, 60000);
    unsetenv("XEN_LIVEPATCH_CONNECT");
    unsetenv("XEN_LIVEPATCH_LIBXENCTRL");
    unsetenv("XEN_LIVEPATCH_RELAY_TIMEOUT");
}
