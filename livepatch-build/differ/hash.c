/* SPDX-License-Identifier: MIT */
/*
 * Linear probing in a slot array at most half full, so lookups stay O(1)
 * and correlation stays linear in the number of symbols (the known differs
 * scan lists).  Entries live in an insertion-ordered array; the slots index
 * it, so a rebuild after growing keeps equal keys in insertion order along
 * their probe sequence.
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"

static uint32_t fnv1a(const char *s)
{
    uint32_t h = 2166136261u;

    while (*s)
        h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

static int rebuild(struct hash *h, size_t nslots)
{
    uint32_t *slot = calloc(nslots, sizeof(*slot));

    if (!slot)
        return -1;
    for (size_t k = 0; k < h->n; k++) {
        size_t i = h->e[k].hash & (nslots - 1);

        while (slot[i])
            i = (i + 1) & (nslots - 1);
        slot[i] = (uint32_t)(k + 1);
    }
    free(h->slot);
    h->slot = slot;
    h->nslots = nslots;
    return 0;
}

int hash_init(struct hash *h, size_t expected)
{
    size_t nslots = 16;

    while (nslots < 2 * expected + 2)
        nslots *= 2;
    memset(h, 0, sizeof(*h));
    h->cap = expected ? expected : 8;
    h->e = malloc(h->cap * sizeof(*h->e));
    if (!h->e || rebuild(h, nslots)) {
        hash_free(h);
        return -1;
    }
    return 0;
}

void hash_free(struct hash *h)
{
    free(h->e);
    free(h->slot);
    memset(h, 0, sizeof(*h));
}

int hash_add(struct hash *h, const char *key, void *value)
{
    size_t i;

    if (h->n == h->cap) {
        struct hash_entry *e = realloc(h->e, 2 * h->cap * sizeof(*e));

        if (!e)
            return -1;
        h->e = e;
        h->cap *= 2;
    }
    if (2 * (h->n + 1) > h->nslots && rebuild(h, 2 * h->nslots))
        return -1;
    h->e[h->n] = (struct hash_entry){ key, value, fnv1a(key) };
    i = h->e[h->n].hash & (h->nslots - 1);
    while (h->slot[i])
        i = (i + 1) & (h->nslots - 1);
    h->slot[i] = (uint32_t)++h->n;
    return 0;
}

/* *cursor counts the probe steps already taken, so a walk can resume. */
void *hash_next(const struct hash *h, const char *key, size_t *cursor)
{
    uint32_t hv = fnv1a(key);
    size_t i = (hv + *cursor) & (h->nslots - 1);

    for (; h->slot[i]; i = (i + 1) & (h->nslots - 1)) {
        const struct hash_entry *e = &h->e[h->slot[i] - 1];

        ++*cursor;
        if (e->hash == hv && !strcmp(e->key, key))
            return e->value;
    }
    return NULL;
}

void *hash_get(const struct hash *h, const char *key)
{
    size_t cursor = 0;

    return hash_next(h, key, &cursor);
}
