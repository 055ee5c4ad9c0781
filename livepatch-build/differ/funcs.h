/* SPDX-License-Identifier: MIT */
/*
 * .livepatch.funcs: one struct livepatch_func (payload version 2,
 * hypervisor/include/hv/livepatch_payload.h; Xen's <xen/sysctl.h>) per
 * patched function, and .livepatch.strings for their names.
 */
#ifndef DIFFER_FUNCS_H
#define DIFFER_FUNCS_H

#include <stddef.h>
#include <stdint.h>

struct diff;
struct symbol;

struct funcs_table {
    uint8_t *data; /* the entries; name and new_addr are filled by relocations */
    size_t size;
    char *strings;
    size_t strings_size;
    const struct symbol **func; /* the replacement of entry i */
    size_t *name_off;           /* its name's offset in strings */
    size_t n;
    unsigned int name_field, new_addr_field; /* offsets in an entry */
};

int funcs_build(const struct diff *d, struct funcs_table *t);
void funcs_free(struct funcs_table *t);

#endif /* DIFFER_FUNCS_H */
