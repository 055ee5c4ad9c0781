/* SPDX-License-Identifier: MIT */
/*
 * XEN_SYSCTL_livepatch_op for tests: thin wrappers returning Xen's error
 * values, and a few helpers to run an action to its end and read what the
 * patched code now says.
 */
#ifndef XTF_LIVEPATCH_H
#define XTF_LIVEPATCH_H

#include <xtf/xen.h>

long lp_upload(const char *name, const void *image, size_t size);
/* Uploads bundle file "<file>" under @name; -ENOENT if the bundle lacks it. */
long lp_upload_file(const char *name, const char *file);
long lp_get(const char *name, struct xen_livepatch_status *status);
long lp_action(const char *name, uint32_t cmd, uint32_t timeout_ns, uint32_t flags);
/* XEN_SYSCTL_LIVEPATCH_LIST with the caller's arguments and buffers; @l gets the OUT fields. */
long lp_list(struct xen_sysctl_livepatch_list *l);
/*
 * Timeout tests give actions.  Xen's default (30 ms) assumes real CPUs; an
 * emulated CPU's thread may be off the host for longer than that.
 */
#define LP_TEST_TIMEOUT_NS 1000000000u

/*
 * Issues an action (timeout LP_TEST_TIMEOUT_NS) and waits until it has run: returns the hypercall's
 * answer; on acceptance *@rc gets the payload's final rc (else it is the
 * answer too).
 */
long lp_run(const char *name, uint32_t cmd, int32_t *rc);
/* State (LIVEPATCH_STATE_*) of a payload, or 0 if the GET failed. */
uint32_t lp_state(const char *name);
/* How many payloads are loaded (LIST probe), or a negative error. */
long lp_count(void);
/* The current extra version string. */
void lp_extraversion(char out[16]);

/* Test checks: each reports a failure naming @when or the payload. */
void lp_expect_extra(const char *want, const char *when);
/* Runs an action: it must be accepted and end with @want_rc. */
void lp_expect_run(const char *name, uint32_t cmd, int32_t want_rc);
/* Bundle file @file (also its payload name) must upload, apply with the
 * extra version becoming @extra, revert and unload. */
void lp_expect_loads(const char *file, const char *extra);

#endif /* XTF_LIVEPATCH_H */
