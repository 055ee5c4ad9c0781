/* SPDX-License-Identifier: MIT */
/*
 * Waiting for a live-patch action to finish: GET polled with a backoff
 * (1 ms, doubling to 100 ms) until the payload's rc is no longer -EAGAIN or
 * the limit passes, instead of Xen's single fixed sleep.  On a terminal a
 * progress note follows the "Applying <name>... " line and is erased after.
 */
#ifndef WAIT_H
#define WAIT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "backend.h"

#define WAIT_FIRST_NS 1000000ull      /* first poll after 1 ms */
#define WAIT_MAX_STEP_NS 100000000ull /* polls at least every 100 ms */
#define WAIT_PROGRESS_NS 200000000ull /* quick actions show no progress note */

struct wait_opts {
    uint64_t limit_ns;
    FILE *progress; /* where the progress note goes, or NULL for none */
};

/* The wait's limit for an action timeout (0: the hypervisor's default). */
uint64_t wait_limit_ns(uint32_t timeout_ns);

/*
 * Polls until the action on @name is done: 0 with @st from the last GET
 * (st->rc is still -EAGAIN if the limit passed), or -1 with errno when a
 * GET failed (ENOENT once an unload is done).  *polls counts the GETs.
 */
int wait_action(struct backend *b, char *name, const struct wait_opts *o, struct lp_status *st,
                unsigned int *polls);

#endif /* WAIT_H */
