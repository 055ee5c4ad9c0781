/* SPDX-License-Identifier: MIT */
/*
 * A string-keyed hash table (open addressing, FNV-1a) mapping names to
 * pointers.  Equal keys may be added more than once; hash_next walks them
 * in insertion order.  Keys are borrowed, never copied.
 */
#ifndef DIFFER_HASH_H
#define DIFFER_HASH_H

#include <stddef.h>
#include <stdint.h>

struct hash_entry {
    const char *key;
    void *value;
    uint32_t hash;
};

struct hash {
    struct hash_entry *e; /* in insertion order */
    uint32_t *slot;       /* 0: empty, else 1 + index into e */
    size_t n, cap, nslots;
};

/* Sized for @expected entries; grows if more are added. */
int hash_init(struct hash *h, size_t expected);
void hash_free(struct hash *h);
int hash_add(struct hash *h, const char *key, void *value);

/* The next value stored under @key after *@cursor (start at 0), or NULL. */
void *hash_next(const struct hash *h, const char *key, size_t *cursor);

/* The first value stored under @key, or NULL. */
void *hash_get(const struct hash *h, const char *key);

#endif /* DIFFER_HASH_H */
