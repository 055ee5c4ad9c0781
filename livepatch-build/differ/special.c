/* SPDX-License-Identifier: MIT */
/*
 * Special sections: tables the hypervisor reads, kept only for code the
 * output holds, and sections carried as they are.
 *
 *   .ex_table     struct extable_entry (hv/extable.h): int32_t insn, fixup,
 *                 each its target minus its own address; both in code.
 *   .bug_frames   struct bug_frame (hv/bug.h): int32_t loc (code) and file
 *                 (its name string), uint32_t line, kind.
 *   .livepatch.hooks.*, .modinfo   carried whole when the patch adds them.
 *
 * An entry stays when the code its first field points at is included; its
 * other references (the fixup, the file name) are then included too.
 */
#include <stdlib.h>

#include "log.h"
#include "names.h"
#include "passes.h"

#define EXTABLE_ENTRY 8 /* sizeof(struct extable_entry) */
#define BUG_FRAME 16    /* sizeof(struct bug_frame) */

static bool in_included_code(const struct reloc *r)
{
    const struct section *s = r ? r->target->sec : NULL;

    return s && s->include && sec_is_text(s);
}

/* The relocation at @off among @n sorted ones from @r, or NULL. */
static const struct reloc *reloc_at(const struct reloc *r, size_t n, uint64_t off)
{
    for (size_t i = 0; i < n && r[i].offset <= off; i++)
        if (r[i].offset == off)
            return &r[i];
    return NULL;
}

static int trim_table(struct diff *d, struct section *s, uint64_t entsize, bool fixup)
{
    size_t n = s->size / entsize, kept = 0, k = 0;

    if (s->size % entsize) {
        log_refuse(s->name, "size %llu is not a multiple of its %llu-byte entries",
                   (unsigned long long)s->size, (unsigned long long)entsize);
        return 0;
    }
    s->keep = calloc(n ? n : 1, sizeof(*s->keep));
    if (!s->keep)
        return log_error("out of memory");
    s->keep_entsize = entsize;
    /* Relocations are sorted: walk them alongside the entries. */
    for (size_t i = 0; i < n; i++) {
        uint64_t at = i * entsize;
        size_t first, m;

        while (k < s->nrelocs && s->relocs[k].offset < at)
            k++;
        for (first = k, m = 0; k + m < s->nrelocs && s->relocs[k + m].offset < at + entsize;)
            m++;
        if (!in_included_code(reloc_at(&s->relocs[first], m, at)))
            continue;
        s->keep[i] = true;
        kept++;
        if (fixup && !in_included_code(reloc_at(&s->relocs[first], m, at + 4)))
            log_refuse(s->name, "entry %zu: the fixup is not in code the payload carries", i);
        for (size_t j = 0; j < m; j++)
            if (include_target(d, s, &s->relocs[first + j]))
                return -1;
    }
    log_debug("special: %s keeps %zu of %zu entries", s->name, kept, n);
    s->include = kept != 0;
    return 0;
}

int special_sections(struct diff *d)
{
    for (size_t i = 1; i < d->patched.nsecs; i++) {
        struct section *s = &d->patched.secs[i];
        int rc = 0;

        switch (section_kind(s)) {
        case SK_EXTABLE:
            rc = trim_table(d, s, EXTABLE_ENTRY, true);
            break;
        case SK_BUGS:
            rc = trim_table(d, s, BUG_FRAME, false);
            break;
        case SK_HOOKS:
        case SK_MODINFO:
            if (!s->twin) { /* new with the patch */
                d->carried++;
                rc = include_section(d, s, "carried");
            }
            break;
        default:
            break;
        }
        if (rc)
            return -1;
    }
    return include_drain(d);
}
