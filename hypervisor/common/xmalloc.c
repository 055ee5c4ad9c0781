/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor heap.  Requests up to 1 KiB come from power-of-two size
 * classes carved out of whole pages; larger ones get their own pages.  Every
 * page starts with a header saying which kind it is, so xfree() needs only
 * the pointer.
 */
#include <hv/mm.h>
#include <hv/console.h>
#include <hv/lib.h>
#include <hv/spinlock.h>

#define HEAP_MAGIC_SMALL 0x534d414cu /* "SMAL" */
#define HEAP_MAGIC_LARGE 0x4c415247u /* "LARG" */
#define MIN_CLASS_SHIFT 4
#define MAX_CLASS_SHIFT 10
#define NR_CLASSES (MAX_CLASS_SHIFT - MIN_CLASS_SHIFT + 1)
#define HEADER_SIZE 16

struct page_header {
    uint32_t magic;
    uint32_t info; /* class index, or page count for large blocks */
    uint64_t pad;
};

struct free_obj {
    struct free_obj *next;
};

static spinlock_t xmalloc_lock = SPIN_LOCK_UNLOCKED;
static struct free_obj *free_lists[NR_CLASSES];
static size_t bytes_in_use;

static unsigned int class_of(size_t size)
{
    unsigned int c = 0;

    while (((size_t)1 << (c + MIN_CLASS_SHIFT)) < size)
        c++;
    return c;
}

/* Carves a fresh page into objects of class @c; false if out of memory. */
static bool refill(unsigned int c)
{
    size_t obj = (size_t)1 << (c + MIN_CLASS_SHIFT);
    size_t first = MAX(obj, (size_t)HEADER_SIZE);
    struct page_header *h = alloc_xenheap_pages(1);

    if (!h)
        return false;
    h->magic = HEAP_MAGIC_SMALL;
    h->info = c;
    for (size_t off = first; off + obj <= PAGE_SIZE; off += obj) {
        struct free_obj *o = (struct free_obj *)((char *)h + off);

        o->next = free_lists[c];
        free_lists[c] = o;
    }
    return true;
}

static void *alloc_large(size_t size)
{
    unsigned long nr = (unsigned long)((size + HEADER_SIZE + PAGE_SIZE - 1) / PAGE_SIZE);
    struct page_header *h = alloc_xenheap_pages(nr);

    if (!h)
        return NULL;
    h->magic = HEAP_MAGIC_LARGE;
    h->info = (uint32_t)nr;
    spin_lock(&xmalloc_lock);
    bytes_in_use += nr * PAGE_SIZE;
    spin_unlock(&xmalloc_lock);
    return (char *)h + HEADER_SIZE;
}

void *xmalloc_bytes(size_t size)
{
    unsigned int c;
    struct free_obj *o;

    if (size == 0)
        size = 1;
    if (size > ((size_t)1 << MAX_CLASS_SHIFT))
        return size > GiB(1) ? NULL : alloc_large(size);
    c = class_of(size);
    spin_lock(&xmalloc_lock);
    if (!free_lists[c] && !refill(c)) {
        spin_unlock(&xmalloc_lock);
        return NULL;
    }
    o = free_lists[c];
    free_lists[c] = o->next;
    bytes_in_use += (size_t)1 << (c + MIN_CLASS_SHIFT);
    spin_unlock(&xmalloc_lock);
    return o;
}

void *xzalloc_bytes(size_t size)
{
    void *p = xmalloc_bytes(size);

    if (p)
        memset(p, 0, size);
    return p;
}

void xfree(void *p)
{
    struct page_header *h;

    if (!p)
        return;
    h = (struct page_header *)ROUNDDOWN((unsigned long)p, PAGE_SIZE);
    if (h->magic == HEAP_MAGIC_LARGE && (char *)p == (char *)h + HEADER_SIZE) {
        spin_lock(&xmalloc_lock);
        bytes_in_use -= h->info * PAGE_SIZE;
        spin_unlock(&xmalloc_lock);
        free_xenheap_pages(h, h->info);
        return;
    }
    BUG_ON(h->magic != HEAP_MAGIC_SMALL || h->info >= NR_CLASSES);
    spin_lock(&xmalloc_lock);
    ((struct free_obj *)p)->next = free_lists[h->info];
    free_lists[h->info] = p;
    bytes_in_use -= (size_t)1 << (h->info + MIN_CLASS_SHIFT);
    spin_unlock(&xmalloc_lock);
}

size_t xmalloc_in_use(void)
{
    return bytes_in_use;
}
