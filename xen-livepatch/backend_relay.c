/* SPDX-License-Identifier: MIT */
/*
 * Backend "relay": this project's relay guest, reached through a unix
 * socket (QEMU's character device for the serial line the guest serves).
 * Every call is one request frame and one reply (relay_protocol.h); the
 * guest turns each into the real sysctl.
 *
 * Replies are matched by request id.  A reply for another id is dropped
 * and the wait goes on: after a client died mid-request, its reply can
 * still be in the line when the next client connects.  Ids start at a
 * per-process value for the same reason.  Any framing error ends the use
 * of the connection (the stream is no longer trusted): later calls fail at
 * once rather than wait for a reply that cannot be matched.
 *
 * LIST answers one batch per request; relay_list() builds libxenctrl's
 * xc_livepatch_list() on top of that: batches, halving on E2BIG, and a
 * restart from scratch when the list version changes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "backend.h"
#include "relay_io.h"

#define LIST_BATCH 32        /* entries asked for per LIST request */
#define LIST_RETRIES 3       /* restarts on a changing list, as libxenctrl */
#define LIST_EMPTY_BATCHES 8 /* empty batches in a row before giving up */

struct relay_backend {
    struct backend b;
    int fd;
    char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
    int timeout_ms;
    uint32_t next_id;
    int broken; /* errno of the framing error that ended the connection's use */
    uint32_t max_body;
    uint8_t build_id[LP_BUILD_ID_MAX];
    uint16_t build_id_len;
};

static struct relay_backend *rb(struct backend *b)
{
    return (struct relay_backend *)((char *)b - offsetof(struct relay_backend, b));
}

static const char *type_name(uint16_t type)
{
    switch (type) {
    case RELAY_REQ_HELLO:
        return "HELLO";
    case RELAY_REQ_UPLOAD:
        return "UPLOAD";
    case RELAY_REQ_GET:
        return "GET";
    case RELAY_REQ_LIST:
        return "LIST";
    case RELAY_REQ_ACTION:
        return "ACTION";
    case RELAY_REQ_RUN:
        return "RUN";
    }
    return "?";
}

static uint32_t take_id(struct relay_backend *r)
{
    uint32_t id = r->next_id++;

    if (!r->next_id) /* 0 is the id of errors about unreadable frames */
        r->next_id = 1;
    return id;
}

/* A reply frame and a cursor after its rc. */
struct reply {
    struct relay_frame f;
    struct relay_cursor c;
    int32_t rc;
};

/* A transport or framing failure: explains it and stops using the connection. */
static int broken(struct relay_backend *r, int err, const char *why, uint32_t id, uint16_t type)
{
    r->broken = err;
    return backend_fail(&r->b, err, "%s (%s request %u, relay %s)", why, type_name(type), id,
                        r->path);
}

/* Takes a RELAY_ERROR reply apart: the errno the relay gives, and its words. */
static int relay_refused(struct relay_backend *r, struct relay_frame *f, uint16_t type)
{
    struct relay_cursor c;
    int32_t err;
    const char *why;

    relay_cursor_init(&c, f->body, f->h.length);
    err = (int32_t)relay_get_u32(&c);
    why = relay_get_string(&c, 0xffff);
    if (c.overflow || err >= 0)
        return broken(r, EPROTO, "the relay sent a malformed error", f->h.id, type);
    return backend_fail(&r->b, -err, "The relay refused the %s request: %s", type_name(type), why);
}

/* Waits for the reply to request @id, dropping replies to other requests. */
static int await(struct relay_backend *r, uint16_t type, uint32_t id, struct reply *out)
{
    uint64_t deadline = relay_io_now_ns() + (uint64_t)r->timeout_ms * 1000000u;
    unsigned int dropped = 0;
    uint32_t last_dropped = 0;
    const char *why;

    for (;;) {
        /* Only the first reply on a connection may follow another client's leftovers. */
        int rc =
            relay_io_recv(r->fd, deadline, r->timeout_ms, type == RELAY_REQ_HELLO, &out->f, &why);

        if (rc == -ETIMEDOUT && dropped) {
            r->broken = ETIMEDOUT;
            return backend_fail(&r->b, ETIMEDOUT,
                                "No reply to %s request %u from the relay at %s within %d ms; "
                                "it sent %u repl%s to other requests (last: %u)",
                                type_name(type), id, r->path, r->timeout_ms, dropped,
                                dropped == 1 ? "y" : "ies", last_dropped);
        }
        if (rc)
            return broken(r, -rc, why, id, type);
        if (out->f.h.id == id || (out->f.h.type == RELAY_ERROR && out->f.h.id == 0))
            return 0;
        dropped++;
        last_dropped = out->f.h.id;
        relay_io_frame_free(&out->f);
    }
}

/*
 * One request and its reply: 0 with @out->rc the sysctl's answer, or -1
 * with errno (the relay's refusal, or what went wrong on the way).
 */
static int call(struct relay_backend *r, uint16_t type, const void *body, uint32_t len,
                struct reply *out)
{
    uint32_t id;
    int rc;

    out->f.body = NULL;
    if (r->broken)
        return backend_fail(&r->b, r->broken,
                            "The connection to the relay at %s is unusable after an earlier error",
                            r->path);
    id = take_id(r);
    rc = relay_io_send(r->fd, type, id, body, len, r->timeout_ms);
    if (rc == -ETIMEDOUT)
        return broken(r, ETIMEDOUT, "the relay stopped reading", id, type);
    if (rc)
        return broken(r, -rc, "sending to the relay failed", id, type);
    if (await(r, type, id, out))
        return -1;
    if (out->f.h.type == RELAY_ERROR) {
        rc = relay_refused(r, &out->f, type);
        relay_io_frame_free(&out->f);
        return rc;
    }
    relay_cursor_init(&out->c, out->f.body, out->f.h.length);
    out->rc = (int32_t)relay_get_u32(&out->c);
    if (out->f.h.type != (RELAY_REPLY | type) || out->c.overflow) {
        relay_io_frame_free(&out->f);
        return broken(r, EPROTO, "the relay's reply has the wrong type or no answer", id, type);
    }
    return 0;
}

/* The end of a call whose reply carries nothing but the answer. */
static int answer(struct reply *rep)
{
    int rc = rep->rc;

    relay_io_frame_free(&rep->f);
    if (rc < 0) {
        errno = -rc;
        return -1;
    }
    return 0;
}

static int malformed(struct relay_backend *r, struct reply *rep, uint16_t type)
{
    relay_io_frame_free(&rep->f);
    r->broken = EPROTO;
    return backend_fail(&r->b, EPROTO, "The relay's %s reply is malformed (relay %s)",
                        type_name(type), r->path);
}

/* The name check libxenctrl makes: at most LP_NAME_SIZE bytes with the NUL. */
static int name_ok(struct relay_backend *r, const char *name)
{
    if (strlen(name) + 1 > LP_NAME_SIZE)
        return backend_fail(&r->b, EINVAL, "Payload names are at most %d characters",
                            LP_NAME_SIZE - 1);
    return 0;
}

static int relay_upload(struct backend *b, char *name, unsigned char *payload, uint32_t size)
{
    struct relay_backend *r = rb(b);
    size_t len = 4 + 2 + strlen(name) + 1 + (size_t)size;
    struct relay_cursor c;
    struct reply rep;
    uint8_t *body;
    int rc;

    if (name_ok(r, name))
        return -1;
    if (size > RELAY_MAX_PAYLOAD)
        return backend_fail(b, EFBIG, "The payload is %u bytes; the hypervisor takes at most %u",
                            size, RELAY_MAX_PAYLOAD);
    if (len > r->max_body)
        return backend_fail(b, EFBIG, "The upload is %zu bytes; the relay takes at most %u", len,
                            r->max_body);
    body = malloc(len);
    if (!body)
        return -1;
    relay_cursor_init(&c, body, len);
    relay_put_u32(&c, 0); /* flags: Xen 4.17 has none */
    relay_put_string(&c, name);
    relay_put_bytes(&c, payload, size);
    rc = call(r, RELAY_REQ_UPLOAD, body, (uint32_t)len, &rep);
    free(body);
    return rc ? rc : answer(&rep);
}

static int relay_get(struct backend *b, char *name, struct lp_status *status)
{
    struct relay_backend *r = rb(b);
    uint8_t body[2 + LP_NAME_SIZE];
    struct relay_cursor c;
    struct reply rep;

    if (name_ok(r, name))
        return -1;
    relay_cursor_init(&c, body, sizeof(body));
    relay_put_string(&c, name);
    if (call(r, RELAY_REQ_GET, body, (uint32_t)c.pos, &rep))
        return -1;
    if (rep.rc < 0)
        return answer(&rep);
    status->state = relay_get_u32(&rep.c);
    status->rc = (int32_t)relay_get_u32(&rep.c);
    if (rep.c.overflow)
        return malformed(r, &rep, RELAY_REQ_GET);
    return answer(&rep);
}

static int relay_action(struct backend *b, char *name, uint32_t cmd, uint32_t timeout,
                        uint32_t flags)
{
    struct relay_backend *r = rb(b);
    uint8_t body[12 + 2 + LP_NAME_SIZE];
    struct relay_cursor c;
    struct reply rep;

    if (name_ok(r, name))
        return -1;
    relay_cursor_init(&c, body, sizeof(body));
    relay_put_u32(&c, cmd);
    relay_put_u32(&c, timeout);
    relay_put_u32(&c, flags);
    relay_put_string(&c, name);
    if (call(r, RELAY_REQ_ACTION, body, (uint32_t)c.pos, &rep))
        return -1;
    return answer(&rep);
}

static int relay_build_id(struct backend *b, uint8_t *buf, uint32_t len)
{
    struct relay_backend *r = rb(b);

    if (!r->build_id_len)
        return backend_fail(b, ENODATA, "The relay reported no hypervisor build-id");
    if (len < r->build_id_len) {
        errno = ENOBUFS;
        return -1;
    }
    memcpy(buf, r->build_id, r->build_id_len);
    return r->build_id_len;
}

/* One LIST batch, entries pointing into the reply frame. */
struct batch_entry {
    uint32_t state;
    int32_t rc;
    const char *name;
    uint32_t meta_len;
    const uint8_t *meta;
};

struct batch {
    struct reply rep;
    uint32_t version, left, name_total, meta_total, n;
    struct batch_entry e[LIST_BATCH];
};

/* 0, or -1 with errno: the sysctl's error (E2BIG...) or a transport error. */
static int list_batch(struct relay_backend *r, uint32_t idx, uint32_t nr, struct batch *bt)
{
    uint8_t body[8];
    struct relay_cursor c;
    struct relay_cursor *rc = &bt->rep.c;

    relay_cursor_init(&c, body, sizeof(body));
    relay_put_u32(&c, idx);
    relay_put_u32(&c, nr);
    if (call(r, RELAY_REQ_LIST, body, sizeof(body), &bt->rep))
        return -1;
    if (bt->rep.rc < 0)
        return answer(&bt->rep);
    bt->version = relay_get_u32(rc);
    bt->left = relay_get_u32(rc);
    bt->name_total = relay_get_u32(rc);
    bt->meta_total = relay_get_u32(rc);
    bt->n = relay_get_u32(rc);
    if (rc->overflow || bt->n != (uint32_t)bt->rep.rc)
        return malformed(r, &bt->rep, RELAY_REQ_LIST);
    if (bt->n > nr) { /* as libxenctrl: more than asked for */
        relay_io_frame_free(&bt->rep.f);
        return backend_fail(&r->b, EOVERFLOW, "The relay sent %u LIST entries for %u asked", bt->n,
                            nr);
    }
    for (uint32_t i = 0; i < bt->n; i++) {
        bt->e[i].state = relay_get_u32(rc);
        bt->e[i].rc = (int32_t)relay_get_u32(rc);
        bt->e[i].name = relay_get_string(rc, LP_NAME_SIZE);
        bt->e[i].meta_len = relay_get_u32(rc);
        bt->e[i].meta = relay_get_bytes(rc, bt->e[i].meta_len);
    }
    if (rc->overflow)
        return malformed(r, &bt->rep, RELAY_REQ_LIST);
    return 0;
}

/* Where a listing stands; reset when the list changes under it. */
struct walk {
    uint32_t version, batch, retries, empty;
    unsigned int done;
    uint32_t name_off, meta_off;
};

/*
 * Decides what to do with a batch: 1 to use it, 0 to go round again (batch
 * halved, or a restart), -1 to fail (errno set).
 */
static int walk_step(struct relay_backend *r, struct walk *w, struct batch *bt, int rc)
{
    if (rc && errno == E2BIG && w->batch > 1) {
        w->batch /= 2;
        return 0;
    }
    if (rc)
        return -1;
    if (w->version && bt->version != w->version) {
        relay_io_frame_free(&bt->rep.f);
        if (w->retries++ >= LIST_RETRIES)
            return backend_fail(&r->b, EBUSY, "The payload list kept changing while being read");
        w->done = 0;
        w->name_off = w->meta_off = 0;
        w->version = bt->version;
        return 0;
    }
    w->version = bt->version;
    if (!bt->n && bt->left && ++w->empty > LIST_EMPTY_BATCHES) {
        relay_io_frame_free(&bt->rep.f);
        return backend_fail(&r->b, EPROTO, "The relay keeps sending empty LIST batches");
    }
    return 1;
}

/* As the sysctl: a LIST of no entries answers with the count and the totals. */
static int relay_list_get_sizes(struct backend *b, unsigned int *nr, uint32_t *name_total_size,
                                uint32_t *metadata_total_size)
{
    struct relay_backend *r = rb(b);
    struct batch *bt = malloc(sizeof(*bt));
    int rc;

    if (!bt)
        return -1;
    rc = list_batch(r, 0, 0, bt);
    if (!rc) {
        *nr = bt->left;
        *name_total_size = bt->name_total;
        *metadata_total_size = bt->meta_total;
        relay_io_frame_free(&bt->rep.f);
    }
    free(bt);
    return rc;
}

/* Copies a batch into the caller's arrays: 0, or -1 with ENOBUFS. */
static int copy_batch(struct relay_backend *r, struct walk *w, const struct batch *bt,
                      struct lp_status *info, char *name, uint32_t *len, uint32_t name_total_size,
                      char *metadata, uint32_t *metadata_len, uint32_t metadata_total_size)
{
    for (uint32_t i = 0; i < bt->n; i++) {
        const struct batch_entry *e = &bt->e[i];
        uint32_t nlen = (uint32_t)strlen(e->name) + 1;

        if (nlen > name_total_size - w->name_off || e->meta_len > metadata_total_size - w->meta_off)
            return backend_fail(&r->b, ENOBUFS, "The payload list grew while being read");
        info[w->done].state = e->state;
        info[w->done].rc = e->rc;
        memcpy(name + w->name_off, e->name, nlen);
        len[w->done] = nlen;
        if (e->meta_len)
            memcpy(metadata + w->meta_off, e->meta, e->meta_len);
        metadata_len[w->done] = e->meta_len;
        w->name_off += nlen;
        w->meta_off += e->meta_len;
        w->done++;
    }
    return 0;
}

static int relay_list(struct backend *b, unsigned int max, unsigned int start,
                      struct lp_status *info, char *name, uint32_t *len, uint32_t name_total_size,
                      char *metadata, uint32_t *metadata_len, uint32_t metadata_total_size,
                      unsigned int *done, unsigned int *left)
{
    struct relay_backend *r = rb(b);
    struct walk w = { .batch = LIST_BATCH };
    struct batch *bt;
    int step, rc = 0;

    if (!max || !info || !name || !len || !metadata || !metadata_len || !done || !left) {
        errno = EINVAL;
        return -1;
    }
    if (!name_total_size) { /* as libxenctrl */
        errno = ENOENT;
        return -1;
    }
    *done = *left = 0;
    bt = malloc(sizeof(*bt));
    if (!bt)
        return -1;
    while (w.done < max) {
        uint32_t nr = max - w.done < w.batch ? max - w.done : w.batch;

        step = walk_step(r, &w, bt, list_batch(r, start + w.done, nr, bt));
        if (step < 0) {
            rc = -1;
            break;
        }
        if (!step)
            continue;
        rc = copy_batch(r, &w, bt, info, name, len, name_total_size, metadata, metadata_len,
                        metadata_total_size);
        *left = bt->left;
        relay_io_frame_free(&bt->rep.f);
        if (rc || !*left)
            break;
    }
    free(bt);
    *done = w.done;
    return rc;
}

int backend_relay_run(struct backend *b, uint32_t mem_kb, uint32_t timeout_ms, const char *cmdline,
                      const void *image, uint32_t size, uint32_t *domid, uint32_t *reason)
{
    struct relay_backend *r = rb(b);
    size_t len = 4 + 4 + 2 + strlen(cmdline) + 1 + (size_t)size;
    struct relay_cursor c;
    struct reply rep;
    uint8_t *body;
    int rc;

    if (strlen(cmdline) + 1 > RELAY_CMDLINE_MAX)
        return backend_fail(b, EINVAL, "The guest command line is longer than %d bytes",
                            RELAY_CMDLINE_MAX - 1);
    if (len > r->max_body)
        return backend_fail(b, EFBIG, "The run request is %zu bytes; the relay takes at most %u",
                            len, r->max_body);
    body = malloc(len);
    if (!body)
        return backend_fail(b, ENOMEM, "Out of memory");
    relay_cursor_init(&c, body, len);
    relay_put_u32(&c, mem_kb);
    relay_put_u32(&c, timeout_ms);
    relay_put_string(&c, cmdline);
    relay_put_bytes(&c, image, size);
    rc = call(r, RELAY_REQ_RUN, body, (uint32_t)len, &rep);
    free(body);
    if (rc)
        return rc;
    *domid = relay_get_u32(&rep.c);
    *reason = relay_get_u32(&rep.c);
    if (rep.c.overflow)
        return malformed(r, &rep, RELAY_REQ_RUN);
    return answer(&rep);
}

static void relay_close(struct backend *b)
{
    struct relay_backend *r = rb(b);

    if (r->fd >= 0)
        close(r->fd);
    free(r);
}

static const struct backend_ops relay_ops = {
    .upload = relay_upload,
    .get = relay_get,
    .list_get_sizes = relay_list_get_sizes,
    .list = relay_list,
    .action = relay_action,
    .build_id = relay_build_id,
    .close = relay_close,
};

/* HELLO: the relay's protocol version, frame limit and hypervisor build-id. */
static int hello(struct relay_backend *r)
{
    struct reply rep;
    uint32_t version;
    const uint8_t *id;

    if (call(r, RELAY_REQ_HELLO, NULL, 0, &rep))
        return -1;
    if (rep.rc < 0)
        return answer(&rep);
    version = relay_get_u32(&rep.c);
    r->max_body = relay_get_u32(&rep.c);
    relay_get_u32(&rep.c);       /* xen_version: not needed here */
    relay_get_bytes(&rep.c, 16); /* extraversion: likewise */
    r->build_id_len = relay_get_u16(&rep.c);
    id = relay_get_bytes(&rep.c, r->build_id_len);
    if (rep.c.overflow || r->build_id_len > LP_BUILD_ID_MAX)
        return malformed(r, &rep, RELAY_REQ_HELLO);
    if (version != RELAY_VERSION) {
        relay_io_frame_free(&rep.f);
        return backend_fail(&r->b, EPROTONOSUPPORT,
                            "The relay speaks relay protocol %u; this xen-livepatch speaks %u",
                            version, RELAY_VERSION);
    }
    memcpy(r->build_id, id, r->build_id_len);
    if (!r->max_body || r->max_body > RELAY_MAX_BODY)
        r->max_body = RELAY_MAX_BODY;
    return answer(&rep);
}

static int connect_unix(struct relay_backend *r, FILE *err)
{
    r->fd = relay_io_connect(r->path);
    if (r->fd < 0) {
        fprintf(err, "Cannot connect to the relay at %s: %s.\n", r->path, strerror(-r->fd));
        fprintf(err, "The path is the unix socket of the QEMU character device the relay guest "
                     "serves (--connect or XEN_LIVEPATCH_CONNECT).\n");
        return -1;
    }
    return 0;
}

struct backend *backend_relay_open(const char *path, int timeout_ms, FILE *err)
{
    struct relay_backend *r = calloc(1, sizeof(*r));

    if (!r) {
        fprintf(err, "Out of memory.\n");
        return NULL;
    }
    r->b.ops = &relay_ops;
    r->b.name = "relay";
    r->fd = -1;
    r->timeout_ms = timeout_ms;
    r->max_body = RELAY_MAX_BODY;
    /* Not 1: a reply left in the line by a client before us must not match. */
    r->next_id = (uint32_t)(relay_io_now_ns() ^ ((uint64_t)getpid() << 16)) | 1u;
    if (strlen(path) >= sizeof(r->path)) {
        fprintf(err, "The relay socket path %s is too long (at most %zu bytes).\n", path,
                sizeof(r->path) - 1);
        goto fail;
    }
    memcpy(r->path, path, strlen(path) + 1);
    if (connect_unix(r, err))
        goto fail;
    if (hello(r)) {
        int e = errno;

        fprintf(err, "The relay at %s did not complete the handshake: %s.\n", path, strerror(e));
        if (r->b.message[0])
            fprintf(err, "%s.\n", r->b.message);
        goto fail;
    }
    return &r->b;
fail:
    relay_close(&r->b);
    return NULL;
}
