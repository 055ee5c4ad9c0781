/* SPDX-License-Identifier: MIT */
/* The relay protocol's encoding (see relay_protocol.h): freestanding C. */
#include "relay_protocol.h"

/* Xen errno values the protocol uses (it may not include <xen/errno.h>). */
#define RELAY_EINVAL 22
#define RELAY_E2BIG 7
#define RELAY_EBADMSG 74
#define RELAY_EOPNOTSUPP 95

/* CRC-32 a byte at a time from a table, built on first use (once per program). */
static uint32_t crc_table[256];
static bool crc_table_ready;

static void crc_table_build(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;

        for (int bit = 0; bit < 8; bit++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
        crc_table[i] = c;
    }
    crc_table_ready = true;
}

uint32_t relay_crc32(uint32_t crc, const void *buf, size_t len)
{
    const uint8_t *p = buf;

    if (!crc_table_ready)
        crc_table_build();
    crc = ~crc;
    while (len--)
        crc = (crc >> 8) ^ crc_table[(crc ^ *p++) & 0xff];
    return ~crc;
}

static void le16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void le32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

void relay_header_encode(uint8_t out[RELAY_HEADER_SIZE], uint16_t type, uint32_t id,
                         const void *body, uint32_t len)
{
    le32(out, RELAY_MAGIC);
    le16(out + 4, RELAY_VERSION);
    le16(out + 6, type);
    le32(out + 8, id);
    le32(out + 12, len);
    le32(out + 16, relay_crc32(0, body, len));
    le32(out + 20, relay_crc32(0, out, 20));
}

int relay_header_decode(const uint8_t in[RELAY_HEADER_SIZE], struct relay_header *h)
{
    h->magic = rd32(in);
    h->version = rd16(in + 4);
    h->type = rd16(in + 6);
    h->id = rd32(in + 8);
    h->length = rd32(in + 12);
    h->body_crc = rd32(in + 16);
    h->header_crc = rd32(in + 20);
    if (h->magic != RELAY_MAGIC || h->header_crc != relay_crc32(0, in, 20))
        return -RELAY_EBADMSG;
    if (h->version != RELAY_VERSION)
        return -RELAY_EOPNOTSUPP;
    if (h->length > RELAY_MAX_BODY)
        return -RELAY_E2BIG;
    return 0;
}

bool relay_body_ok(const struct relay_header *h, const void *body)
{
    return relay_crc32(0, body, h->length) == h->body_crc;
}

void relay_cursor_init(struct relay_cursor *c, void *buf, size_t len)
{
    c->buf = buf;
    c->len = len;
    c->pos = 0;
    c->overflow = false;
}

/* Reserves @n bytes at the cursor; NULL (and overflow) if they do not fit. */
static uint8_t *take(struct relay_cursor *c, size_t n)
{
    uint8_t *p;

    if (c->overflow || n > c->len - c->pos) {
        c->overflow = true;
        return NULL;
    }
    p = c->buf + c->pos;
    c->pos += n;
    return p;
}

void relay_put_u16(struct relay_cursor *c, uint16_t v)
{
    uint8_t *p = take(c, 2);

    if (p)
        le16(p, v);
}

void relay_put_u32(struct relay_cursor *c, uint32_t v)
{
    uint8_t *p = take(c, 4);

    if (p)
        le32(p, v);
}

void relay_put_bytes(struct relay_cursor *c, const void *src, size_t n)
{
    uint8_t *p = take(c, n);
    const uint8_t *s = src;

    for (size_t i = 0; p && i < n; i++)
        p[i] = s[i];
}

void relay_put_string(struct relay_cursor *c, const char *s)
{
    size_t n = 0;

    while (s[n])
        n++;
    if (n + 1 > 0xffff) {
        c->overflow = true;
        return;
    }
    relay_put_u16(c, (uint16_t)(n + 1));
    relay_put_bytes(c, s, n + 1);
}

uint16_t relay_get_u16(struct relay_cursor *c)
{
    const uint8_t *p = take(c, 2);

    return p ? rd16(p) : 0;
}

uint32_t relay_get_u32(struct relay_cursor *c)
{
    const uint8_t *p = take(c, 4);

    return p ? rd32(p) : 0;
}

const uint8_t *relay_get_bytes(struct relay_cursor *c, size_t n)
{
    return take(c, n);
}

const char *relay_get_string(struct relay_cursor *c, size_t max)
{
    uint16_t n = relay_get_u16(c);
    const uint8_t *p;

    if (c->overflow || n == 0 || n > max) {
        c->overflow = true;
        return NULL;
    }
    p = take(c, n);
    if (!p || p[n - 1] != '\0') {
        c->overflow = true;
        return NULL;
    }
    return (const char *)p;
}
