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

#include "backend.h"
#include "relay_protocol.h"

#define XTF_CRASH 6
#define REPLY_MARGIN_S 30 /* beyond the guest's time, for the upload and the answer */

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
        const char *opt = argv[i], *val = argv[i + 1];

        if (!strcmp(opt, "--connect"))
            a->sock = val;
        else if (!strcmp(opt, "--console"))
            a->console = val;
        else if (!strcmp(opt, "--mem"))
            a->mem_kb = parse_mem_kb(val);
        else if (!strcmp(opt, "--timeout"))
            a->timeout_s = strtoul(val, NULL, 0);
        else
            return usage();
        if (!a->mem_kb || !a->timeout_s)
            return usage(); /* a malformed size or time */
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
    struct backend *b;
    size_t size = 0;
    uint8_t *image;
    long from;
    int rc;

    if (parse(argc, argv, &a))
        return 1;
    image = read_image(a.image, &size);
    if (!image)
        return 1;
    b = backend_relay_open(a.sock, (int)((a.timeout_s + REPLY_MARGIN_S) * 1000), stderr);
    if (!b) {
        free(image);
        return 1;
    }
    from = console_size(a.console);
    rc = backend_relay_run(b, (uint32_t)a.mem_kb, (uint32_t)(a.timeout_s * 1000), a.cmdline, image,
                           (uint32_t)size, &domid, &reason);
    free(image);
    if (rc) {
        int err = errno;

        fprintf(stderr, "hvlp-run: %s: %s (d%u)%s%s\n", a.image,
                err == ETIMEDOUT ? "still running when the time was up" : strerror(err), domid,
                backend_message(b) ? ": " : "", backend_message(b) ? backend_message(b) : "");
        backend_close(b);
        return a.console ? XTF_CRASH : 1;
    }
    backend_close(b);
    printf("hvlp-run: d%u shut down: %s\n", domid,
           reason < sizeof(shutdown_reasons) / sizeof(shutdown_reasons[0])
               ? shutdown_reasons[reason]
               : "unknown");
    if (a.console)
        return show_console(a.console, from, domid);
    return reason == 0 ? 0 : 1;
}
