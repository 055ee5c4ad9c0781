/* SPDX-License-Identifier: MIT */
/*
 * Placing a payload's allocated sections in memory, by their flags:
 * executable ones in text, writable ones in rw, the rest in ro.  A section
 * both writable and executable is refused: payload memory is W^X too.
 * Each part starts on a page so it can get its own permissions.
 */
#include "private.h"
#include <hv/arch.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/mm.h>

enum part { PART_TEXT, PART_RW, PART_RO, PART_NONE };

static enum part part_of(const struct lp_elf_sec *s)
{
    if (!(s->flags & SHF_ALLOC))
        return PART_NONE;
    if (s->flags & SHF_EXECINSTR)
        return PART_TEXT;
    return (s->flags & SHF_WRITE) ? PART_RW : PART_RO;
}

/* Offset of section @s in its part; @cursor is the part's running size. */
static uint64_t place(uint64_t *cursor, const struct lp_elf_sec *s)
{
    uint64_t align = s->align ? s->align : 1;
    uint64_t at = ROUNDUP(*cursor, align);

    *cursor = at + s->size;
    return at;
}

int lp_layout(struct lp_elf *elf, struct lp_mem *mem, const char *who)
{
    uint64_t size[3] = { 0 }, *off;
    int rc;

    off = xzalloc_array(uint64_t, elf->nsec);
    if (!off)
        return lp_refuse(-ENOMEM, who, "out of memory laying out sections");
    for (unsigned int i = 1; i < elf->nsec; i++) {
        const struct lp_elf_sec *s = &elf->sec[i];
        enum part p = part_of(s);

        if (p == PART_NONE)
            continue;
        if ((s->flags & SHF_WRITE) && (s->flags & SHF_EXECINSTR)) {
            xfree(off);
            return lp_refuse(-EOPNOTSUPP, who, "section %s is writable and executable", s->name);
        }
        off[i] = place(&size[p], s);
        if (size[p] > MiB(2)) {
            xfree(off);
            return lp_refuse(-EINVAL, who, "sections do not fit the 2 MiB payload limit");
        }
    }
    memset(mem, 0, sizeof(*mem));
    mem->text_size = size[PART_TEXT];
    mem->rw_size = size[PART_RW];
    mem->ro_size = size[PART_RO];
    mem->text_off = 0;
    mem->rw_off = ROUNDUP(mem->text_size, PAGE_SIZE);
    mem->ro_off = mem->rw_off + ROUNDUP(mem->rw_size, PAGE_SIZE);
    mem->total = mem->ro_off + ROUNDUP(mem->ro_size, PAGE_SIZE);
    if (!mem->total)
        mem->total = PAGE_SIZE;
    rc = lp_port_mem_alloc(mem);
    if (rc) {
        xfree(off);
        return lp_refuse(rc, who, "cannot allocate %zu bytes of payload memory", mem->total);
    }
    for (unsigned int i = 1; i < elf->nsec; i++) {
        struct lp_elf_sec *s = &elf->sec[i];
        enum part p = part_of(s);
        size_t base = p == PART_TEXT ? mem->text_off : p == PART_RW ? mem->rw_off : mem->ro_off;

        if (p == PART_NONE)
            continue;
        s->load = mem->view + base + off[i];
        s->load_addr = mem->addr + base + off[i];
        if (s->data)
            memcpy(s->load, s->data, s->size); /* NOBITS stay zero */
    }
    xfree(off);
    return 0;
}
