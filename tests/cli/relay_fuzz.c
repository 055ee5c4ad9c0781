/* SPDX-License-Identifier: MIT */
/*
 * relay-fuzz SOCKET [SEED] [CASES] [SECONDS]: random and corrupted frames
 * against a live relay.  After every case a HELLO must still be answered,
 * within a few seconds, with a sound reply: the relay may refuse garbage
 * but must never hang, crash or stop serving.  Cases whose outcome is
 * known (a flipped header or body bit, an unknown type or version, a body
 * over the limit, a truncated frame, a malformed body) must also get the
 * right RELAY_ERROR.  Prints one line, "PASS: cli-relay/framing-fuzz (...)"
 * or "FAIL: ...", and exits 0 or 1.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "relay_io.h"

#define IDLE_MS 3000
#define ANSWER_NS 10000000000ULL
#define TRUNCATED_CASES_MAX 4 /* each costs the relay's half-second byte timeout */

/* Xen errno values in RELAY_ERROR bodies. */
#define XEN_EINVAL 22
#define XEN_E2BIG 7
#define XEN_EBADMSG 74
#define XEN_EOPNOTSUPP 95
#define XEN_ETIMEDOUT 110

static int fd;
static uint32_t next_id = 1000;
static unsigned long frames, error_replies;
static uint64_t rng;

static uint32_t rnd(void)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng >> 33);
}

static __attribute__((noreturn, format(printf, 1, 2))) void fail(const char *fmt, ...)
{
    va_list ap;

    printf("FAIL: cli-relay/framing-fuzz: ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf(" (seed %llu)\n", (unsigned long long)rng);
    exit(1);
}

static void send_raw(const void *p, size_t len)
{
    const uint8_t *b = p;

    while (len) {
        ssize_t n = send(fd, b, len, MSG_NOSIGNAL);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            fail("the relay stopped taking bytes: %s", strerror(errno));
        b += n;
        len -= (size_t)n;
    }
}

/* A frame with sound checksums, into @out; returns its length. */
static size_t make_frame(uint8_t *out, uint16_t type, uint32_t id, const void *body, uint32_t len)
{
    relay_header_encode(out, type, id, body, len);
    if (len)
        memcpy(out + RELAY_HEADER_SIZE, body, len);
    return RELAY_HEADER_SIZE + len;
}

/*
 * Reads replies until the one with @id; returns its type and, for a
 * RELAY_ERROR, *@err.  Other error replies (to garbage) are counted.
 */
static uint16_t await(uint32_t id, int32_t *err)
{
    uint64_t deadline = relay_io_now_ns() + ANSWER_NS;

    for (;;) {
        struct relay_frame f;
        const char *why;
        int rc = relay_io_recv(fd, deadline, IDLE_MS, false, &f, &why);
        uint16_t type;

        if (rc)
            fail("no sound reply to frame %u: %s", id, why);
        type = f.h.type;
        if (type == RELAY_ERROR) {
            struct relay_cursor c;

            relay_cursor_init(&c, f.body, f.h.length);
            *err = (int32_t)relay_get_u32(&c);
            if (c.overflow || !relay_get_string(&c, 256))
                fail("a malformed RELAY_ERROR body");
            error_replies++;
        }
        relay_io_frame_free(&f);
        if (f.h.id == id)
            return type;
    }
}

/* The relay must still answer a HELLO. */
static void check_alive(void)
{
    uint8_t frame[RELAY_HEADER_SIZE];
    uint32_t id = next_id++;
    int32_t err = 0;

    make_frame(frame, RELAY_REQ_HELLO, id, NULL, 0);
    send_raw(frame, sizeof(frame));
    if (await(id, &err) != (RELAY_REPLY | RELAY_REQ_HELLO))
        fail("HELLO %u answered with error %d", id, err);
}

/* Sends @frame and expects RELAY_ERROR @want for @id. */
static void expect_error(const void *frame, size_t len, uint32_t id, int want, const char *what)
{
    int32_t err = 0;

    send_raw(frame, len);
    frames++;
    if (await(id, &err) != RELAY_ERROR || err != -want)
        fail("%s: expected error -%d, got %d", what, want, err);
}

static void case_garbage(uint8_t *buf)
{
    size_t len = 1 + rnd() % 4096;

    for (size_t i = 0; i < len; i++)
        buf[i] = (uint8_t)rnd();
    if (rnd() % 2) /* now and then a magic in the middle of it */
        memcpy(buf + rnd() % len, "LPRL", len >= 4 ? 4 : len);
    send_raw(buf, len);
    frames++;
}

static void case_flipped_header(uint8_t *buf)
{
    size_t len = make_frame(buf, RELAY_REQ_HELLO, next_id++, NULL, 0);

    buf[4 + rnd() % (RELAY_HEADER_SIZE - 4)] ^= (uint8_t)(1u << (rnd() % 8));
    expect_error(buf, len, 0, XEN_EBADMSG, "a header with one bit flipped");
}

static void case_flipped_body(uint8_t *buf)
{
    uint8_t body[64];
    uint32_t id = next_id++, n = 1 + rnd() % sizeof(body);
    size_t len;

    for (uint32_t i = 0; i < n; i++)
        body[i] = (uint8_t)rnd();
    len = make_frame(buf, RELAY_REQ_GET, id, body, n);
    buf[RELAY_HEADER_SIZE + rnd() % n] ^= (uint8_t)(1u << (rnd() % 8));
    expect_error(buf, len, id, XEN_EBADMSG, "a body with one bit flipped");
}

static void case_unknown_type(uint8_t *buf)
{
    uint32_t id = next_id++;
    uint16_t type = (uint16_t)(RELAY_REQ_RUN + 1 + rnd() % 0x7ff0);
    size_t len = make_frame(buf, type, id, "x", 1);

    expect_error(buf, len, id, XEN_EOPNOTSUPP, "an unknown request type");
}

static void case_other_version(uint8_t *buf)
{
    uint32_t id = next_id++;

    make_frame(buf, RELAY_REQ_HELLO, id, NULL, 0);
    buf[4] = (uint8_t)(2 + rnd() % 200); /* version, then fix the header's checksum */
    for (int i = 0; i < 4; i++)
        buf[20 + i] = (uint8_t)(relay_crc32(0, buf, 20) >> (8 * i));
    expect_error(buf, RELAY_HEADER_SIZE, id, XEN_EOPNOTSUPP, "another protocol version");
}

static void case_too_long(uint8_t *buf)
{
    uint32_t id = next_id++, length = RELAY_MAX_BODY + 1 + rnd() % 1000000;

    make_frame(buf, RELAY_REQ_UPLOAD, id, NULL, 0);
    for (int i = 0; i < 4; i++)
        buf[12 + i] = (uint8_t)(length >> (8 * i));
    for (int i = 0; i < 4; i++)
        buf[20 + i] = (uint8_t)(relay_crc32(0, buf, 20) >> (8 * i));
    expect_error(buf, RELAY_HEADER_SIZE, id, XEN_E2BIG, "a body over the limit");
}

static void case_truncated(uint8_t *buf)
{
    uint32_t id = next_id++;
    size_t len = make_frame(buf, RELAY_REQ_GET, id, "\x05\x00name", 6);

    /* Cut in the body: the relay knows the frame's id, and times out. */
    expect_error(buf, len - 1 - rnd() % 5, id, XEN_ETIMEDOUT, "a truncated frame");
}

/* Sound frames of every request type with random bodies: real hypercalls. */
static void case_random_request(uint8_t *buf)
{
    static const uint16_t types[] = { RELAY_REQ_UPLOAD, RELAY_REQ_GET, RELAY_REQ_LIST,
                                      RELAY_REQ_ACTION, RELAY_REQ_RUN };
    uint8_t body[300];
    uint32_t id = next_id++, n = rnd() % sizeof(body);
    uint16_t type = types[rnd() % 5];
    int32_t err = 0;
    uint16_t got;

    for (uint32_t i = 0; i < n; i++)
        body[i] = (uint8_t)rnd();
    if (type == RELAY_REQ_ACTION && n >= 12 && rnd() % 2)
        memset(body, 0, 12); /* cmd 0 and so on: invalid, but well-formed */
    send_raw(buf, make_frame(buf, type, id, body, n));
    frames++;
    got = await(id, &err);
    if (got != (RELAY_REPLY | type) && !(got == RELAY_ERROR && err == -XEN_EINVAL))
        fail("request type %u: reply type %#x, error %d", type, got, err);
}

int main(int argc, char **argv)
{
    static uint8_t buf[8192];
    unsigned long cases, max_cases = argc > 3 ? strtoul(argv[3], NULL, 0) : 300;
    uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 0) : (uint64_t)relay_io_now_ns();
    uint64_t start = relay_io_now_ns(),
             limit = (argc > 4 ? strtoull(argv[4], NULL, 0) : 60) * 1000000000ULL;
    unsigned int truncated = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: relay-fuzz SOCKET [SEED] [CASES] [SECONDS]\n");
        return 2;
    }
    rng = seed;
    fd = relay_io_connect(argv[1]);
    if (fd < 0)
        fail("cannot connect to %s: %s", argv[1], strerror(-fd));
    check_alive();
    for (cases = 0; cases < max_cases && relay_io_now_ns() - start < limit; cases++) {
        switch (rnd() % 8) {
        case 0:
            case_garbage(buf);
            break;
        case 1:
            case_flipped_header(buf);
            break;
        case 2:
            case_flipped_body(buf);
            break;
        case 3:
            case_unknown_type(buf);
            break;
        case 4:
            case_other_version(buf);
            break;
        case 5:
            case_too_long(buf);
            break;
        case 6:
            if (truncated++ < TRUNCATED_CASES_MAX)
                case_truncated(buf);
            break;
        default:
            case_random_request(buf);
            break;
        }
        check_alive();
    }
    printf("PASS: cli-relay/framing-fuzz (%lu cases, %lu bad frames, %lu error replies, %.1f s, "
           "seed %llu)\n",
           cases, frames, error_replies, (double)(relay_io_now_ns() - start) / 1e9,
           (unsigned long long)seed);
    close(fd);
    return 0;
}
