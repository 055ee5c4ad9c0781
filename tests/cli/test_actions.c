/* SPDX-License-Identifier: MIT */
/*
 * The commands end to end over a scripted relay: Xen's action flow and
 * messages (GET first, "No action needed.", wrong state, in progress), the
 * wait for the result (polls, "Operation didn't complete.", the progress
 * note on a terminal), exit status 2 for EAGAIN/EBUSY and 1 otherwise, and
 * every refusal explained: unknown name, a revert blocked by later payloads,
 * a payload built for another hypervisor (both build-ids shown).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "elf_writer.h"
#include "fake_relay.h"
#include "harness.h"
#include "relay_protocol.h"
#include "unit.h"

#define CHECKED 1
#define APPLIED 2

static struct fake_relay f;

/* Starts the relay with what the test put in @f; a config that reaches it. */
static struct cli_config start(void)
{
    struct cli_config cfg = harness_config();

    fake_relay_start(&f);
    cfg.connect_env = f.sock;
    return cfg;
}

static void one(const char *name, uint32_t state, int32_t rc)
{
    fake_relay_init(&f);
    fake_relay_add(&f, name, state, rc, "", 0);
}

TEST(exit_status_mapping)
{
    CHECK_EQ(cli_exit_status(0), 0);
    CHECK_EQ(cli_exit_status(EAGAIN), 2);
    CHECK_EQ(cli_exit_status(EBUSY), 2);
    CHECK_EQ(cli_exit_status(EINVAL), 1);
    CHECK_EQ(cli_exit_status(ENOENT), 1);
    CHECK_EQ(cli_exit_status(ETIMEDOUT), 1);
    CHECK_EQ(cli_exit_status(-1), 1);
}

TEST(apply_completes)
{
    struct cli_config cfg;
    struct run r;
    char *log;

    one("p", CHECKED, 0);
    cfg = start();
    RUN(&r, &cfg, "apply", "p");
    CHECK_EQ(r.status, 0);
    CHECK_STR(r.out, "Applying p... completed\n");
    CHECK_STR(r.err, "");
    log = fake_relay_log(&f);
    CHECK(has(log, "cmd=3 timeout=0 flags=0 name=p\n"));
    free(log);
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(apply_passes_timeout_and_nodeps)
{
    struct cli_config cfg;
    struct run r;
    char *log;

    one("p", CHECKED, 0);
    cfg = start();
    RUN(&r, &cfg, "apply", "--timeout", "777", "p", "--nodeps");
    CHECK_EQ(r.status, 0);
    log = fake_relay_log(&f);
    CHECK(has(log, "cmd=3 timeout=777 flags=1 name=p\n"));
    free(log);
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(each_action_has_its_verb_and_end_state)
{
    static const struct {
        const char *cmd;
        uint32_t from;
        const char *out;
        const char *sent;
    } cases[] = {
        { "revert", APPLIED, "Reverting p... completed\n", "cmd=2 " },
        { "replace", CHECKED, "Replacing all live patches with p... completed\n", "cmd=4 " },
        { "unload", CHECKED, "Unloading p... completed\n", "cmd=1 " },
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct cli_config cfg;
        struct run r;
        char *log;

        one("p", cases[i].from, 0);
        cfg = start();
        RUN(&r, &cfg, (char *)cases[i].cmd, "p");
        CHECK_EQ(r.status, 0);
        CHECK_STR(r.out, cases[i].out);
        log = fake_relay_log(&f);
        CHECK(has(log, cases[i].sent));
        free(log);
        run_free(&r);
        fake_relay_stop(&f);
    }
}

TEST(already_in_the_end_state_needs_no_action)
{
    struct cli_config cfg;
    struct run r;

    one("p", APPLIED, 0);
    cfg = start();
    RUN(&r, &cfg, "apply", "p");
    CHECK_EQ(r.status, 0);
    CHECK_STR(r.out, "No action needed.\n");
    CHECK_EQ(fake_relay_count(&f, "ACTION"), 0);
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(action_in_progress_is_exit_2)
{
    struct cli_config cfg;
    struct run r;

    one("p", CHECKED, -EAGAIN);
    cfg = start();
    RUN(&r, &cfg, "apply", "p");
    CHECK_EQ(r.status, 2);
    CHECK_STR(r.err, "Cannot execute apply.\nOperation already in progress.\n");
    CHECK_EQ(fake_relay_count(&f, "ACTION"), 0);
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(wrong_state_shows_current_and_expected)
{
    struct cli_config cfg;
    struct run r;

    one("p", APPLIED, 0);
    cfg = start();
    RUN(&r, &cfg, "unload", "p");
    CHECK_EQ(r.status, 1);
    CHECK_STR(r.err, "p is in the wrong state.\nCurrent state: APPLIED\nExpected state: CHECKED\n"
                     "Revert it first: xen-livepatch revert p\n");
    CHECK_STR(r.out, "");
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(unknown_name_says_so)
{
    struct cli_config cfg;
    struct run r;

    one("p", CHECKED, 0);
    cfg = start();
    RUN(&r, &cfg, "revert", "q");
    CHECK_EQ(r.status, 1);
    CHECK_STR(r.err, "Failed to get status of q.\nError 2: No such file or directory\n"
                     "No payload named 'q' is uploaded; 'xen-livepatch list' shows the "
                     "payloads.\n");
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(wait_polls_until_done)
{
    struct cli_config cfg;
    struct run r;

    one("p", CHECKED, 0);
    f.pending_gets = 5;
    cfg = start();
    RUN(&r, &cfg, "apply", "p");
    CHECK_EQ(r.status, 0);
    CHECK_STR(r.out, "Applying p... completed\n");
    CHECK_STR(r.err, ""); /* not a terminal: no progress note */
    /* The first GET, five answering EAGAIN, the one that sees the end. */
    CHECK_EQ(fake_relay_count(&f, "GET"), 7);
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(action_not_done_in_time_is_exit_2)
{
    struct cli_config cfg;
    struct run r;

    one("p", CHECKED, 0);
    f.pending_gets = 1000000;
    cfg = start();
    cfg.wait_limit_ns = 150000000; /* 150 ms */
    RUN(&r, &cfg, "apply", "p");
    CHECK_EQ(r.status, 2);
    CHECK_STR(r.out, "Applying p... failed\n");
    CHECK_STR(r.err, "Operation didn't complete.\n");
    /* Backoff: 1, 2, 4 ... 100 ms: about nine polls in 150 ms, not hundreds. */
    CHECK(fake_relay_count(&f, "GET") < 15);
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(progress_note_on_a_terminal_is_erased)
{
    struct cli_config cfg;
    struct run r;

    one("p", CHECKED, 0);
    f.pending_gets = 9; /* about 330 ms of waiting */
    cfg = start();
    cfg.err_is_tty = true;
    RUN(&r, &cfg, "apply", "p");
    CHECK_EQ(r.status, 0);
    CHECK_STR(r.out, "Applying p... completed\n");
    CHECK(has(r.err, "(waiting 0."));
    /* On a terminal, the notes leave nothing behind on the line. */
    {
        char line[512] = "";
        size_t pos = 0, end = 0;

        for (const char *c = r.err; c && *c && pos < sizeof(line) - 1; c++) {
            if (*c == '\b') {
                pos -= pos > 0;
                continue;
            }
            line[pos++] = *c;
            end = pos > end ? pos : end;
        }
        line[end] = '\0';
        CHECK(end > 0);
        CHECK_EQ(strspn(line, " "), end);
        CHECK(!strchr(r.err, '\n'));
    }
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(refused_action_ebusy_is_exit_2)
{
    struct cli_config cfg;
    struct run r;

    one("p", CHECKED, 0);
    f.action_rc = -EBUSY;
    cfg = start();
    RUN(&r, &cfg, "apply", "p");
    CHECK_EQ(r.status, 2);
    CHECK_STR(r.out, "Applying p... failed\n");
    CHECK(has(r.err, "Error 16: Device or resource busy\n"));
    CHECK(has(r.err, "busy with another live-patch action: try again"));
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(refused_action_einval_is_exit_1_and_explained)
{
    struct cli_config cfg;
    struct run r;

    one("p", CHECKED, 0);
    f.action_rc = -EINVAL;
    cfg = start();
    RUN(&r, &cfg, "apply", "p");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "Error 22: Invalid argument\n"));
    CHECK(has(r.err, ".livepatch.depends"));
    CHECK(has(r.err, "--nodeps"));
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(failure_reported_in_status_rc)
{
    struct cli_config cfg;
    struct run r;

    one("p", CHECKED, 0);
    f.action_result = -EBUSY; /* the rendezvous timed out */
    cfg = start();
    RUN(&r, &cfg, "apply", "p", "--timeout", "1000");
    CHECK_EQ(r.status, 2);
    CHECK_STR(r.out, "Applying p... failed\n");
    CHECK(has(r.err, "Error 16: Device or resource busy\n"));
    CHECK(has(r.err, "safe point within the action's timeout"));
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(revert_blocked_names_the_later_payloads)
{
    struct cli_config cfg;
    struct run r;

    fake_relay_init(&f);
    fake_relay_add(&f, "a", APPLIED, 0, "", 0);
    fake_relay_add(&f, "b", CHECKED, 0, "", 0);
    fake_relay_add(&f, "c", APPLIED, 0, "", 0);
    fake_relay_add(&f, "d", APPLIED, 0, "", 0);
    cfg = start();
    RUN(&r, &cfg, "revert", "a");
    CHECK_EQ(r.status, 2);
    CHECK_STR(r.out, "Reverting a... failed\n");
    CHECK_STR(r.err, "Error 16: Device or resource busy\n"
                     "Payloads applied after it are still applied: c, d.\n"
                     "Revert them first, the newest first. (From 'xen-livepatch list': the "
                     "applied payloads uploaded after a; the list shows upload order.)\n");
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(revert_blocked_by_one_payload)
{
    struct cli_config cfg;
    struct run r;

    fake_relay_init(&f);
    fake_relay_add(&f, "a", APPLIED, 0, "", 0);
    fake_relay_add(&f, "b", APPLIED, 0, "", 0);
    cfg = start();
    RUN(&r, &cfg, "revert", "a");
    CHECK_EQ(r.status, 2);
    CHECK(has(r.err, "Payloads applied after it are still applied: b.\nRevert it first. (From"));
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(busy_because_of_another_action_names_it)
{
    struct cli_config cfg;
    struct run r;

    fake_relay_init(&f);
    fake_relay_add(&f, "a", CHECKED, 0, "", 0);
    fake_relay_add(&f, "b", CHECKED, -EAGAIN, "", 0);
    f.action_rc = -EBUSY;
    cfg = start();
    RUN(&r, &cfg, "apply", "a");
    CHECK_EQ(r.status, 2);
    CHECK(has(r.err, "Another live-patch action is in progress (on b): try again."));
    run_free(&r);
    fake_relay_stop(&f);
}

static char *payload_file(const char *name, const uint8_t *xen_id, uint32_t len)
{
    static const uint8_t self[4] = { 0xfe, 0xed, 0xfa, 0xce };
    struct note_section s[] = {
        { ".note.gnu.build-id", self, sizeof(self), 3, "GNU" },
        { ".livepatch.xen_depends", xen_id, len, 3, "GNU" },
    };
    size_t size;
    uint8_t *img = elf_with_notes(&size, false, false, s, 2);
    char *path = write_temp_file(name, img, size);

    free(img);
    return path;
}

TEST(upload_completes)
{
    struct cli_config cfg;
    struct run r;
    char *path, *want;

    fake_relay_init(&f);
    path = payload_file("xsa-1.livepatch", f.build_id, 20);
    cfg = start();
    RUN(&r, &cfg, "upload", "xsa-1", path);
    CHECK_EQ(r.status, 0);
    REQUIRE(asprintf(&want, "Uploading %s... completed\n", path) > 0);
    CHECK_STR(r.out, want);
    free(want);
    CHECK_EQ(fake_relay_count(&f, "UPLOAD"), 1);
    run_free(&r);
    remove_temp_file(path);
    fake_relay_stop(&f);
}

TEST(upload_for_another_hypervisor_shows_both_build_ids)
{
    static const uint8_t other[20] = { 0xca, 0xfe, 0xba, 0xbe };
    struct cli_config cfg;
    struct run r;
    char *path;

    fake_relay_init(&f);
    f.upload_rc = -EINVAL;
    path = payload_file("xsa-2.livepatch", other, sizeof(other));
    cfg = start();
    RUN(&r, &cfg, "upload", "xsa-2", path);
    CHECK_EQ(r.status, 1);
    CHECK(has(r.out, "... failed\n"));
    CHECK(has(r.err, "Error 22: Invalid argument\n"));
    CHECK(has(r.err, "xsa-2.livepatch was built for another hypervisor:\n"
                     "  the payload needs build-id cafebabe00000000000000000000000000000000 "
                     "(.livepatch.xen_depends)\n"
                     "  the running hypervisor is  000102030405060708090a0b0c0d0e0f10111213\n"));
    run_free(&r);
    remove_temp_file(path);
    fake_relay_stop(&f);
}

TEST(upload_refused_with_matching_build_id_points_at_the_log)
{
    struct cli_config cfg;
    struct run r;
    char *path;

    fake_relay_init(&f);
    f.upload_rc = -EINVAL;
    path = payload_file("xsa-3.livepatch", f.build_id, 20);
    cfg = start();
    RUN(&r, &cfg, "upload", "xsa-3", path);
    CHECK_EQ(r.status, 1);
    CHECK(!has(r.err, "another hypervisor"));
    CHECK(has(r.err, "console log names the reason"));
    run_free(&r);
    remove_temp_file(path);
    fake_relay_stop(&f);
}

TEST(upload_refusals_explained_from_the_file)
{
    static const char text[] = "#!/bin/sh\n";
    struct note_section s[] = { { ".note.gnu.build-id", (const uint8_t *)"abcd", 4, 3, "GNU" } };
    struct cli_config cfg;
    struct run r;
    size_t size;
    uint8_t *img;
    char *not_elf, *no_note;

    fake_relay_init(&f);
    f.upload_rc = -EINVAL;
    img = elf_with_notes(&size, false, false, s, 1);
    not_elf = write_temp_file("script.livepatch", text, sizeof(text));
    no_note = write_temp_file("plain.o", img, size);
    cfg = start();
    RUN(&r, &cfg, "upload", "x", not_elf);
    CHECK(has(r.err, "script.livepatch is not an ELF file"));
    run_free(&r);
    RUN(&r, &cfg, "upload", "y", no_note);
    CHECK(has(r.err, "plain.o has no .livepatch.xen_depends build-id note"));
    run_free(&r);
    free(img);
    remove_temp_file(not_elf);
    remove_temp_file(no_note);
    fake_relay_stop(&f);
}

TEST(upload_under_a_taken_name_says_so)
{
    struct cli_config cfg;
    struct run r;
    char *path;

    one("xsa-1", APPLIED, 0);
    path = payload_file("xsa-1.livepatch", f.build_id, 20);
    cfg = start();
    RUN(&r, &cfg, "upload", "xsa-1", path);
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "Error 17: File exists\n"
                     "A payload named 'xsa-1' is already uploaded (APPLIED): unload it first, "
                     "or upload under another name.\n"));
    run_free(&r);
    remove_temp_file(path);
    fake_relay_stop(&f);
}

TEST(upload_size_limits_said_before_sending)
{
    struct cli_config cfg;
    struct run r;
    char *big, *empty;
    char *data = calloc(1, (2u << 20) + 1);

    fake_relay_init(&f);
    big = write_temp_file("big.livepatch", data, (2u << 20) + 1);
    empty = write_temp_file("empty.livepatch", data, 0);
    cfg = start();
    RUN(&r, &cfg, "upload", "big", big);
    CHECK_EQ(r.status, 1);
    CHECK(has(r.out, "big.livepatch... failed\n"));
    CHECK(has(r.err, "Error 27: File too large\n"));
    CHECK(has(r.err, "is 2097153 bytes; the hypervisor takes payloads of at most 2097152 bytes"));
    run_free(&r);
    RUN(&r, &cfg, "upload", "empty", empty);
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "Error 22: Invalid argument\n"));
    CHECK(has(r.err, "empty.livepatch is empty."));
    run_free(&r);
    CHECK_EQ(fake_relay_count(&f, "UPLOAD"), 0);
    free(data);
    remove_temp_file(big);
    remove_temp_file(empty);
    fake_relay_stop(&f);
}

TEST(upload_of_a_missing_file)
{
    struct cli_config cfg;
    struct run r;

    fake_relay_init(&f);
    cfg = start();
    RUN(&r, &cfg, "upload", "p", "/nonexistent/p.livepatch");
    CHECK_EQ(r.status, 1);
    CHECK_STR(r.err, "Could not open /nonexistent/p.livepatch.\n"
                     "Error 2: No such file or directory\n");
    CHECK_STR(r.out, "");
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(force_is_refused_before_anything_is_sent)
{
    struct cli_config cfg;
    struct run r;
    char *path, *log;

    fake_relay_init(&f);
    path = payload_file("p.livepatch", f.build_id, 20);
    cfg = start();
    RUN(&r, &cfg, "--force", "upload", "p", path);
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "has no force flag; Xen 4.19 added it"));
    log = fake_relay_log(&f);
    CHECK(!has(log, "name=p "));
    free(log);
    run_free(&r);
    remove_temp_file(path);
    fake_relay_stop(&f);
}

TEST(load_uploads_under_the_base_name_and_applies)
{
    struct cli_config cfg;
    struct run r;
    char *path, *want, *log;

    fake_relay_init(&f);
    path = payload_file("xsa-9.v2.livepatch", f.build_id, 20);
    cfg = start();
    RUN(&r, &cfg, "load", path, "--nodeps");
    CHECK_EQ(r.status, 0);
    REQUIRE(asprintf(&want, "Uploading %s... completed\nApplying xsa-9.v2... completed\n", path) >
            0);
    CHECK_STR(r.out, want);
    free(want);
    log = fake_relay_log(&f);
    CHECK(has(log, "name=xsa-9.v2 size="));
    CHECK(has(log, "cmd=3 timeout=0 flags=1 name=xsa-9.v2\n"));
    free(log);
    run_free(&r);
    remove_temp_file(path);
    fake_relay_stop(&f);
}

TEST(load_unloads_again_when_apply_fails)
{
    struct cli_config cfg;
    struct run r;
    char *path, *log;

    fake_relay_init(&f);
    f.action_result = -EINVAL;
    path = payload_file("xsa-8.livepatch", f.build_id, 20);
    cfg = start();
    RUN(&r, &cfg, "load", path);
    CHECK_EQ(r.status, 1);
    CHECK(has(r.out, "Applying xsa-8... failed\nUnloading xsa-8... completed\n"));
    CHECK(has(r.err, "Error 22: Invalid argument\n"));
    log = fake_relay_log(&f);
    CHECK(has(log, "cmd=1 timeout=0 flags=0 name=xsa-8\n"));
    free(log);
    run_free(&r);
    remove_temp_file(path);
    fake_relay_stop(&f);
}

TEST(load_without_a_name_is_refused)
{
    struct cli_config cfg;
    struct run r;

    fake_relay_init(&f);
    cfg = start();
    RUN(&r, &cfg, "load", "/tmp/.livepatch");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "Cannot make a payload name out of /tmp/.livepatch"));
    CHECK_EQ(fake_relay_count(&f, "UPLOAD"), 0);
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(list_table_and_json_over_the_relay)
{
    struct cli_config cfg;
    struct run r;

    fake_relay_init(&f);
    fake_relay_add(&f, "xsa-1", APPLIED, 0, "LIVEPATCH_RULEZ=rulez\0", 22);
    fake_relay_add(&f, "xsa-2", CHECKED, -EOVERFLOW, "a=1\0b=2\0", 8);
    cfg = start();
    RUN(&r, &cfg, "list");
    CHECK_EQ(r.status, 0);
    CHECK_STR(r.out, " ID                                     | status     | metadata\n"
                     "----------------------------------------+------------+---------------\n"
                     "xsa-1                                   | APPLIED    | "
                     "LIVEPATCH_RULEZ=rulez\n"
                     "xsa-2                                   | CHECKED (75, Value too large for "
                     "defined data type)    | a=1;b=2\n");
    run_free(&r);
    RUN(&r, &cfg, "list", "--json");
    CHECK_EQ(r.status, 0);
    CHECK(has(r.out, "{\"name\": \"xsa-2\", \"state\": \"CHECKED\", \"rc\": -75, \"rc_name\": "
                     "\"EOVERFLOW\", \"metadata\": {\"a\": \"1\", \"b\": \"2\"}}"));
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(list_failures_keep_xen_messages)
{
    struct cli_config cfg;
    struct run r;

    fake_relay_init(&f);
    f.faults[0] =
        (struct fake_fault_spec){ RELAY_REQ_LIST, 0, FAULT_ERROR, -5, "serial line lost", false };
    cfg = start();
    RUN(&r, &cfg, "list", "--json");
    CHECK_EQ(r.status, 1);
    CHECK_STR(r.out, "");
    CHECK_STR(r.err, "Failed to get list sizes.\nError 5: Input/output error\n"
                     "The relay refused the LIST request: serial line lost.\n");
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(list_that_keeps_changing_is_exit_2)
{
    struct cli_config cfg;
    struct run r;

    fake_relay_init(&f);
    fake_relay_add(&f, "a", CHECKED, 0, "", 0);
    fake_relay_add(&f, "b", CHECKED, 0, "", 0);
    fake_relay_add(&f, "c", CHECKED, 0, "", 0);
    f.list_max = 1; /* several batches, so that the change shows */
    f.bump_every_list = true;
    cfg = start();
    RUN(&r, &cfg, "list");
    CHECK_EQ(r.status, 2);
    CHECK(has(r.err, "Error 16: Device or resource busy"));
    run_free(&r);
    fake_relay_stop(&f);
}
