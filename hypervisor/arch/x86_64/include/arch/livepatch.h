/* SPDX-License-Identifier: MIT */
/* x86_64 live-patch instruction building (livepatch_insn.c). */
#ifndef ARCH_LIVEPATCH_H
#define ARCH_LIVEPATCH_H

#include <hv/livepatch_payload.h>

/* Writes into @buf the bytes that patch @f at address @at; returns how many. */
unsigned int x86_livepatch_insn(const struct livepatch_func *f, unsigned long at, uint8_t *buf);

#endif /* ARCH_LIVEPATCH_H */
