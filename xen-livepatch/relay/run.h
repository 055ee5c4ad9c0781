/* SPDX-License-Identifier: MIT */
/*
 * RELAY_REQ_RUN: the relay as a minimal toolstack.  It builds a domain from
 * the ELF image in the request (XEN_DOMCTL_createdomain, _load_image,
 * _unpausedomain), waits until it shuts down or the time is up, destroys
 * it, and answers with its domain ID and shutdown reason.  Its console
 * output goes to the hypervisor console, like every guest's.
 */
#ifndef RELAY_RUN_H
#define RELAY_RUN_H

#include "relay_protocol.h"

/* Serves one RUN body from @in into @out; -EINVAL with *@why if malformed. */
long run_guest(struct relay_cursor *in, struct relay_cursor *out, const char **why);

#endif /* RELAY_RUN_H */
