/* SPDX-License-Identifier: MIT */
/*
 * The interface every backend provides: libxenctrl's xc_livepatch_* calls
 * (and the hypervisor build-id of xc_version(XENVER_build_id)), with the
 * same arguments and the same answers: 0 (or a length) on success, -1 with
 * errno set on failure.  Xen's errno values equal Linux's for every value
 * the live-patch sysctl uses, so errno is the hypervisor's answer.
 *
 * Backends: "xen" (libxenctrl 4.17, loaded at run time) and "relay" (this
 * project's relay guest, over a unix socket; see relay_protocol.h).
 */
#ifndef BACKEND_H
#define BACKEND_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Values of <xen/sysctl.h>; backend_xen.c asserts they match. */
#define LP_NAME_SIZE 128          /* XEN_LIVEPATCH_NAME_SIZE, NUL included */
#define LP_MAX_PAYLOAD (2u << 20) /* the hypervisor's LIVEPATCH_MAX_SIZE */
#define LP_STATE_CHECKED 1
#define LP_STATE_APPLIED 2
#define LP_ACTION_UNLOAD 1
#define LP_ACTION_REVERT 2
#define LP_ACTION_APPLY 3
#define LP_ACTION_REPLACE 4
#define LP_ACTION_APPLY_NODEPS 1u
#define LP_BUILD_ID_MAX 64

/* struct xen_livepatch_status */
struct lp_status {
    uint32_t state; /* LP_STATE_* */
    int32_t rc;     /* 0, -EAGAIN while an action runs, or the last action's error */
};

enum backend_kind {
    BACKEND_AUTO, /* relay if a relay socket is known, else xen */
    BACKEND_XEN,
    BACKEND_RELAY,
};

struct backend;

struct backend_ops {
    int (*upload)(struct backend *b, char *name, unsigned char *payload, uint32_t size);
    int (*get)(struct backend *b, char *name, struct lp_status *status);
    int (*list_get_sizes)(struct backend *b, unsigned int *nr, uint32_t *name_total_size,
                          uint32_t *metadata_total_size);
    int (*list)(struct backend *b, unsigned int max, unsigned int start, struct lp_status *info,
                char *name, uint32_t *len, uint32_t name_total_size, char *metadata,
                uint32_t *metadata_len, uint32_t metadata_total_size, unsigned int *done,
                unsigned int *left);
    int (*action)(struct backend *b, char *name, uint32_t cmd, uint32_t timeout, uint32_t flags);
    /* Copies the hypervisor's build-id into @buf: its length, or -1. */
    int (*build_id)(struct backend *b, uint8_t *buf, uint32_t len);
    void (*close)(struct backend *b);
};

struct backend {
    const struct backend_ops *ops;
    const char *name;  /* "xen" or "relay", for messages */
    char message[512]; /* why the last call failed, beyond errno ("" if nothing) */
};

/* What backend_open() needs; filled from the command line and environment. */
struct backend_config {
    enum backend_kind kind;
    const char *connect;     /* --connect, else XEN_LIVEPATCH_CONNECT, else NULL */
    const char *xenctrl_lib; /* library the xen backend loads */
    int relay_timeout_ms;    /* how long the relay backend waits for a reply */
};

/*
 * Resolves BACKEND_AUTO.  Returns the kind, or -1 after saying on @err why
 * the combination cannot work (e.g. --backend relay without a socket).
 */
int backend_choose(const struct backend_config *cfg, FILE *err);
/* Opens the chosen backend; NULL after saying on @err why not. */
struct backend *backend_open(const struct backend_config *cfg, FILE *err);
void backend_close(struct backend *b);

struct backend *backend_xen_open(const char *library, FILE *err);
struct backend *backend_relay_open(const char *path, int timeout_ms, FILE *err);
/*
 * The relay backend only (RELAY_REQ_RUN, for hvlp-run): runs the ELF guest
 * @image in a new domain until it shuts down or @timeout_ms passes.  0
 * with *@domid and its shutdown *@reason, or -1 with errno (ETIMEDOUT:
 * still running when the time was up; *@domid is still set if known).
 */
int backend_relay_run(struct backend *b, uint32_t mem_kb, uint32_t timeout_ms, const char *cmdline,
                      const void *image, uint32_t size, uint32_t *domid, uint32_t *reason);

/* Records why a call failed (shown after "Error <n>: ..."); returns -1. */
int backend_fail(struct backend *b, int err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The calls of libxenctrl, by their libxenctrl names. */
int backend_livepatch_upload(struct backend *b, char *name, unsigned char *payload, uint32_t size);
int backend_livepatch_get(struct backend *b, char *name, struct lp_status *status);
int backend_livepatch_list_get_sizes(struct backend *b, unsigned int *nr, uint32_t *name_total_size,
                                     uint32_t *metadata_total_size);
int backend_livepatch_list(struct backend *b, unsigned int max, unsigned int start,
                           struct lp_status *info, char *name, uint32_t *len,
                           uint32_t name_total_size, char *metadata, uint32_t *metadata_len,
                           uint32_t metadata_total_size, unsigned int *done, unsigned int *left);
int backend_livepatch_action(struct backend *b, char *name, uint32_t cmd, uint32_t timeout,
                             uint32_t flags);
int backend_build_id(struct backend *b, uint8_t *buf, uint32_t len);
/* The last failure's explanation, or NULL. */
const char *backend_message(const struct backend *b);

#endif /* BACKEND_H */
