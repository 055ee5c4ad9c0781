/* SPDX-License-Identifier: MIT */
/*
 * The loader's porting interface, for the hypervisor: payload memory comes
 * from the vmap area (within branch reach of the hypervisor's text), and
 * symbols from the embedded table and the loaded payloads.
 */
#include "private.h"
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/livepatch.h>
#include <hv/livepatch_arch.h>
#include <hv/mm.h>
#include <hv/symbols.h>
#include <hv/version.h>

struct lp_pages {
    unsigned long nr;
    paddr_t frames[];
};

int lp_port_mem_alloc(struct lp_mem *m)
{
    unsigned long nr = m->total >> PAGE_SHIFT;
    struct lp_pages *pg = xzalloc_bytes(sizeof(*pg) + nr * sizeof(paddr_t));
    unsigned long va = pg ? vmap_reserve(nr) : 0;

    if (!va) {
        xfree(pg);
        return -ENOMEM;
    }
    pg->nr = nr;
    m->priv = pg;
    m->addr = va;
    m->view = (uint8_t *)va;
    for (unsigned long i = 0; i < nr; i++) {
        pg->frames[i] = alloc_pages(1, 1);
        if (pg->frames[i] == INVALID_PADDR ||
            arch_map_pages(va + i * PAGE_SIZE, pg->frames[i], 1, MAP_RW)) {
            lp_port_mem_free(m);
            return -ENOMEM;
        }
        memset((void *)(va + i * PAGE_SIZE), 0, PAGE_SIZE);
    }
    return 0;
}

int lp_port_mem_protect(struct lp_mem *m)
{
    struct lp_pages *pg = m->priv;
    unsigned long rw = m->rw_off >> PAGE_SHIFT, ro = m->ro_off >> PAGE_SHIFT;

    for (unsigned long i = 0; i < pg->nr; i++) {
        enum map_perm perm = i < rw ? MAP_RX : i < ro ? MAP_RW : MAP_RO;

        if (arch_map_pages(m->addr + i * PAGE_SIZE, pg->frames[i], 1, perm))
            return -ENOMEM;
    }
    arch_flush_mappings(m->addr, pg->nr);
    return 0;
}

void lp_port_mem_free(struct lp_mem *m)
{
    struct lp_pages *pg = m->priv;

    if (!pg)
        return;
    arch_unmap_pages(m->addr, pg->nr);
    for (unsigned long i = 0; i < pg->nr; i++)
        if (pg->frames[i] && pg->frames[i] != INVALID_PADDR)
            free_pages(pg->frames[i], 1);
    vmap_release(m->addr, pg->nr);
    xfree(pg);
    m->priv = NULL;
    m->total = 0;
}

static const struct lp_symbol *payload_new_symbol(const char *name)
{
    struct payload *p;

    lp_for_each_payload(p) for (unsigned int i = 0; i < p->nsyms;
                                i++) if (p->syms[i].is_new &&
                                         !strcmp(p->syms[i].name, name)) return &p->syms[i];
    return NULL;
}

unsigned long lp_port_resolve(const char *name)
{
    unsigned long addr = symbols_lookup_by_name(name);
    const struct lp_symbol *s = addr ? NULL : payload_new_symbol(name);

    return addr ? addr : s ? s->value : 0;
}

bool lp_port_symbol_exists(const char *name)
{
    return symbols_lookup_by_name(name) || payload_new_symbol(name);
}

static bool in_payload_text(const struct payload *p, unsigned long addr, size_t len)
{
    unsigned long start = p->mem.addr + p->mem.text_off;

    return addr >= start && addr - start < p->mem.text_size &&
           len <= p->mem.text_size - (addr - start);
}

bool lp_port_is_text(unsigned long addr, size_t len)
{
    struct payload *p;

    if (arch_livepatch_in_hv_text(addr, len))
        return true;
    lp_for_each_payload(p) if (in_payload_text(p, addr, len)) return true;
    return false;
}

bool lp_port_hv_build_id(const uint8_t **id, unsigned int *len)
{
    return hv_build_id(id, len);
}

bool lp_port_build_id_loaded(const uint8_t *id, unsigned int len)
{
    struct payload *p;

    lp_for_each_payload(p) if (p->id_len == len && !memcmp(p->id, id, len)) return true;
    return false;
}

/*
 * Lookups from fault and backtrace paths.  They walk the list without
 * payload_lock: they may run on a CPU that faulted while holding it, and
 * payloads are only unlinked in hypercall context, never while code in
 * them can be running or faulting.
 */
bool livepatch_lookup_addr(unsigned long addr, const char **name, unsigned long *start,
                           unsigned long *size, const char **payload)
{
    struct payload *p;

    lp_for_each_payload(p)
    {
        const struct lp_symbol *best = NULL;

        if (!in_payload_text(p, addr, 1))
            continue;
        for (unsigned int i = 0; i < p->nsyms; i++)
            if (p->syms[i].value <= addr && (!best || p->syms[i].value > best->value))
                best = &p->syms[i];
        if (!best)
            return false;
        *name = best->name;
        *start = best->value;
        *size = best->size;
        *payload = p->name;
        return true;
    }
    return false;
}

unsigned long livepatch_search_extable(unsigned long addr)
{
    struct payload *p;

    lp_for_each_payload(p)
    {
        if (!in_payload_text(p, addr, 1))
            continue;
        for (const struct extable_entry *e = p->extable; e < p->extable_end; e++)
            if (extable_insn(e) == addr)
                return extable_fixup(e);
    }
    return 0;
}

const struct bug_frame *livepatch_find_bug_frame(unsigned long addr)
{
    struct payload *p;

    lp_for_each_payload(p)
    {
        if (!in_payload_text(p, addr, 1))
            continue;
        for (const struct bug_frame *b = p->bugs; b < p->bugs_end; b++)
            if (bug_loc(b) == addr)
                return b;
    }
    return NULL;
}
