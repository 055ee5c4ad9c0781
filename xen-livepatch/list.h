/* SPDX-License-Identifier: MIT */
/*
 * The payload list, read through a backend the way Xen's tool does: the
 * sizes first (xc_livepatch_list_get_sizes), then everything at once
 * (xc_livepatch_list).  Entries are in upload order.
 */
#ifndef LIST_H
#define LIST_H

#include "backend.h"

struct lp_entry {
    char *name; /* NUL-terminated copy */
    struct lp_status status;
    const char *metadata; /* metadata_len bytes: "key=value\0key=value\0" */
    uint32_t metadata_len;
};

struct lp_list {
    unsigned int n;
    struct lp_entry *e;
    char *metadata; /* the buffer the entries' metadata points into */
};

/* Where list_fetch() failed, for Xen's messages. */
struct list_failure {
    bool sizes; /* getting the sizes (else the list itself) */
    int err;
    unsigned int nr, left;
};

/* 0 with @l filled (free with list_free), or -1 with @why filled. */
int list_fetch(struct backend *b, struct lp_list *l, struct list_failure *why);
void list_free(struct lp_list *l);
/* The index of @name, or -1. */
int list_find(const struct lp_list *l, const char *name);

#endif /* LIST_H */
