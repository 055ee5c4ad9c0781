/* SPDX-License-Identifier: MIT */
/* Reading the payload list through a backend (see list.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "list.h"

/* A list that changes between the two calls is read again, this many times. */
#define LIST_ATTEMPTS 3

struct raw {
    struct lp_status *info;
    char *names, *metadata;
    uint32_t *len, *metadata_len;
};

static void raw_free(struct raw *r)
{
    free(r->info);
    free(r->names);
    free(r->metadata);
    free(r->len);
    free(r->metadata_len);
    memset(r, 0, sizeof(*r));
}

static int raw_alloc(struct raw *r, unsigned int nr, uint32_t names, uint32_t metadata)
{
    r->info = calloc(nr, sizeof(*r->info));
    r->names = calloc(names ? names : 1, 1);
    r->metadata = calloc((size_t)metadata + 1, 1); /* +1: never a zero-size buffer */
    r->len = calloc(nr, sizeof(*r->len));
    r->metadata_len = calloc(nr, sizeof(*r->metadata_len));
    if (r->info && r->names && r->metadata && r->len && r->metadata_len)
        return 0;
    raw_free(r);
    errno = ENOMEM;
    return -1;
}

/* Makes the entries out of the arrays; takes the metadata buffer. */
static int entries(struct lp_list *l, struct raw *r, unsigned int n, uint32_t names_size,
                   uint32_t metadata_size)
{
    uint32_t name_off = 0, meta_off = 0;

    l->e = calloc(n ? n : 1, sizeof(*l->e));
    if (!l->e)
        return -1;
    l->metadata = r->metadata;
    r->metadata = NULL;
    for (unsigned int i = 0; i < n; i++) {
        struct lp_entry *e = &l->e[i];

        /* Lengths come from the hypervisor: never trust them past the buffers. */
        if (r->len[i] > names_size - name_off || r->metadata_len[i] > metadata_size - meta_off) {
            errno = EOVERFLOW;
            return -1;
        }
        e->name = strndup(r->names + name_off, r->len[i]);
        if (!e->name)
            return -1;
        e->status = r->info[i];
        e->metadata = l->metadata + meta_off;
        e->metadata_len = r->metadata_len[i];
        name_off += r->len[i];
        meta_off += r->metadata_len[i];
        l->n = i + 1;
    }
    return 0;
}

int list_fetch(struct backend *b, struct lp_list *l, struct list_failure *why)
{
    struct raw r = { 0 };
    unsigned int nr, done = 0, left = 0;
    uint32_t names, metadata;

    memset(l, 0, sizeof(*l));
    memset(why, 0, sizeof(*why));
    for (int attempt = 1;; attempt++) {
        int rc;

        if (backend_livepatch_list_get_sizes(b, &nr, &names, &metadata)) {
            why->sizes = true;
            why->err = errno;
            return -1;
        }
        if (!nr)
            return 0;
        if (raw_alloc(&r, nr, names, metadata))
            goto fail;
        rc = backend_livepatch_list(b, nr, 0, r.info, r.names, r.len, names, r.metadata,
                                    r.metadata_len, metadata, &done, &left);
        if (!rc && done == nr && !left)
            break;
        /* The list changed since the sizes were read: read both again. */
        if (attempt < LIST_ATTEMPTS && (!rc || errno == ENOBUFS)) {
            raw_free(&r);
            continue;
        }
        if (!rc)
            errno = EBUSY; /* it kept changing: try again later */
        goto fail;
    }
    if (entries(l, &r, nr, names, metadata))
        goto fail;
    raw_free(&r);
    return 0;
fail:
    why->err = errno;
    why->nr = nr;
    why->left = left;
    raw_free(&r);
    list_free(l);
    return -1;
}

void list_free(struct lp_list *l)
{
    for (unsigned int i = 0; i < l->n; i++)
        free(l->e[i].name);
    free(l->e);
    free(l->metadata);
    memset(l, 0, sizeof(*l));
}

int list_find(const struct lp_list *l, const char *name)
{
    for (unsigned int i = 0; i < l->n; i++)
        if (!strcmp(l->e[i].name, name))
            return (int)i;
    return -1;
}
