/* SPDX-License-Identifier: MIT */
/*
 * Sending and receiving relay_protocol.h frames over a connected socket
 * with time limits, so that a relay which stops answering (or stops
 * reading) is an error and never a hang.
 */
#ifndef RELAY_IO_H
#define RELAY_IO_H

#include <stdbool.h>
#include <stdint.h>

#include "relay_protocol.h"

struct relay_frame {
    struct relay_header h;
    uint8_t *body; /* h.length bytes (malloc'd, freed by relay_io_frame_free) */
};

/* Connects to the relay's unix socket at @path: the socket, or -errno. */
int relay_io_connect(const char *path);

/* CLOCK_MONOTONIC in nanoseconds. */
uint64_t relay_io_now_ns(void);

/*
 * Sends a frame: 0, or a negative errno (-ETIMEDOUT when the relay takes
 * nothing for @idle_ms: a large upload may take long, but never stalls).
 */
int relay_io_send(int fd, uint16_t type, uint32_t id, const void *body, uint32_t len, int idle_ms);

/* How far relay_io_recv() looks for a frame in garbage: a frame and then some. */
#define RELAY_RESYNC_MAX (RELAY_MAX_BODY + 2 * RELAY_HEADER_SIZE)

/*
 * Receives a frame whose first byte comes by @deadline_ns and the rest with
 * no pause longer than @idle_ms.  With @skip_garbage, bytes before a sound
 * header are skipped (the tail of a frame meant for an earlier client).
 * 0 with @f filled and its checksums good, or a negative errno with *why
 * saying what went wrong in words: -ETIMEDOUT (no complete frame in time),
 * -ECONNRESET (closed before a frame), -ECONNABORTED (closed in the middle
 * of one), -EBADMSG (bad magic or checksum), -EOPNOTSUPP (another protocol
 * version), -E2BIG (too long).
 */
int relay_io_recv(int fd, uint64_t deadline_ns, int idle_ms, bool skip_garbage,
                  struct relay_frame *f, const char **why);
void relay_io_frame_free(struct relay_frame *f);

#endif /* RELAY_IO_H */
