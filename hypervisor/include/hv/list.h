/* SPDX-License-Identifier: MIT */
/* Intrusive doubly linked lists. */
#ifndef HV_LIST_H
#define HV_LIST_H

#include <hv/types.h>

struct list_head {
    struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) \
    {                        \
        &(name), &(name)     \
    }

static inline void list_init(struct list_head *l)
{
    l->next = l->prev = l;
}

static inline bool list_empty(const struct list_head *l)
{
    return l->next == l;
}

static inline void list_insert_(struct list_head *n, struct list_head *prev, struct list_head *next)
{
    next->prev = n;
    n->next = next;
    n->prev = prev;
    prev->next = n;
}

static inline void list_add_tail(struct list_head *n, struct list_head *head)
{
    list_insert_(n, head->prev, head);
}

static inline void list_del(struct list_head *n)
{
    n->next->prev = n->prev;
    n->prev->next = n->next;
    n->next = n->prev = n;
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(head, type, member) list_entry((head)->next, type, member)

#define list_for_each_entry(pos, head, member)                                             \
    for (pos = list_entry((head)->next, __typeof__(*pos), member); &pos->member != (head); \
         pos = list_entry(pos->member.next, __typeof__(*pos), member))

#define list_for_each_entry_safe(pos, n, head, member)              \
    for (pos = list_entry((head)->next, __typeof__(*pos), member),  \
        n = list_entry(pos->member.next, __typeof__(*pos), member); \
         &pos->member != (head); pos = n, n = list_entry(n->member.next, __typeof__(*n), member))

#endif /* HV_LIST_H */
