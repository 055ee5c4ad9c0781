/* SPDX-License-Identifier: MIT */
/* Choosing and opening a backend, and the calls every command makes through it. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include "backend.h"

int backend_choose(const struct backend_config *cfg, FILE *err)
{
    switch (cfg->kind) {
    case BACKEND_AUTO:
        return cfg->connect ? BACKEND_RELAY : BACKEND_XEN;
    case BACKEND_RELAY:
        if (!cfg->connect) {
            fprintf(err, "The relay backend needs the relay's socket: give --connect PATH or set "
                         "XEN_LIVEPATCH_CONNECT.\n");
            return -1;
        }
        return BACKEND_RELAY;
    case BACKEND_XEN:
        return BACKEND_XEN;
    }
    return -1;
}

struct backend *backend_open(const struct backend_config *cfg, FILE *err)
{
    switch (backend_choose(cfg, err)) {
    case BACKEND_XEN:
        return backend_xen_open(cfg->xenctrl_lib, err);
    case BACKEND_RELAY:
        return backend_relay_open(cfg->connect, cfg->relay_timeout_ms, err);
    default:
        return NULL;
    }
}

void backend_close(struct backend *b)
{
    if (b)
        b->ops->close(b);
}

int backend_fail(struct backend *b, int err, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(b->message, sizeof(b->message), fmt, ap);
    va_end(ap);
    errno = err;
    return -1;
}

const char *backend_message(const struct backend *b)
{
    return b && b->message[0] ? b->message : NULL;
}

/* Each call starts with no explanation, so an old one is never shown. */
static void fresh(struct backend *b)
{
    b->message[0] = '\0';
}

int backend_livepatch_upload(struct backend *b, char *name, unsigned char *payload, uint32_t size)
{
    fresh(b);
    return b->ops->upload(b, name, payload, size);
}

int backend_livepatch_get(struct backend *b, char *name, struct lp_status *status)
{
    fresh(b);
    return b->ops->get(b, name, status);
}

int backend_livepatch_list_get_sizes(struct backend *b, unsigned int *nr, uint32_t *name_total_size,
                                     uint32_t *metadata_total_size)
{
    fresh(b);
    return b->ops->list_get_sizes(b, nr, name_total_size, metadata_total_size);
}

int backend_livepatch_list(struct backend *b, unsigned int max, unsigned int start,
                           struct lp_status *info, char *name, uint32_t *len,
                           uint32_t name_total_size, char *metadata, uint32_t *metadata_len,
                           uint32_t metadata_total_size, unsigned int *done, unsigned int *left)
{
    fresh(b);
    return b->ops->list(b, max, start, info, name, len, name_total_size, metadata, metadata_len,
                        metadata_total_size, done, left);
}

int backend_livepatch_action(struct backend *b, char *name, uint32_t cmd, uint32_t timeout,
                             uint32_t flags)
{
    fresh(b);
    return b->ops->action(b, name, cmd, timeout, flags);
}

int backend_build_id(struct backend *b, uint8_t *buf, uint32_t len)
{
    fresh(b);
    return b->ops->build_id(b, buf, len);
}
