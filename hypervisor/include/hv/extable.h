/* SPDX-License-Identifier: MIT */
/*
 * Exception-table entries: "if the instruction at insn faults, continue at
 * fixup".  Each field holds its target's address minus the field's own
 * address, so tables need no relocation and payloads carry their own.
 */
#ifndef HV_EXTABLE_H
#define HV_EXTABLE_H

#include <hv/types.h>

struct extable_entry {
    int32_t insn, fixup;
};

static inline unsigned long extable_insn(const struct extable_entry *e)
{
    return (unsigned long)&e->insn + (long)e->insn;
}

static inline unsigned long extable_fixup(const struct extable_entry *e)
{
    return (unsigned long)&e->fixup + (long)e->fixup;
}

/* The fixup for a fault at @addr: the hypervisor's table, then payloads'; or 0. */
unsigned long search_exception_tables(unsigned long addr);

#endif /* HV_EXTABLE_H */
