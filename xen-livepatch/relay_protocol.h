/* SPDX-License-Identifier: MIT */
/*
 * The relay protocol between xen-livepatch (backend "relay") and the relay
 * guest, over a byte stream (a unix socket on the host, a serial port in
 * the guest).  Shared, freestanding C: only stdint/stddef/stdbool.
 *
 * Every message is a frame: a 24-byte header then `length` body bytes, all
 * little-endian:
 *
 *   u32 magic       RELAY_MAGIC
 *   u16 version     RELAY_VERSION
 *   u16 type        a request (RELAY_REQ_*), its reply (RELAY_REPLY | req),
 *                   or RELAY_ERROR
 *   u32 id          chosen by the client, echoed in the reply
 *   u32 length      body bytes, at most RELAY_MAX_BODY
 *   u32 body_crc    CRC-32 (IEEE 802.3) of the body
 *   u32 header_crc  CRC-32 of the 20 header bytes before it
 *
 * Request bodies (strings are u16 length including the NUL, then bytes):
 *   HELLO   (empty)
 *   UPLOAD  u32 flags (0: Xen 4.17's upload has none), string name, then the
 *           payload bytes
 *   GET     string name
 *   LIST    u32 idx, u32 nr
 *   ACTION  u32 cmd, u32 timeout_ns, u32 flags, string name
 *   RUN     u32 mem_kb, u32 timeout_ms, string command line, then an ELF
 *           guest image: the relay creates a domain from it (domctl),
 *           runs it until it shuts down or the time is up, and destroys it
 *
 * Every reply body starts with i32 rc, the sysctl's answer (0, a negative
 * Xen errno, or for LIST the number of entries), then:
 *   HELLO   u32 relay version, u32 max body, u32 xen_version (XENVER_version),
 *           16 bytes extraversion, u16 build-id length, build-id bytes
 *   GET     u32 state, i32 status rc            (when rc == 0)
 *   LIST    u32 list version, u32 nr left, u32 name_total_size,
 *           u32 metadata_total_size (as the sysctl gives them: of every
 *           payload when nr was 0, else of the entries sent), u32 entries,
 *           then per entry:
 *           u32 state, i32 status rc, string name, u32 metadata length,
 *           metadata bytes                        (when rc >= 0)
 *   RUN     u32 domid, u32 shutdown reason   (rc 0: it shut down; rc
 *           -ETIMEDOUT: still running when the time was up, now destroyed)
 *   UPLOAD, ACTION  nothing more
 *
 * A frame the relay cannot take gets a RELAY_ERROR reply (with the frame's
 * id when its header was sound, else 0): body i32 error (a negative Xen
 * errno: -EBADMSG bad checksum or magic, -E2BIG too long, -EOPNOTSUPP
 * unknown version or type, -ETIMEDOUT truncated, -EINVAL malformed body),
 * then a string saying why.  After a bad header the relay skips to the next
 * RELAY_MAGIC; it never stops serving.
 */
#ifndef RELAY_PROTOCOL_H
#define RELAY_PROTOCOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RELAY_MAGIC 0x4c52504cu /* "LPRL" */
#define RELAY_VERSION 1
#define RELAY_HEADER_SIZE 24
#define RELAY_MAX_PAYLOAD (2u << 20)               /* LIVEPATCH_MAX_SIZE */
#define RELAY_MAX_BODY (RELAY_MAX_PAYLOAD + 4096u) /* a payload and its name */
#define RELAY_CMDLINE_MAX 1024                     /* start_info's cmd_line */

enum relay_type {
    RELAY_REQ_HELLO = 1,
    RELAY_REQ_UPLOAD = 2,
    RELAY_REQ_GET = 3,
    RELAY_REQ_LIST = 4,
    RELAY_REQ_ACTION = 5,
    RELAY_REQ_RUN = 6,
    RELAY_REPLY = 0x8000,
    RELAY_ERROR = 0xffff,
};

struct relay_header {
    uint32_t magic;
    uint16_t version, type;
    uint32_t id, length, body_crc, header_crc;
};

uint32_t relay_crc32(uint32_t crc, const void *buf, size_t len);

/* Writes the header for a body of @len bytes (computing both CRCs). */
void relay_header_encode(uint8_t out[RELAY_HEADER_SIZE], uint16_t type, uint32_t id,
                         const void *body, uint32_t len);
/*
 * Decodes and checks a header: 0, or -EBADMSG-style errors as negative Xen
 * errno values (see above).  The body CRC is checked by relay_body_ok().
 */
int relay_header_decode(const uint8_t in[RELAY_HEADER_SIZE], struct relay_header *h);
bool relay_body_ok(const struct relay_header *h, const void *body);

/* A bounds-checked cursor over a body, for reading and writing fields. */
struct relay_cursor {
    uint8_t *buf;
    size_t len, pos;
    bool overflow; /* a read or write went past the end: the body is bad */
};

void relay_cursor_init(struct relay_cursor *c, void *buf, size_t len);
void relay_put_u16(struct relay_cursor *c, uint16_t v);
void relay_put_u32(struct relay_cursor *c, uint32_t v);
void relay_put_bytes(struct relay_cursor *c, const void *p, size_t n);
/* A string: u16 length including the NUL, then the bytes and the NUL. */
void relay_put_string(struct relay_cursor *c, const char *s);
uint16_t relay_get_u16(struct relay_cursor *c);
uint32_t relay_get_u32(struct relay_cursor *c);
/* Points *p at @n bytes of the body (no copy); NULL on overflow. */
const uint8_t *relay_get_bytes(struct relay_cursor *c, size_t n);
/* A string of at most @max bytes (NUL included) that ends with its NUL. */
const char *relay_get_string(struct relay_cursor *c, size_t max);

#endif /* RELAY_PROTOCOL_H */
