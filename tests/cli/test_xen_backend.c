/* SPDX-License-Identifier: MIT */
/*
 * The xen backend without Xen: a clear error when libxenctrl cannot be
 * loaded (the library named through XEN_LIVEPATCH_LIBXENCTRL, or the
 * config's xenctrl_lib), --force refused for libxenctrl 4.17, and the calls
 * and their arguments checked against libfakexenctrl.so, a stand-in with
 * the 4.17 prototypes that logs each call.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "unit.h"

static char log_path[64];

/* A config on the fake library, its call log in a fresh file. */
static struct cli_config fake_lib(void)
{
    struct cli_config cfg = harness_config();
    int fd;

    snprintf(log_path, sizeof(log_path), "/tmp/cli-xenctrl-XXXXXX");
    fd = mkstemp(log_path);
    close(fd);
    setenv("FAKE_XENCTRL_LOG", log_path, 1);
    cfg.xenctrl_lib = FAKE_XENCTRL;
    return cfg;
}

static char *calls(void)
{
    FILE *f = fopen(log_path, "r");
    char *text = calloc(1, 8192);

    if (f) {
        size_t n = fread(text, 1, 8191, f);

        text[n] = '\0';
        fclose(f);
    }
    unlink(log_path);
    return text;
}

TEST(missing_library_is_a_clear_error)
{
    struct cli_config cfg = harness_config();
    struct run r;

    cfg.xenctrl_lib = "libxenctrl-absent.so.4.17";
    RUN(&r, &cfg, "--backend", "xen", "list");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "The xen backend needs libxenctrl-absent.so.4.17 (libxenctrl of the Xen "
                     "4.17 tools), which cannot be loaded"));
    CHECK(has(r.err, "use the relay backend"));
    CHECK_STR(r.out, "");
    run_free(&r);
}

TEST(library_name_comes_from_the_environment)
{
    struct cli_config cfg;
    struct run r;

    setenv("XEN_LIVEPATCH_LIBXENCTRL", "/nonexistent/libxenctrl.so", 1);
    cli_config_from_env(&cfg);
    unsetenv("XEN_LIVEPATCH_LIBXENCTRL");
    RUN(&r, &cfg, "apply", "p");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "/nonexistent/libxenctrl.so"));
    run_free(&r);
}

TEST(library_without_the_calls_is_refused)
{
    struct cli_config cfg = harness_config();
    struct run r;

    cfg.xenctrl_lib = "libc.so.6";
    RUN(&r, &cfg, "list");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "The loaded libxenctrl has no xc_interface_open"));
    run_free(&r);
}

TEST(system_libxenctrl_without_xen_fails_clearly)
{
    struct cli_config cfg = harness_config();
    struct run r;

    /* Not loadable, or loadable with no Xen underneath: either way said, exit 1. */
    RUN(&r, &cfg, "list");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "cannot be loaded") || has(r.err, "Cannot open the Xen control interface"));
    run_free(&r);
}

TEST(force_is_refused_before_loading_libxenctrl)
{
    struct cli_config cfg = harness_config();
    struct run r;

    cfg.xenctrl_lib = "libxenctrl-absent.so.4.17"; /* refused before loading anything */
    RUN(&r, &cfg, "--force", "upload", "p", "/dev/null");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "--force cannot be honoured: Xen 4.17's XEN_SYSCTL_LIVEPATCH_UPLOAD"));
    CHECK(!has(r.err, "cannot be loaded"));
    run_free(&r);
    RUN(&r, &cfg, "--force", "load", "/dev/null");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "has no force flag"));
    run_free(&r);
    /* It means nothing to list: Xen ignores it there, so do we. */
    RUN(&r, &cfg, "--force", "list");
    CHECK(has(r.err, "cannot be loaded"));
    run_free(&r);
}

TEST(list_through_libxenctrl)
{
    struct cli_config cfg = fake_lib();
    struct run r;
    char *log;

    RUN(&r, &cfg, "list");
    CHECK_EQ(r.status, 0);
    CHECK(has(r.out, "alpha                                   | CHECKED    | \n"));
    CHECK(has(r.out, "beta                                    | APPLIED (16, Device or resource "
                     "busy)    | A=1;B=2\n"));
    log = calls();
    CHECK(has(log, "open flags=0 same_logger=1\nlist_get_sizes\n"
                   "list max=2 start=0 name_total=11 metadata_total=8\nclose\n"));
    free(log);
    run_free(&r);
}

TEST(apply_passes_name_timeout_and_flags)
{
    struct cli_config cfg = fake_lib();
    struct run r;
    char *log;

    RUN(&r, &cfg, "apply", "alpha", "--nodeps", "--timeout", "5000");
    CHECK_EQ(r.status, 0);
    CHECK_STR(r.out, "Applying alpha... completed\n");
    log = calls();
    CHECK(has(log, "get name=alpha\napply name=alpha timeout=5000 flags=1\nget name=alpha\n"));
    free(log);
    run_free(&r);
}

TEST(revert_and_unload_reach_their_calls)
{
    struct cli_config cfg = fake_lib();
    struct run r;
    char *log;

    RUN(&r, &cfg, "revert", "beta");
    CHECK_EQ(r.status, 0);
    CHECK_STR(r.out, "Reverting beta... completed\n");
    run_free(&r);
    RUN(&r, &cfg, "unload", "alpha");
    CHECK_EQ(r.status, 0);
    CHECK_STR(r.out, "Unloading alpha... completed\n");
    run_free(&r);
    log = calls();
    CHECK(has(log, "revert name=beta timeout=0 flags=0"));
    CHECK(has(log, "unload name=alpha timeout=0 flags=0"));
    free(log);
}

TEST(replace_reaches_its_call)
{
    struct cli_config cfg = fake_lib();
    struct run r;
    char *log;

    RUN(&r, &cfg, "replace", "alpha", "--timeout=9");
    CHECK_STR(r.out, "Replacing all live patches with alpha... completed\n");
    log = calls();
    CHECK(has(log, "replace name=alpha timeout=9 flags=0"));
    free(log);
    run_free(&r);
}

TEST(upload_passes_name_and_bytes)
{
    struct cli_config cfg = fake_lib();
    static const unsigned char bytes[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1 };
    char *path = write_temp_file("p.livepatch", bytes, sizeof(bytes));
    struct run r;
    char *log;

    RUN(&r, &cfg, "upload", "xsa-1", path);
    CHECK_EQ(r.status, 0);
    CHECK(has(r.out, "Uploading "));
    CHECK(has(r.out, "p.livepatch... completed\n"));
    log = calls();
    CHECK(has(log, "upload name=xsa-1 size=7 first=7f"));
    free(log);
    run_free(&r);
    remove_temp_file(path);
}

TEST(unknown_name_through_libxenctrl)
{
    struct cli_config cfg = fake_lib();
    struct run r;

    RUN(&r, &cfg, "apply", "nope");
    CHECK_EQ(r.status, 1);
    CHECK_STR(r.err, "Failed to get status of nope.\nError 2: No such file or directory\n"
                     "No payload named 'nope' is uploaded; 'xen-livepatch list' shows the "
                     "payloads.\n");
    free(calls());
    run_free(&r);
}

TEST(build_id_through_xc_version)
{
    FILE *err = fopen("/dev/null", "w");
    struct backend *b = backend_xen_open(FAKE_XENCTRL, err);
    uint8_t id[LP_BUILD_ID_MAX];

    REQUIRE(b);
    CHECK_EQ(backend_build_id(b, id, sizeof(id)), 20);
    CHECK_EQ(id[0], 0xa0);
    CHECK_EQ(id[19], 0xb3);
    backend_close(b);
    fclose(err);
}

TEST(open_failure_shows_libxenctrl_words)
{
    struct cli_config cfg = fake_lib();
    struct run r;

    setenv("FAKE_XENCTRL_FAIL_OPEN", "1", 1);
    RUN(&r, &cfg, "list");
    unsetenv("FAKE_XENCTRL_FAIL_OPEN");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "Cannot open the Xen control interface: No such file or directory.\n"
                     "libxenctrl: xencall: Could not obtain handle on privileged command "
                     "interface: No such file or directory\n"
                     "The xen backend runs as root in a Xen control domain (dom0).\n"));
    free(calls());
    run_free(&r);
}
