/* SPDX-License-Identifier: MIT */
/*
 * A changed function smaller than the trampoline: refused.  Before the
 * patch ts_stub is empty (x86_64: only its ENDBR64, 4 bytes, where a jump
 * needs 4 + 5; arm64: 0 bytes; arm32, naked: 0 bytes; Arm needs 4).
 */
#include "corpus.h"

#ifdef __arm__
#define TS_ATTR __attribute__((naked))
#else
#define TS_ATTR
#endif

TS_ATTR void ts_stub(void);

TS_ATTR void ts_stub(void)
{
    __builtin_unreachable();
}
