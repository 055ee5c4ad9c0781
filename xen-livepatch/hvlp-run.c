/* SPDX-License-Identifier: MIT */
/*
 * hvlp-run: runs a guest on this project's hypervisor, through the relay
 * (RELAY_REQ_RUN), and reports how it ended.
 *
 *   hvlp-run [--connect SOCKET] [--mem SIZE] [--timeout SECONDS]
 *            [--console LOG] IMAGE [GUEST COMMAND LINE...]
 *
 * The relay creates a domain from the ELF IMAGE with SIZE of RAM (default
 * 4M), waits until it shuts down (at most SECONDS, default 60), destroys
 * it and answers with its domain ID and shutdown reason.  With --console,
 * LOG is the hypervisor console (scripts/launch's console.log): the
 * guest's lines written during the run are printed, and the exit status
 * is that of an XTF test's result line (0 SUCCESS, 3 SKIP, 4 ERROR,
 * 5 FAILURE, 6 none: a crash).  Otherwise it is 0 when the guest powered
 * off, 1 when it did not or the run failed.  The socket defaults to
 * XEN_LIVEPATCH_CONNECT.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "relay_io.h"

#define IDLE_MS 60000
#define XTF_CRASH 6

static const char *const shutdown_reasons[] = { "poweroff", "reboot",   "suspend",
                                                "crash",    "watchdog", "soft_reset" };

struct run_args {
    const char *sock, *console, *image;
    unsigned long mem_kb, timeout_s;
    char cmdline[RELAY_CMDLINE_MAX];
};

static int usage(void)
{
    fprintf(stderr, "usage: hvlp-run [--connect SOCKET] [--mem SIZE] [--timeout SECONDS] "
                    "[--console LOG] IMAGE [GUEST COMMAND LINE...]\n");
    return 1;
}

/* "4M", "1024K", "8388608": bytes, as KiB; 0 if malformed. */
static unsigned long parse_mem_kb(const char *s)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 0);

    if (end == s)
        return 0;
    if (*end == 'M' || *end == 'm')
        v <<= 20, end++;
    else if (*end == 'K' || *end == 'k')
        v <<= 10, end++;
    return *end ? 0 : (unsigned long)(v >> 10);
}

static int parse(int argc, char **argv, struct run_args *a)
{
    int i = 1;

    *a = (struct run_args){ getenv("XEN_LIVEPATCH_CONNECT"), NULL, NULL, 4096, 60, "" };
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i += 2) {
        if (i + 1 >= argc)
            return usage();
        if (!strcmp(argv[i], "--connect"))
            a->sock = argv[i + 1];
        else if (!strcmp(argv[i], "--console"))
            a->console = argv[i + 1];
        else if (!strcmp(argv[i], "--mem") && (a->mem_kb = parse_mem_kb(argv[i + 1])))
            continue;
        else if (!strcmp(argv[i], "--timeout") && (a->timeout_s = strtoul(argv[i + 1], NULL, 0)))
            continue;
        else
            return usage();
    }
    if (i >= argc || !a->sock)
        return usage();
    a->image = argv[i++];
    for (; i < argc; i++) {
        size_t used = strlen(a->cmdline);

        if (snprintf(a->cmdline + used, sizeof(a->cmdline) - used, "%s%s", used ? " " : "",
                     argv[i]) >= (int)(sizeof(a->cmdline) - used)) {
            fprintf(stderr, "hvlp-run: the guest command line is longer than %d bytes\n",
                    RELAY_CMDLINE_MAX - 1);
            return 1;
        }
    }
    return 0;
}

static uint8_t *read_image(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf = NULL;
    long len;

    if (f && !fseek(f, 0, SEEK_END) && (len = ftell(f)) > 0 && len <= RELAY_MAX_PAYLOAD &&
        !fseek(f, 0, SEEK_SET) && (buf = malloc((size_t)len)) &&
        fread(buf, 1, (size_t)len, f) == (size_t)len) {
        *size = (size_t)len;
    } else {
        fprintf(stderr, "hvlp-run: cannot read %s (at most %u bytes)\n", path, RELAY_MAX_PAYLOAD);
        free(buf);
        buf = NULL;
    }
    if (f)
        fclose(f);
    return buf;
}

/* Sends the RUN request; the reply's rc, domid and reason; -errno if the relay failed us. */
static int run(int fd, const struct run_args *a, const uint8_t *image, size_t size, int32_t *rc,
               uint32_t *domid, uint32_t *reason)
{
    size_t len = 8 + 2 + strlen(a->cmdline) + 1 + size;
    uint32_t id = (uint32_t)(relay_io_now_ns() ^ (uint64_t)getpid()) | 1u;
    uint8_t *body = malloc(len);
    struct relay_cursor c;
    struct relay_frame f;
    const char *why;
    int err;

    if (!body)
        return -ENOMEM;
    relay_cursor_init(&c, body, len);
    relay_put_u32(&c, (uint32_t)a->mem_kb);
    relay_put_u32(&c, (uint32_t)(a->timeout_s * 1000));
    relay_put_string(&c, a->cmdline);
    relay_put_bytes(&c, image, size);
    err = relay_io_send(fd, RELAY_REQ_RUN, id, body, (uint32_t)len, IDLE_MS);
    free(body);
    /* The guest runs for up to timeout_s before the answer starts. */
    while (!err) {
        err = relay_io_recv(fd, relay_io_now_ns() + (a->timeout_s + 30) * 1000000000ULL, IDLE_MS,
                            true, &f, &why);
        if (err) {
            fprintf(stderr, "hvlp-run: %s\n", why);
            break;
        }
        if (f.h.id == id) {
            relay_cursor_init(&c, f.body, f.h.length);
            *rc = (int32_t)relay_get_u32(&c);
            *domid = relay_get_u32(&c);
            *reason = relay_get_u32(&c);
            err = f.h.type == (RELAY_REPLY | RELAY_REQ_RUN) && !c.overflow ? 0 : -EPROTO;
            if (f.h.type == RELAY_ERROR)
                fprintf(stderr, "hvlp-run: the relay refused the request (%d)\n", *rc);
            relay_io_frame_free(&f);
            return err;
        }
        relay_io_frame_free(&f); /* an answer meant for an earlier client */
    }
    return err;
}

static long console_size(const char *path)
{
    FILE *f = path ? fopen(path, "rb") : NULL;
    long n = f && !fseek(f, 0, SEEK_END) ? ftell(f) : 0;

    if (f)
        fclose(f);
    return n;
}

/* Prints d@domid's console lines written after @from; its XTF exit status. */
static int show_console(const char *path, long from, uint32_t domid)
{
    static const char *const results[] = { "SUCCESS", "SKIP", "ERROR", "FAILURE" };
    static const int codes[] = { 0, 3, 4, 5 };
    char tag[16], line[1024];
    int status = XTF_CRASH;
    FILE *f = fopen(path, "rb");

    if (!f || fseek(f, from, SEEK_SET)) {
        fprintf(stderr, "hvlp-run: cannot read the console %s\n", path);
        return XTF_CRASH;
    }
    snprintf(tag, sizeof(tag), "(d%u) ", domid);
    while (fgets(line, sizeof(line), f)) {
        const char *at = strstr(line, tag), *res;

        if (!at)
            continue;
        fputs(line, stdout);
        res = strstr(at, "Test result: ");
        for (unsigned int i = 0; res && i < 4; i++)
            if (!strncmp(res + 13, results[i], strlen(results[i])))
                status = codes[i];
    }
    fclose(f);
    return status;
}

int main(int argc, char **argv)
{
    struct run_args a;
    uint32_t domid = 0, reason = 0;
    int32_t rc = 0;
    size_t size = 0;
    uint8_t *image;
    long from;
    int fd, err;

    if (parse(argc, argv, &a))
        return 1;
    image = read_image(a.image, &size);
    if (!image)
        return 1;
    fd = relay_io_connect(a.sock);
    if (fd < 0) {
        fprintf(stderr, "hvlp-run: cannot connect to %s: %s\n", a.sock, strerror(-fd));
        return 1;
    }
    from = console_size(a.console);
    err = run(fd, &a, image, size, &rc, &domid, &reason);
    free(image);
    close(fd);
    if (err)
        return 1;
    if (rc) {
        fprintf(stderr, "hvlp-run: %s: %s (d%u)\n", a.image,
                rc == -ETIMEDOUT ? "still running when the time was up" : strerror(-rc), domid);
        return a.console ? XTF_CRASH : 1;
    }
    printf("hvlp-run: d%u shut down: %s\n", domid,
           reason < sizeof(shutdown_reasons) / sizeof(shutdown_reasons[0])
               ? shutdown_reasons[reason]
               : "unknown");
    if (a.console)
        return show_console(a.console, from, domid);
    return reason == 0 ? 0 : 1;
}
