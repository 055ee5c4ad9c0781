/* SPDX-License-Identifier: MIT */
/* Bug frames on the fake arch: a call instead of a trap (see hv/bug.h). */
#ifndef ARCH_BUG_H
#define ARCH_BUG_H

#define ARCH_BUG_INSN_SIZE 0

/* Reports like the trap handler would: a warning returns, a bug panics. */
void fake_bug(const char *file, unsigned int line, unsigned int kind);

#define ARCH_BUG_FRAME(kind) fake_bug(__FILE__, __LINE__, (kind))

#endif /* ARCH_BUG_H */
