/* SPDX-License-Identifier: MIT */
/* Finding bug frames and exception-table fixups: ours, then payloads'. */
#include <hv/bug.h>
#include <hv/extable.h>
#include <hv/livepatch.h>

extern const struct bug_frame __bug_frames_start[], __bug_frames_end[];
extern const struct extable_entry __ex_table_start[], __ex_table_end[];

const struct bug_frame *find_bug_frame(unsigned long addr)
{
    for (const struct bug_frame *b = __bug_frames_start; b < __bug_frames_end; b++)
        if (bug_loc(b) == addr)
            return b;
    return livepatch_find_bug_frame(addr);
}

unsigned long search_exception_tables(unsigned long addr)
{
    for (const struct extable_entry *e = __ex_table_start; e < __ex_table_end; e++)
        if (extable_insn(e) == addr)
            return extable_fixup(e);
    return livepatch_search_extable(addr);
}
