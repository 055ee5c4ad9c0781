/* SPDX-License-Identifier: MIT */
/*
 * Saying why the hypervisor refused, in the operator's terms, after Xen's
 * "Error <n>: <strerror>" line.  The hypervisor answers with an errno only
 * (its reasons go to its console), so these look at what the tool can see:
 * the payload file's build-id notes, the hypervisor's build-id, the list.
 * When the backend already explained a failure (a relay or library
 * problem), that explanation stands alone.
 */
#ifndef EXPLAIN_H
#define EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

/* After UPLOAD of @image (the file @file) as @name failed with @err. */
void explain_upload(struct cli *c, const char *name, const char *file, const void *image,
                    size_t size, int err);
/* After GET of @name failed with @err. */
void explain_get(struct cli *c, const char *name, int err);
/*
 * After @cmd on @name failed with @err: refused by the ACTION call, or
 * (@in_status) reported afterwards in the payload's rc.
 */
void explain_action(struct cli *c, enum cli_cmd cmd, const char *name, int err, bool in_status);

#endif /* EXPLAIN_H */
