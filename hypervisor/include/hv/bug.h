/* SPDX-License-Identifier: MIT */
/*
 * BUG and WARN.  Each site is a trapping instruction plus a bug frame
 * saying which file and line it is; the trap handler looks the frame up in
 * the hypervisor's table, then in loaded payloads', and either reports a
 * warning and goes on, or reports the bug and panics.  No string formatting
 * happens at the site, so checks stay cheap.
 */
#ifndef HV_BUG_H
#define HV_BUG_H

#include <hv/types.h>

#define BUG_KIND_WARN 0
#define BUG_KIND_BUG 1

/* Every field holds its target's address minus the field's own address. */
struct bug_frame {
    int32_t loc;  /* the trapping instruction */
    int32_t file; /* its source file name */
    uint32_t line, kind;
};

#include <arch/bug.h>

#define WARN() ARCH_BUG_FRAME(BUG_KIND_WARN)
#define BUG()                         \
    do {                              \
        ARCH_BUG_FRAME(BUG_KIND_BUG); \
        __builtin_unreachable();      \
    } while (0)
#define BUG_ON(cond)        \
    do {                    \
        if (unlikely(cond)) \
            BUG();          \
    } while (0)
#define WARN_ON(cond)          \
    ({                         \
        bool warn_ = !!(cond); \
        if (unlikely(warn_))   \
            WARN();            \
        warn_;                 \
    })
#define ASSERT(cond) BUG_ON(!(cond))

static inline unsigned long bug_loc(const struct bug_frame *b)
{
    return (unsigned long)&b->loc + (long)b->loc;
}

static inline const char *bug_file(const struct bug_frame *b)
{
    return (const char *)((unsigned long)&b->file + (long)b->file);
}

/* The frame for a trap at @addr: the hypervisor's, then payloads'; or NULL. */
const struct bug_frame *find_bug_frame(unsigned long addr);

#endif /* HV_BUG_H */
