/* SPDX-License-Identifier: MIT */
/* The scripted relay (see fake_relay.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fake_relay.h"
#include "relay_protocol.h"

#define REPLY_MAX 65536
#define ACTION_UNLOAD 1
#define ACTION_REVERT 2
#define ACTION_APPLY 3
#define ACTION_REPLACE 4
#define CHECKED 1
#define APPLIED 2

void fake_relay_init(struct fake_relay *f)
{
    memset(f, 0, sizeof(*f));
    f->list_version = 1;
    f->build_id_len = 20;
    for (int i = 0; i < 20; i++)
        f->build_id[i] = (uint8_t)i;
    f->relay_version = RELAY_VERSION;
    f->max_body = RELAY_MAX_BODY;
    snprintf(f->dir, sizeof(f->dir), "/tmp/cli-relay-XXXXXX");
    if (!mkdtemp(f->dir)) {
        perror("mkdtemp");
        exit(2);
    }
    snprintf(f->sock, sizeof(f->sock), "%s/relay.sock", f->dir);
    snprintf(f->log, sizeof(f->log), "%s/requests.log", f->dir);
}

void fake_relay_add(struct fake_relay *f, const char *name, uint32_t state, int32_t rc,
                    const char *meta, uint32_t meta_len)
{
    struct fake_payload *p = &f->p[f->n++];

    snprintf(p->name, sizeof(p->name), "%s", name);
    p->state = state;
    p->rc = rc;
    memcpy(p->meta, meta, meta_len);
    p->meta_len = meta_len;
}

static void logf_(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void logf_(int fd, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vdprintf(fd, fmt, ap);
    va_end(ap);
}

static bool read_full(int fd, void *buf, size_t len)
{
    uint8_t *p = buf;

    while (len) {
        ssize_t n = read(fd, p, len);

        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

static void write_full(int fd, const void *buf, size_t len)
{
    const uint8_t *p = buf;

    while (len) {
        ssize_t n = send(fd, p, len, MSG_NOSIGNAL);

        if (n <= 0)
            return;
        p += n;
        len -= (size_t)n;
    }
}

static int find(const struct fake_relay *f, const char *name)
{
    for (unsigned int i = 0; i < f->n; i++)
        if (!strcmp(f->p[i].name, name))
            return (int)i;
    return -1;
}

static void remove_payload(struct fake_relay *f, int i)
{
    memmove(&f->p[i], &f->p[i + 1], (f->n - (unsigned int)i - 1) * sizeof(f->p[0]));
    f->n--;
    f->list_version++;
}

static int32_t do_upload(struct fake_relay *f, struct relay_cursor *in, int log)
{
    uint32_t flags = relay_get_u32(in);
    const char *name = relay_get_string(in, 128);
    size_t size = in->len - in->pos;

    if (in->overflow) {
        logf_(log, "malformed\n");
        return -22;
    }
    logf_(log, "flags=%u name=%s size=%zu\n", flags, name, size);
    if (f->upload_rc)
        return f->upload_rc;
    if (find(f, name) >= 0)
        return -17; /* EEXIST */
    fake_relay_add(f, name, CHECKED, 0, "", 0);
    f->list_version++;
    return 0;
}

static int32_t do_get(struct fake_relay *f, struct relay_cursor *in, struct relay_cursor *out,
                      int log)
{
    const char *name = relay_get_string(in, 128);
    struct fake_payload *p;
    int i;

    logf_(log, "name=%s\n", name ? name : "?");
    i = name ? find(f, name) : -1;
    if (i < 0)
        return -2; /* ENOENT */
    p = &f->p[i];
    relay_put_u32(out, p->state);
    if (p->pending) {
        p->pending--;
        relay_put_u32(out, (uint32_t)-11); /* EAGAIN */
    } else {
        relay_put_u32(out, (uint32_t)p->rc);
    }
    return 0;
}

/* The model's action: 0, or the refusal. */
static int32_t act(struct fake_relay *f, int i, uint32_t cmd)
{
    struct fake_payload *p = &f->p[i];

    if (cmd == ACTION_UNLOAD) {
        if (p->state != CHECKED)
            return -22;
        remove_payload(f, i);
        return 0;
    }
    if (cmd == ACTION_REVERT)
        for (unsigned int j = (unsigned int)i + 1; j < f->n; j++)
            if (f->p[j].state == APPLIED)
                return -16; /* EBUSY: not on top */
    if (f->action_result) {
        p->rc = f->action_result;
    } else {
        if (cmd == ACTION_REPLACE)
            for (unsigned int j = 0; j < f->n; j++)
                f->p[j].state = CHECKED;
        p->state = cmd == ACTION_REVERT ? CHECKED : APPLIED;
        p->rc = 0;
    }
    p->pending = f->pending_gets;
    return 0;
}

static int32_t do_action(struct fake_relay *f, struct relay_cursor *in, int log)
{
    uint32_t cmd = relay_get_u32(in), timeout = relay_get_u32(in), flags = relay_get_u32(in);
    const char *name = relay_get_string(in, 128);
    int i;

    if (in->overflow) {
        logf_(log, "malformed\n");
        return -22;
    }
    logf_(log, "cmd=%u timeout=%u flags=%u name=%s\n", cmd, timeout, flags, name);
    if (f->action_rc)
        return f->action_rc;
    i = find(f, name);
    return i < 0 ? -2 : act(f, i, cmd);
}

/* name_total_size and metadata_total_size of payloads @idx.. (@n of them), as the sysctl gives. */
static void list_totals(const struct fake_relay *f, uint32_t idx, uint32_t n,
                        struct relay_cursor *out)
{
    uint32_t names = 0, meta = 0;

    for (uint32_t j = idx; j < idx + n; j++) {
        names += (uint32_t)strlen(f->p[j].name) + 1;
        meta += f->p[j].meta_len;
    }
    relay_put_u32(out, names);
    relay_put_u32(out, meta);
}

static int32_t do_list(struct fake_relay *f, struct relay_cursor *in, struct relay_cursor *out,
                       int log, unsigned int nth)
{
    uint32_t idx = relay_get_u32(in), nr = relay_get_u32(in), k;

    logf_(log, "idx=%u nr=%u\n", idx, nr);
    if (nth == f->bump_version_at_list || f->bump_every_list)
        f->list_version++;
    if (f->list_e2big_over && nr > f->list_e2big_over)
        return -7; /* E2BIG */
    if (f->n && idx >= f->n)
        return -22;
    k = f->n - idx < nr ? f->n - idx : nr;
    if (f->list_max && k > f->list_max)
        k = f->list_max;
    relay_put_u32(out, f->list_version);
    relay_put_u32(out, f->n - (idx + k));
    list_totals(f, k ? idx : 0, k ? k : f->n, out);
    relay_put_u32(out, k);
    for (uint32_t j = idx; j < idx + k; j++) {
        relay_put_u32(out, f->p[j].state);
        relay_put_u32(out, (uint32_t)(f->p[j].pending ? -11 : f->p[j].rc));
        relay_put_string(out, f->p[j].name);
        relay_put_u32(out, f->p[j].meta_len);
        relay_put_bytes(out, f->p[j].meta, f->p[j].meta_len);
    }
    return (int32_t)k;
}

static void do_hello(struct fake_relay *f, struct relay_cursor *out, int log)
{
    logf_(log, "\n");
    relay_put_u32(out, f->relay_version);
    relay_put_u32(out, f->max_body);
    relay_put_u32(out, 0x40011); /* 4.17 */
    relay_put_bytes(out, "-fake\0\0\0\0\0\0\0\0\0\0\0", 16);
    relay_put_u16(out, f->build_id_len);
    relay_put_bytes(out, f->build_id, f->build_id_len);
}

/* The model's reply body to one request (after its rc slot). */
static void handle(struct fake_relay *f, const struct relay_header *h, uint8_t *body,
                   struct relay_cursor *out, int log, unsigned int nth)
{
    struct relay_cursor in;
    int32_t rc = 0;

    relay_cursor_init(&in, body, h->length);
    relay_put_u32(out, 0); /* rc, filled below */
    switch (h->type) {
    case RELAY_REQ_HELLO:
        do_hello(f, out, log);
        break;
    case RELAY_REQ_UPLOAD:
        rc = do_upload(f, &in, log);
        break;
    case RELAY_REQ_GET:
        rc = do_get(f, &in, out, log);
        break;
    case RELAY_REQ_LIST:
        rc = do_list(f, &in, out, log, nth);
        break;
    case RELAY_REQ_ACTION:
        rc = do_action(f, &in, log);
        break;
    default:
        logf_(log, "\n");
        rc = -95;
    }
    if (rc < 0)
        out->pos = 4; /* an error carries nothing but itself */
    for (int i = 0; i < 4; i++)
        out->buf[i] = (uint8_t)((uint32_t)rc >> (8 * i));
}

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* Sends a frame, spoiled as @kind says. */
static void send_frame(int fd, uint16_t type, uint32_t id, const uint8_t *body, uint32_t len,
                       enum fake_fault kind)
{
    uint8_t hdr[RELAY_HEADER_SIZE];

    relay_header_encode(hdr, type, id, body, len);
    if (kind == FAULT_BAD_BODY_CRC) { /* a sound header saying the wrong body checksum */
        put32(hdr + 16, relay_crc32(0, body, len) ^ 0x5a5a5a5au);
        put32(hdr + 20, relay_crc32(0, hdr, 20));
    } else if (kind == FAULT_BAD_HEADER) {
        hdr[20] ^= 0xff;
    }
    write_full(fd, hdr, sizeof(hdr));
    write_full(fd, body,
               kind == FAULT_CLOSE_MID_REPLY || kind == FAULT_STALL_MID_REPLY ? len / 2 : len);
}

static const struct fake_fault_spec *fault_for(const struct fake_relay *f, uint16_t type,
                                               unsigned int nth)
{
    for (unsigned int i = 0; i < 4; i++)
        if (f->faults[i].kind && f->faults[i].type == type &&
            (!f->faults[i].nth || f->faults[i].nth == nth))
            return &f->faults[i];
    return NULL;
}

static const char *request_name(uint16_t type)
{
    static const char *const names[] = { "?", "HELLO", "UPLOAD", "GET", "LIST", "ACTION" };

    return type < 6 ? names[type] : "?";
}

/* Answers one request; false when the connection is to be closed. */
static bool serve_request(struct fake_relay *f, int fd, int log, const struct relay_header *h,
                          uint8_t *body, unsigned int nth)
{
    static uint8_t reply[REPLY_MAX];
    const struct fake_fault_spec *ft = fault_for(f, h->type, nth);
    enum fake_fault kind = ft ? ft->kind : FAULT_NONE;
    uint16_t type = (uint16_t)(RELAY_REPLY | h->type);
    struct relay_cursor out;

    relay_cursor_init(&out, reply, sizeof(reply));
    logf_(log, "%s id=%u ", request_name(h->type), h->id);
    if (kind == FAULT_CLOSE || kind == FAULT_SILENT) {
        logf_(log, "(no reply)\n");
        return kind == FAULT_SILENT;
    }
    if (kind == FAULT_ERROR) {
        logf_(log, "\n");
        relay_put_u32(&out, (uint32_t)ft->err);
        relay_put_string(&out, ft->msg);
        send_frame(fd, RELAY_ERROR, ft->id_zero ? 0 : h->id, reply, (uint32_t)out.pos, FAULT_NONE);
        return true;
    }
    handle(f, h, body, &out, log, nth);
    if (kind == FAULT_SHORT_BODY)
        out.pos = 2;
    if (kind == FAULT_WRONG_TYPE)
        type = RELAY_REPLY | RELAY_REQ_HELLO;
    if (kind == FAULT_GARBAGE_FIRST) {
        static const uint8_t junk[] = { 'L', 'P', 0x4c, 0x50, 0x52, 0x4c, 1,    0,    0x81, 0, 9,
                                        9,   0,   0,    0,    0,    0,    0,    0,    0,    0, 0,
                                        0,   0,   0,    0,    0x4c, 0x50, 0x52, 0x4c, 7 };

        write_full(fd, junk, sizeof(junk));
    }
    if (kind == FAULT_WRONG_ID_FIRST || kind == FAULT_WRONG_ID_ONLY)
        send_frame(fd, type, h->id + 7, reply, (uint32_t)out.pos, FAULT_NONE);
    if (kind != FAULT_WRONG_ID_ONLY)
        send_frame(fd, type, h->id, reply, (uint32_t)out.pos, kind);
    return kind != FAULT_CLOSE_MID_REPLY;
}

static void serve_connection(struct fake_relay *f, int fd, int log, unsigned int *counts)
{
    for (;;) {
        uint8_t hdr[RELAY_HEADER_SIZE], *body;
        struct relay_header h;
        bool go_on;

        if (!read_full(fd, hdr, sizeof(hdr)))
            return;
        if (relay_header_decode(hdr, &h)) {
            logf_(log, "BAD-HEADER\n");
            return;
        }
        body = malloc(h.length ? h.length : 1);
        if (!body || !read_full(fd, body, h.length) || !relay_body_ok(&h, body)) {
            logf_(log, "BAD-BODY\n");
            free(body);
            return;
        }
        go_on = serve_request(f, fd, log, &h, body, ++counts[h.type < 8 ? h.type : 0]);
        free(body);
        if (!go_on)
            return;
    }
}

static void serve(struct fake_relay *f, int lfd)
{
    unsigned int counts[8] = { 0 };
    int log = open(f->log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);

    prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive the test */
    alarm(30);
    for (;;) {
        int fd = accept(lfd, NULL, NULL);

        if (fd < 0 && errno == EINTR)
            continue;
        if (fd < 0)
            _exit(1);
        serve_connection(f, fd, log, counts);
        close(fd);
    }
}

static struct fake_relay *running[4];
static int registered;

/* A test that stops early (REQUIRE) still leaves no relay or directory behind. */
static void stop_all(void)
{
    for (int i = 0; i < 4; i++)
        if (running[i])
            fake_relay_stop(running[i]);
}

void fake_relay_start(struct fake_relay *f)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", f->sock);
    if (lfd < 0 || bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) || listen(lfd, 4)) {
        perror("fake relay");
        exit(2);
    }
    close(open(f->log, O_WRONLY | O_CREAT | O_CLOEXEC, 0600));
    fflush(NULL);
    f->pid = fork();
    if (f->pid < 0) {
        perror("fork");
        exit(2);
    }
    if (!f->pid)
        serve(f, lfd);
    close(lfd);
    if (!registered++)
        atexit(stop_all);
    for (int i = 0; i < 4; i++)
        if (!running[i]) {
            running[i] = f;
            break;
        }
}

void fake_relay_stop(struct fake_relay *f)
{
    for (int i = 0; i < 4; i++)
        if (running[i] == f)
            running[i] = NULL;
    if (f->pid > 0) {
        kill(f->pid, SIGKILL);
        waitpid(f->pid, NULL, 0);
        f->pid = 0;
    }
    unlink(f->sock);
    unlink(f->log);
    rmdir(f->dir);
}

char *fake_relay_log(const struct fake_relay *f)
{
    FILE *in = fopen(f->log, "r");
    char *text = calloc(1, 65536);
    size_t n = 0;

    if (in && text)
        n = fread(text, 1, 65535, in);
    if (in)
        fclose(in);
    if (text)
        text[n] = '\0';
    return text;
}

unsigned int fake_relay_count(const struct fake_relay *f, const char *prefix)
{
    char *text = fake_relay_log(f), *line = text;
    unsigned int n = 0;

    while (line && *line) {
        char *nl = strchr(line, '\n');

        if (!strncmp(line, prefix, strlen(prefix)))
            n++;
        line = nl ? nl + 1 : line + strlen(line);
    }
    free(text);
    return n;
}
