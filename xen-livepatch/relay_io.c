/* SPDX-License-Identifier: MIT */
/* Frames over a socket, with time limits (see relay_io.h). */
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "relay_io.h"

int relay_io_connect(const char *path)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int fd, err;

    if (strlen(path) >= sizeof(sa.sun_path))
        return -ENAMETOOLONG;
    memcpy(sa.sun_path, path, strlen(path) + 1);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -errno;
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
        err = errno;
        close(fd);
        return -err;
    }
    return fd;
}

uint64_t relay_io_now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Waits until @fd is ready for @events or the deadline passes: 0 or -ETIMEDOUT. */
static int wait_ready(int fd, short events, uint64_t deadline_ns)
{
    for (;;) {
        uint64_t now = relay_io_now_ns();
        struct pollfd p = { .fd = fd, .events = events };
        int ms, rc;

        if (now >= deadline_ns)
            return -ETIMEDOUT;
        /* Round up, so a wait never ends just before the deadline. */
        ms = (int)((deadline_ns - now + 999999) / 1000000);
        rc = poll(&p, 1, ms);
        if (rc > 0)
            return 0;
        if (rc < 0 && errno != EINTR)
            return -errno;
    }
}

static uint64_t after_ms(int ms)
{
    return relay_io_now_ns() + (uint64_t)ms * 1000000u;
}

/* Sends @len bytes; the time limit starts again whenever the relay takes some. */
static int send_all(int fd, const uint8_t *p, size_t len, int idle_ms)
{
    while (len) {
        /* MSG_NOSIGNAL: a relay gone away is EPIPE, not a SIGPIPE death. */
        ssize_t n = send(fd, p, len, MSG_NOSIGNAL | MSG_DONTWAIT);
        int rc;

        if (n > 0) {
            p += n;
            len -= (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            return -errno;
        rc = wait_ready(fd, POLLOUT, after_ms(idle_ms));
        if (rc)
            return rc;
    }
    return 0;
}

int relay_io_send(int fd, uint16_t type, uint32_t id, const void *body, uint32_t len, int idle_ms)
{
    uint8_t header[RELAY_HEADER_SIZE];
    int rc;

    relay_header_encode(header, type, id, body, len);
    rc = send_all(fd, header, sizeof(header), idle_ms);
    return rc ? rc : send_all(fd, body, len, idle_ms);
}

/*
 * Reads exactly @len bytes: 0, -ETIMEDOUT, -ECONNRESET at end of stream, or
 * -errno.  The first wait ends at @deadline_ns, later ones @idle_ms after
 * the last bytes came (0 for @idle_ms: every wait ends at @deadline_ns).
 */
static int recv_all(int fd, uint8_t *p, size_t len, uint64_t deadline_ns, int idle_ms)
{
    while (len) {
        ssize_t n = recv(fd, p, len, MSG_DONTWAIT);
        int rc;

        if (n > 0) {
            p += n;
            len -= (size_t)n;
            if (idle_ms)
                deadline_ns = after_ms(idle_ms);
            continue;
        }
        if (n == 0)
            return -ECONNRESET;
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            return -errno;
        rc = wait_ready(fd, POLLIN, deadline_ns);
        if (rc)
            return rc;
    }
    return 0;
}

static const char *recv_failure(int rc, bool started)
{
    switch (rc) {
    case -ETIMEDOUT:
        return started ? "the relay stopped in the middle of a reply" : "the relay did not answer";
    case -ECONNRESET:
        return started ? "the relay closed the connection in the middle of a reply"
                       : "the relay closed the connection";
    default:
        return "reading from the relay failed";
    }
}

/*
 * Slides the header window on by one byte until magic and header checksum
 * hold: then the header's decoding, else the failure of the read, or
 * -EBADMSG when RELAY_RESYNC_MAX bytes went by without a header.
 */
static int resync(int fd, uint8_t *header, struct relay_header *h, int idle_ms)
{
    for (size_t skipped = 1; skipped <= RELAY_RESYNC_MAX; skipped++) {
        int rc;

        memmove(header, header + 1, RELAY_HEADER_SIZE - 1);
        rc = recv_all(fd, header + RELAY_HEADER_SIZE - 1, 1, after_ms(idle_ms), idle_ms);
        if (rc)
            return rc;
        rc = relay_header_decode(header, h);
        if (rc != -EBADMSG)
            return rc;
    }
    return -EBADMSG;
}

int relay_io_recv(int fd, uint64_t deadline_ns, int idle_ms, bool skip_garbage,
                  struct relay_frame *f, const char **why)
{
    uint8_t header[RELAY_HEADER_SIZE];
    int rc;

    f->body = NULL;
    /* The first byte apart: failing before it is "no reply", after it "a cut reply". */
    rc = recv_all(fd, header, 1, deadline_ns, 0);
    if (rc) {
        *why = recv_failure(rc, false);
        return rc;
    }
    rc = recv_all(fd, header + 1, sizeof(header) - 1, after_ms(idle_ms), idle_ms);
    if (!rc) {
        rc = relay_header_decode(header, &f->h);
        if (rc == -EBADMSG && skip_garbage)
            rc = resync(fd, header, &f->h, idle_ms);
    }
    if (rc == -EBADMSG || rc == -EOPNOTSUPP || rc == -E2BIG) { /* the header's decoding */
        *why = rc == -EOPNOTSUPP ? "the relay speaks another protocol version"
               : rc == -E2BIG    ? "the relay sent a frame longer than the protocol allows"
                                 : "the relay sent a corrupt frame header";
        return rc;
    }
    if (rc) {
        *why = recv_failure(rc, true);
        return rc == -ECONNRESET ? -ECONNABORTED : rc;
    }
    f->body = malloc(f->h.length ? f->h.length : 1);
    if (!f->body) {
        *why = "out of memory";
        return -ENOMEM;
    }
    rc = recv_all(fd, f->body, f->h.length, after_ms(idle_ms), idle_ms);
    if (rc) {
        *why = recv_failure(rc, true);
        relay_io_frame_free(f);
        return rc == -ECONNRESET ? -ECONNABORTED : rc;
    }
    if (!relay_body_ok(&f->h, f->body)) {
        *why = "a reply failed its body checksum";
        relay_io_frame_free(f);
        return -EBADMSG;
    }
    return 0;
}

void relay_io_frame_free(struct relay_frame *f)
{
    free(f->body);
    f->body = NULL;
}
