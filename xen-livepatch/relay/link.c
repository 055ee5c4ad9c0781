/* SPDX-License-Identifier: MIT */
/*
 * Receiving frames: scan for the magic, read the rest of the header, check
 * it, read the body, check it.  A header that fails its checksum is not
 * trusted at all, not even its length: scanning resumes at the byte after
 * its magic, so a real frame that starts inside the bad one is still found.
 */
#include "link.h"
#include "uart.h"

#include <xtf/time.h>

#define MAGIC_BYTES 4

/* The bytes after a rejected header's magic, read again before new input. */
static uint8_t rescan[RELAY_HEADER_SIZE - MAGIC_BYTES];
static size_t nrescan, rescan_pos;

/* The next byte of the stream by @deadline_ns, or -1. */
static int next_byte(uint64_t deadline_ns)
{
    if (rescan_pos < nrescan)
        return rescan[rescan_pos++];
    return uart_getc(deadline_ns);
}

/* Reads @len bytes, each within LINK_BYTE_TIMEOUT_NS of the one before. */
static bool read_bytes(uint8_t *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        int c = next_byte(xtf_now_ns() + LINK_BYTE_TIMEOUT_NS);

        if (c < 0)
            return false;
        buf[i] = (uint8_t)c;
    }
    return true;
}

/* Waits (for ever) for the magic, then reads the rest of the header. */
static bool read_header(uint8_t hdr[RELAY_HEADER_SIZE])
{
    static const uint8_t magic[MAGIC_BYTES] = { RELAY_MAGIC & 0xff, (RELAY_MAGIC >> 8) & 0xff,
                                                (RELAY_MAGIC >> 16) & 0xff, RELAY_MAGIC >> 24 };
    size_t have = 0;

    while (have < MAGIC_BYTES) {
        int c = next_byte(have ? xtf_now_ns() + LINK_BYTE_TIMEOUT_NS : UART_NO_DEADLINE);

        if (c == magic[have])
            hdr[have++] = (uint8_t)c;
        else
            have = c == magic[0];
    }
    return read_bytes(hdr + MAGIC_BYTES, RELAY_HEADER_SIZE - MAGIC_BYTES);
}

int link_receive(struct link_request *req, uint8_t *buf, const char **why)
{
    uint8_t hdr[RELAY_HEADER_SIZE];
    int rc;

    req->h.id = 0;
    if (!read_header(hdr)) {
        *why = "the header stopped arriving (truncated frame)";
        return -XEN_ETIMEDOUT;
    }
    rc = relay_header_decode(hdr, &req->h);
    if (rc == -XEN_EBADMSG) {
        /* A whole header is longer than rescan[]: reading it used all of that up. */
        memcpy(rescan, hdr + MAGIC_BYTES, sizeof(rescan));
        nrescan = sizeof(rescan);
        rescan_pos = 0;
        req->h.id = 0;
        *why = "bad magic or header checksum";
        return rc;
    }
    /* The header is sound.  A body too long to hold is not read: the next
     * magic found in it, if any, will fail its checksum. */
    if (req->h.length > RELAY_MAX_BODY) {
        *why = "body longer than the relay's limit";
        return -XEN_E2BIG;
    }
    req->body = buf;
    if (!read_bytes(buf, req->h.length)) {
        *why = "the body stopped arriving (truncated frame)";
        return -XEN_ETIMEDOUT;
    }
    if (rc) {
        *why = "unsupported protocol version";
        return rc;
    }
    if (!relay_body_ok(&req->h, buf)) {
        *why = "bad body checksum";
        return -XEN_EBADMSG;
    }
    return 0;
}

void link_send(uint16_t type, uint32_t id, const void *body, uint32_t len)
{
    uint8_t hdr[RELAY_HEADER_SIZE];

    relay_header_encode(hdr, type, id, body, len);
    uart_write(hdr, sizeof(hdr));
    uart_write(body, len);
}
