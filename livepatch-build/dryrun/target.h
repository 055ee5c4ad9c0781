/* SPDX-License-Identifier: MIT */
/*
 * What the dry run knows of the running hypervisor, read from its
 * xen-syms: the symbols as its embedded table names them, its text (range
 * and bytes, for the checks that read old code) and its build-id.
 */
#ifndef DRYRUN_TARGET_H
#define DRYRUN_TARGET_H

#include <stdbool.h>
#include <stdint.h>

#include "xensyms.h"

struct target {
    struct xensyms syms;
    uint16_t machine;
    uint64_t text_start, text_end; /* _stext, _etext */
    uint8_t *text;                 /* their bytes */
    uint8_t build_id[64];
    unsigned int build_id_len;
};

/* 0, or -1 with a message on stderr. */
int target_load(struct target *t, const char *path);
/* A symbol's address, or 0. */
uint64_t target_symbol(const struct target *t, const char *name);
/* Host bytes of hypervisor text at [addr, addr + len), or NULL. */
const uint8_t *target_text(const struct target *t, uint64_t addr, uint64_t len);

#endif /* DRYRUN_TARGET_H */
