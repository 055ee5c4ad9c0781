/* SPDX-License-Identifier: MIT */
/*
 * The relay's requests, each turned into the real hypercall with every
 * buffer in this domain's memory: HELLO (xen_version), UPLOAD, GET, LIST
 * and ACTION (XEN_SYSCTL_livepatch_op), and RUN (domctl, run.h).
 */
#ifndef RELAY_SERVICE_H
#define RELAY_SERVICE_H

#include "link.h"

/*
 * Serves @req: the reply body's length in @out (RELAY_MAX_BODY bytes), or
 * a negative Xen errno, with *@why, for a request it cannot take: unknown
 * type (-EOPNOTSUPP) or malformed body (-EINVAL).
 */
long service_handle(const struct link_request *req, uint8_t *out, const char **why);

#endif /* RELAY_SERVICE_H */
