/* SPDX-License-Identifier: MIT */
/* x86_64 bug frames: a ud2 and an entry in .bug_frames (see hv/bug.h). */
#ifndef ARCH_BUG_H
#define ARCH_BUG_H

#define ARCH_BUG_INSN_SIZE 2

#define ARCH_BUG_FRAME(kind)                               \
    __asm__ volatile("1: ud2\n\t"                          \
                     ".pushsection .bug_frames, \"a\"\n\t" \
                     ".balign 4\n\t"                       \
                     ".long 1b - ., %c0 - .\n\t"           \
                     ".long %c1, %c2\n\t"                  \
                     ".popsection" ::"i"(__FILE__),        \
                     "i"(__LINE__), "i"(kind))

#endif /* ARCH_BUG_H */
