/* SPDX-License-Identifier: MIT */
/*
 * The relay backend against a scripted relay (fake_relay.c): the HELLO
 * handshake, request ids, RELAY_ERROR replies turned into errno with their
 * words, and every way a reply can go wrong (closed mid-reply, wrong id,
 * bad checksums, wrong type, too short, silence), each an error and never a
 * hang; the 2 MiB limit checked before sending; LIST built from batches.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fake_relay.h"
#include "harness.h"
#include "relay_protocol.h"
#include "unit.h"

#define TIMEOUT_MS 400

static FILE *devnull(void)
{
    return fopen("/dev/null", "w");
}

static struct backend *open_relay(struct fake_relay *f)
{
    FILE *err = devnull();
    struct backend *b;

    fake_relay_start(f);
    b = backend_relay_open(f->sock, TIMEOUT_MS, err);
    fclose(err);
    return b;
}

static uint64_t now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* A GET that fails, with its errno and explanation, within the timeout. */
static void check_get_fails(struct fake_relay *f, int err, const char *why)
{
    struct backend *b = open_relay(f);
    struct lp_status st;
    uint64_t t0;
    int rc;

    REQUIRE(b);
    t0 = now_ms();
    rc = backend_livepatch_get(b, "p", &st);
    CHECK_EQ(rc, -1);
    CHECK_EQ(errno, err);
    CHECK(has(backend_message(b), why));
    CHECK(now_ms() - t0 < TIMEOUT_MS + 1000);
    /* The stream is not trusted any more: the next call fails at once. */
    t0 = now_ms();
    CHECK_EQ(backend_livepatch_get(b, "p", &st), -1);
    CHECK(has(backend_message(b), "unusable after an earlier error"));
    CHECK(now_ms() - t0 < 100);
    backend_close(b);
    fake_relay_stop(f);
}

TEST(hello_gives_the_hypervisor_build_id)
{
    struct fake_relay f;
    struct backend *b;
    uint8_t id[LP_BUILD_ID_MAX];

    fake_relay_init(&f);
    b = open_relay(&f);
    REQUIRE(b);
    CHECK_EQ(backend_build_id(b, id, sizeof(id)), 20);
    CHECK(!memcmp(id, f.build_id, 20));
    CHECK_EQ(fake_relay_count(&f, "HELLO id="), 1);
    backend_close(b);
    fake_relay_stop(&f);
}

TEST(request_ids_increment)
{
    struct fake_relay f;
    struct backend *b;
    struct lp_status st;
    unsigned int ids[4] = { 0 };
    char *log, *line;

    fake_relay_init(&f);
    fake_relay_add(&f, "p", 1, 0, "", 0);
    b = open_relay(&f);
    REQUIRE(b);
    for (int i = 0; i < 3; i++)
        CHECK_EQ(backend_livepatch_get(b, "p", &st), 0);
    backend_close(b);
    log = fake_relay_log(&f);
    line = log;
    for (int i = 0; i < 4 && line; i++) {
        line = strstr(line, "id=");
        if (line)
            ids[i] = (unsigned int)strtoul(line + 3, &line, 10);
    }
    CHECK(ids[0] != 0);
    for (int i = 1; i < 4; i++)
        CHECK_EQ(ids[i], ids[i - 1] + 1);
    free(log);
    fake_relay_stop(&f);
}

TEST(get_answers_state_and_rc)
{
    struct fake_relay f;
    struct backend *b;
    struct lp_status st;

    fake_relay_init(&f);
    fake_relay_add(&f, "p", 2, -16, "", 0);
    b = open_relay(&f);
    REQUIRE(b);
    CHECK_EQ(backend_livepatch_get(b, "p", &st), 0);
    CHECK_EQ(st.state, 2);
    CHECK_EQ(st.rc, -16);
    CHECK_EQ(backend_livepatch_get(b, "q", &st), -1);
    CHECK_EQ(errno, ENOENT);
    CHECK(backend_message(b) == NULL); /* the hypervisor's answer: no transport story */
    backend_close(b);
    fake_relay_stop(&f);
}

TEST(relay_error_becomes_errno_and_its_words)
{
    struct fake_relay f;
    struct backend *b;
    struct lp_status st;

    fake_relay_init(&f);
    f.faults[0] =
        (struct fake_fault_spec){ RELAY_REQ_GET, 1, FAULT_ERROR, -74, "body checksum mismatch",
                                  false };
    b = open_relay(&f);
    REQUIRE(b);
    CHECK_EQ(backend_livepatch_get(b, "p", &st), -1);
    CHECK_EQ(errno, EBADMSG);
    CHECK(has(backend_message(b), "refused the GET request: body checksum mismatch"));
    /* A refusal is an answer: the connection goes on. */
    CHECK_EQ(backend_livepatch_get(b, "p", &st), -1);
    CHECK_EQ(errno, ENOENT);
    backend_close(b);
    fake_relay_stop(&f);
}

TEST(relay_error_with_id_zero_is_the_answer)
{
    struct fake_relay f;
    struct backend *b;
    struct lp_status st;

    fake_relay_init(&f);
    f.faults[0] =
        (struct fake_fault_spec){ RELAY_REQ_GET, 1, FAULT_ERROR, -7, "frame too long", true };
    b = open_relay(&f);
    REQUIRE(b);
    CHECK_EQ(backend_livepatch_get(b, "p", &st), -1);
    CHECK_EQ(errno, E2BIG);
    CHECK(has(backend_message(b), "frame too long"));
    backend_close(b);
    fake_relay_stop(&f);
}

TEST(relay_error_shown_by_the_command)
{
    struct fake_relay f;
    struct cli_config cfg = harness_config();
    struct run r;

    fake_relay_init(&f);
    f.faults[0] = (struct fake_fault_spec){ RELAY_REQ_ACTION,           0,    FAULT_ERROR, -22,
                                            "ACTION body is malformed", false };
    fake_relay_add(&f, "p", 1, 0, "", 0);
    fake_relay_start(&f);
    cfg.connect_env = f.sock;
    RUN(&r, &cfg, "apply", "p");
    CHECK_EQ(r.status, 1);
    CHECK_STR(r.out, "Applying p... failed\n");
    CHECK(has(r.err, "Error 22: Invalid argument\n"
                     "The relay refused the ACTION request: ACTION body is malformed.\n"));
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(relay_closing_mid_reply_is_an_error_not_a_hang)
{
    struct fake_relay f;

    fake_relay_init(&f);
    f.faults[0] = (struct fake_fault_spec){ RELAY_REQ_GET, 1, FAULT_CLOSE_MID_REPLY, 0, 0, 0 };
    check_get_fails(&f, ECONNABORTED, "closed the connection in the middle of a reply");
}

TEST(relay_stalling_mid_reply_times_out)
{
    struct fake_relay f;

    fake_relay_init(&f);
    f.faults[0] = (struct fake_fault_spec){ RELAY_REQ_GET, 1, FAULT_STALL_MID_REPLY, 0, 0, 0 };
    check_get_fails(&f, ETIMEDOUT, "the relay stopped in the middle of a reply");
}

TEST(relay_closing_before_reply)
{
    struct fake_relay f;

    fake_relay_init(&f);
    f.faults[0] = (struct fake_fault_spec){ RELAY_REQ_GET, 1, FAULT_CLOSE, 0, 0, 0 };
    check_get_fails(&f, ECONNRESET, "the relay closed the connection (GET request");
}

TEST(corrupt_body_crc_is_refused)
{
    struct fake_relay f;

    fake_relay_init(&f);
    f.faults[0] = (struct fake_fault_spec){ RELAY_REQ_GET, 1, FAULT_BAD_BODY_CRC, 0, 0, 0 };
    check_get_fails(&f, EBADMSG, "failed its body checksum");
}

TEST(corrupt_header_is_refused)
{
    struct fake_relay f;

    fake_relay_init(&f);
    f.faults[0] = (struct fake_fault_spec){ RELAY_REQ_GET, 1, FAULT_BAD_HEADER, 0, 0, 0 };
    check_get_fails(&f, EBADMSG, "corrupt frame header");
}

TEST(silent_relay_times_out)
{
    struct fake_relay f;

    fake_relay_init(&f);
    f.faults[0] = (struct fake_fault_spec){ RELAY_REQ_GET, 1, FAULT_SILENT, 0, 0, 0 };
    check_get_fails(&f, ETIMEDOUT, "the relay did not answer");
}

TEST(reply_of_the_wrong_type_is_refused)
{
    struct fake_relay f;

    fake_relay_init(&f);
    f.faults[0] = (struct fake_fault_spec){ RELAY_REQ_GET, 1, FAULT_WRONG_TYPE, 0, 0, 0 };
    check_get_fails(&f, EPROTO, "wrong type");
}

TEST(reply_too_short_is_refused)
{
    struct fake_relay f;

    fake_relay_init(&f);
    f.faults[0] = (struct fake_fault_spec){ RELAY_REQ_GET, 1, FAULT_SHORT_BODY, 0, 0, 0 };
    check_get_fails(&f, EPROTO, "wrong type or no answer");
}

TEST(reply_to_another_id_is_dropped)
{
    struct fake_relay f;
    struct backend *b;
    struct lp_status st;

    fake_relay_init(&f);
    fake_relay_add(&f, "p", 2, 0, "", 0);
    f.faults[0] = (struct fake_fault_spec){ RELAY_REQ_GET, 1, FAULT_WRONG_ID_FIRST, 0, 0, 0 };
    b = open_relay(&f);
    REQUIRE(b);
    CHECK_EQ(backend_livepatch_get(b, "p", &st), 0);
    CHECK_EQ(st.state, 2);
    /* Still in step: this answer is to this question, not the last one's twin. */
    CHECK_EQ(backend_livepatch_get(b, "q", &st), -1);
    CHECK_EQ(errno, ENOENT);
    backend_close(b);
    fake_relay_stop(&f);
}

TEST(only_a_reply_to_another_id_times_out_and_says_so)
{
    struct fake_relay f;

    fake_relay_init(&f);
    f.faults[0] = (struct fake_fault_spec){ RELAY_REQ_GET, 1, FAULT_WRONG_ID_ONLY, 0, 0, 0 };
    check_get_fails(&f, ETIMEDOUT, "it sent 1 reply to other requests");
}

TEST(leftovers_before_the_hello_reply_are_skipped)
{
    struct fake_relay f;
    struct backend *b;
    struct lp_status st;

    fake_relay_init(&f);
    fake_relay_add(&f, "p", 1, 0, "", 0);
    f.faults[0] = (struct fake_fault_spec){ RELAY_REQ_HELLO, 1, FAULT_GARBAGE_FIRST, 0, 0, 0 };
    b = open_relay(&f);
    REQUIRE(b);
    CHECK_EQ(backend_livepatch_get(b, "p", &st), 0);
    backend_close(b);
    fake_relay_stop(&f);
}

TEST(garbage_after_the_hello_is_an_error)
{
    struct fake_relay f;

    fake_relay_init(&f);
    f.faults[0] = (struct fake_fault_spec){ RELAY_REQ_GET, 1, FAULT_GARBAGE_FIRST, 0, 0, 0 };
    check_get_fails(&f, EBADMSG, "corrupt frame header");
}

TEST(other_protocol_version_is_refused_at_hello)
{
    struct fake_relay f;
    char *text = NULL;
    size_t len;
    FILE *err;

    fake_relay_init(&f);
    f.relay_version = 2;
    fake_relay_start(&f);
    err = open_memstream(&text, &len);
    CHECK(backend_relay_open(f.sock, TIMEOUT_MS, err) == NULL);
    fclose(err);
    CHECK(has(text, "did not complete the handshake"));
    CHECK(has(text, "relay protocol 2; this xen-livepatch speaks 1"));
    free(text);
    fake_relay_stop(&f);
}

TEST(hello_refused_is_reported)
{
    struct fake_relay f;
    struct cli_config cfg = harness_config();
    struct run r;

    fake_relay_init(&f);
    f.faults[0] =
        (struct fake_fault_spec){ RELAY_REQ_HELLO, 1, FAULT_ERROR, -95, "unknown version", false };
    fake_relay_start(&f);
    cfg.connect_env = f.sock;
    RUN(&r, &cfg, "list");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "did not complete the handshake: Operation not supported"));
    CHECK(has(r.err, "unknown version"));
    run_free(&r);
    fake_relay_stop(&f);
}

TEST(no_relay_listening_is_a_clear_error)
{
    struct cli_config cfg = harness_config();
    struct run r;

    cfg.connect_env = "/nonexistent/relay.sock";
    RUN(&r, &cfg, "list");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "Cannot connect to the relay at /nonexistent/relay.sock: No such file"));
    run_free(&r);
}

TEST(socket_path_too_long_is_refused)
{
    char path[200];
    struct cli_config cfg = harness_config();
    struct run r;

    memset(path, 'a', sizeof(path) - 1);
    path[0] = '/';
    path[sizeof(path) - 1] = '\0';
    cfg.connect_env = path;
    RUN(&r, &cfg, "list");
    CHECK_EQ(r.status, 1);
    CHECK(has(r.err, "is too long"));
    run_free(&r);
}

TEST(payload_over_2mib_is_refused_before_sending)
{
    struct fake_relay f;
    struct backend *b;
    unsigned char *big = calloc(1, RELAY_MAX_PAYLOAD + 1);

    fake_relay_init(&f);
    b = open_relay(&f);
    REQUIRE(b);
    CHECK_EQ(backend_livepatch_upload(b, "big", big, RELAY_MAX_PAYLOAD + 1), -1);
    CHECK_EQ(errno, EFBIG);
    CHECK(has(backend_message(b), "at most 2097152"));
    CHECK_EQ(fake_relay_count(&f, "UPLOAD"), 0);
    /* Exactly 2 MiB goes. */
    CHECK_EQ(backend_livepatch_upload(b, "big", big, RELAY_MAX_PAYLOAD), 0);
    CHECK_EQ(fake_relay_count(&f, "UPLOAD"), 1);
    backend_close(b);
    free(big);
    fake_relay_stop(&f);
}

TEST(relay_frame_limit_from_hello_is_kept)
{
    struct fake_relay f;
    struct backend *b;
    unsigned char payload[2000] = { 0 };

    fake_relay_init(&f);
    f.max_body = 1000;
    b = open_relay(&f);
    REQUIRE(b);
    CHECK_EQ(backend_livepatch_upload(b, "p", payload, sizeof(payload)), -1);
    CHECK_EQ(errno, EFBIG);
    CHECK(has(backend_message(b), "the relay takes at most 1000"));
    CHECK_EQ(fake_relay_count(&f, "UPLOAD"), 0);
    backend_close(b);
    fake_relay_stop(&f);
}

TEST(upload_sends_flags_name_and_payload)
{
    struct fake_relay f;
    struct backend *b;
    unsigned char payload[100] = { 0x7f };
    char *log;

    fake_relay_init(&f);
    b = open_relay(&f);
    REQUIRE(b);
    CHECK_EQ(backend_livepatch_upload(b, "xsa-1", payload, sizeof(payload)), 0);
    CHECK_EQ(backend_livepatch_upload(b, "xsa-1", payload, sizeof(payload)), -1);
    CHECK_EQ(errno, EEXIST);
    log = fake_relay_log(&f);
    CHECK(has(log, "flags=0 name=xsa-1 size=100\n"));
    free(log);
    backend_close(b);
    fake_relay_stop(&f);
}

/* Lists @n payloads through the backend and checks every entry. */
static void check_list(struct fake_relay *f, unsigned int n)
{
    struct backend *b = open_relay(f);
    unsigned int nr, done, left;
    uint32_t names, meta, len[FAKE_PAYLOADS], mlen[FAKE_PAYLOADS], off = 0;
    struct lp_status info[FAKE_PAYLOADS];
    char *name, *metadata;

    REQUIRE(b);
    CHECK_EQ(backend_livepatch_list_get_sizes(b, &nr, &names, &meta), 0);
    CHECK_EQ(nr, n);
    name = malloc(names);
    metadata = malloc(meta + 1);
    CHECK_EQ(backend_livepatch_list(b, nr, 0, info, name, len, names, metadata, mlen, meta, &done,
                                    &left),
             0);
    CHECK_EQ(done, n);
    CHECK_EQ(left, 0);
    for (unsigned int i = 0; i < done && i < n; i++) {
        CHECK_STR(name + off, f->p[i].name);
        CHECK_EQ(len[i], strlen(f->p[i].name) + 1);
        CHECK_EQ(info[i].state, f->p[i].state);
        CHECK_EQ(mlen[i], f->p[i].meta_len);
        off += len[i];
    }
    free(name);
    free(metadata);
    backend_close(b);
}

static void add_many(struct fake_relay *f, unsigned int n)
{
    for (unsigned int i = 0; i < n; i++) {
        char name[32], meta[32];
        int m = snprintf(meta, sizeof(meta), "n=%u", i);

        snprintf(name, sizeof(name), "payload-%u", i);
        fake_relay_add(f, name, 1 + i % 2, 0, meta, (uint32_t)m + 1);
    }
}

TEST(list_comes_in_batches)
{
    struct fake_relay f;

    fake_relay_init(&f);
    add_many(&f, 40);
    f.list_max = 3;
    check_list(&f, 40);
    /* One LIST of no entries for the sizes, then 14 batches. */
    CHECK_EQ(fake_relay_count(&f, "LIST"), 15);
    fake_relay_stop(&f);
}

TEST(list_halves_its_batch_on_e2big)
{
    struct fake_relay f;

    fake_relay_init(&f);
    add_many(&f, 12);
    f.list_e2big_over = 5;
    check_list(&f, 12);
    fake_relay_stop(&f);
}

static unsigned int occurrences(const char *text, const char *what)
{
    unsigned int n = 0;

    for (const char *p = text; (p = strstr(p, what)); p++)
        n++;
    return n;
}

TEST(list_restarts_when_the_version_changes)
{
    struct fake_relay f;
    char *log;

    fake_relay_init(&f);
    add_many(&f, 10);
    f.list_max = 4;
    f.bump_version_at_list = 3; /* in the middle of the listing */
    check_list(&f, 10);
    log = fake_relay_log(&f);
    /* Sizes: idx 0 nr 0; the list: 0, 4 (changed: again from) 0, 4, 8. */
    CHECK_EQ(fake_relay_count(&f, "LIST"), 6);
    CHECK_EQ(occurrences(log, "idx=0 "), 3);
    free(log);
    fake_relay_stop(&f);
}

TEST(list_that_keeps_changing_is_ebusy)
{
    struct fake_relay f;
    struct backend *b;
    unsigned int nr, done, left;
    uint32_t names, meta, len[FAKE_PAYLOADS], mlen[FAKE_PAYLOADS];
    struct lp_status info[FAKE_PAYLOADS];
    char name[FAKE_PAYLOADS * LP_NAME_SIZE], metadata[FAKE_PAYLOADS * 32];

    fake_relay_init(&f);
    add_many(&f, 10);
    f.list_max = 2;
    f.bump_every_list = true;
    b = open_relay(&f);
    REQUIRE(b);
    REQUIRE(backend_livepatch_list_get_sizes(b, &nr, &names, &meta) == 0);
    CHECK_EQ(backend_livepatch_list(b, nr, 0, info, name, len, names, metadata, mlen, meta, &done,
                                    &left),
             -1);
    CHECK_EQ(errno, EBUSY);
    CHECK(has(backend_message(b), "kept changing"));
    backend_close(b);
    fake_relay_stop(&f);
}

TEST(list_into_too_small_buffers_is_enobufs)
{
    struct fake_relay f;
    struct backend *b;
    unsigned int done, left;
    uint32_t len[4], mlen[4];
    struct lp_status info[4];
    char name[12], meta[64];

    fake_relay_init(&f);
    add_many(&f, 4); /* "payload-0".."payload-3": 40 bytes of names */
    b = open_relay(&f);
    REQUIRE(b);
    CHECK_EQ(backend_livepatch_list(b, 4, 0, info, name, len, sizeof(name), meta, mlen,
                                    sizeof(meta), &done, &left),
             -1);
    CHECK_EQ(errno, ENOBUFS);
    CHECK_EQ(done, 1);
    /* A zero name size, as libxenctrl: ENOENT. */
    CHECK_EQ(
        backend_livepatch_list(b, 4, 0, info, name, len, 0, meta, mlen, sizeof(meta), &done, &left),
        -1);
    CHECK_EQ(errno, ENOENT);
    backend_close(b);
    fake_relay_stop(&f);
}

TEST(list_from_a_start_index)
{
    struct fake_relay f;
    struct backend *b;
    unsigned int done, left;
    uint32_t len[8], mlen[8];
    struct lp_status info[8];
    char name[256], meta[256], *log;

    fake_relay_init(&f);
    add_many(&f, 6);
    f.list_max = 2;
    b = open_relay(&f);
    REQUIRE(b);
    CHECK_EQ(backend_livepatch_list(b, 3, 2, info, name, len, sizeof(name), meta, mlen,
                                    sizeof(meta), &done, &left),
             0);
    CHECK_EQ(done, 3);
    CHECK_EQ(left, 1);
    CHECK_STR(name, "payload-2");
    log = fake_relay_log(&f);
    CHECK(has(log, "idx=2 nr=3"));
    CHECK(has(log, "idx=4 nr=1"));
    free(log);
    backend_close(b);
    fake_relay_stop(&f);
}
