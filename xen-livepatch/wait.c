/* SPDX-License-Identifier: MIT */
/* Polling for the end of an action (see wait.h). */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "wait.h"

uint64_t wait_limit_ns(uint32_t timeout_ns)
{
    uint64_t t = timeout_ns ? timeout_ns : CLI_DEFAULT_TIMEOUT_NS;

    /* The action starts a little later and may wait its whole timeout: be generous. */
    return 4 * t > CLI_WAIT_MIN_NS ? 4 * t : CLI_WAIT_MIN_NS;
}

static uint64_t now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void sleep_ns(uint64_t ns)
{
    struct timespec ts = { .tv_sec = (time_t)(ns / 1000000000u),
                           .tv_nsec = (long)(ns % 1000000000u) };

    while (nanosleep(&ts, &ts) && errno == EINTR)
        ;
}

/* Writes @text over the previous note of @shown characters; returns its length. */
static size_t note(FILE *f, size_t shown, const char *text)
{
    size_t n = strlen(text);

    for (size_t i = 0; i < shown; i++)
        fputc('\b', f);
    fputs(text, f);
    /* Blank what is left of a longer previous note, then come back. */
    for (size_t i = n; i < shown; i++)
        fputc(' ', f);
    for (size_t i = n; i < shown; i++)
        fputc('\b', f);
    fflush(f);
    return n;
}

int wait_action(struct backend *b, char *name, const struct wait_opts *o, struct lp_status *st,
                unsigned int *polls)
{
    uint64_t start = now_ns(), step = WAIT_FIRST_NS, elapsed = 0;
    size_t shown = 0;
    int rc;

    *polls = 0;
    for (;;) {
        uint64_t left = o->limit_ns > elapsed ? o->limit_ns - elapsed : 0;

        sleep_ns(step < left ? step : left);
        rc = backend_livepatch_get(b, name, st);
        ++*polls;
        elapsed = now_ns() - start;
        if (rc || st->rc != -EAGAIN || elapsed >= o->limit_ns)
            break;
        if (o->progress && elapsed >= WAIT_PROGRESS_NS) {
            char text[64];

            snprintf(text, sizeof(text), "(waiting %.1f s) ", (double)elapsed / 1e9);
            shown = note(o->progress, shown, text);
        }
        step = step * 2 < WAIT_MAX_STEP_NS ? step * 2 : WAIT_MAX_STEP_NS;
    }
    if (shown) {
        int saved = errno;

        note(o->progress, shown, "");
        errno = saved;
    }
    return rc;
}
