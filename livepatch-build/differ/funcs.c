/* SPDX-License-Identifier: MIT */
/*
 * Entries of struct livepatch_func, with P the pointer size (8 or 4):
 *   0        name        relocation to .livepatch.strings
 *   P        new_addr    relocation to the replacement
 *   2P       old_addr    0: the loader resolves name
 *   3P       new_size    the replacement's size
 *   3P+4     old_size    the old function's size in XEN-SYMS
 *   3P+8     version     2
 *   3P+48    expect      zero: no expectation
 * 104 bytes on 64-bit, 92 on 32-bit ARM.
 */
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "funcs.h"
#include "log.h"
#include "passes.h"

#define LIVEPATCH_PAYLOAD_VERSION 2

static void put32(uint8_t *p, uint64_t v)
{
    uint32_t w = (uint32_t)v;

    memcpy(p, &w, 4);
}

int funcs_build(const struct diff *d, struct funcs_table *t)
{
    const struct arch *arch = d->patched.arch;
    unsigned int p = arch->ptr_size, at = 0;
    char buf[512];

    memset(t, 0, sizeof(*t));
    if (arch->funcs_size != 3 * p + 48 + 32)
        return log_error("internal: struct livepatch_func is %u bytes", arch->funcs_size);
    t->name_field = 0;
    t->new_addr_field = p;
    for (size_t i = 1; i < d->patched.nsyms; i++)
        if (include_is_patched(&d->patched.syms[i])) {
            t->n++;
            t->strings_size +=
                strlen(xensyms_name(d->patched.file, &d->patched.syms[i], buf, sizeof(buf))) + 1;
        }
    t->size = t->n * arch->funcs_size;
    t->data = calloc(1, t->size ? t->size : 1);
    t->strings = malloc(t->strings_size ? t->strings_size : 1);
    t->func = calloc(t->n ? t->n : 1, sizeof(*t->func));
    t->name_off = calloc(t->n ? t->n : 1, sizeof(*t->name_off));
    if (!t->data || !t->strings || !t->func || !t->name_off)
        return log_error("out of memory");
    for (size_t i = 1, k = 0; i < d->patched.nsyms; i++) {
        const struct symbol *s = &d->patched.syms[i];
        const char *name;
        const struct xensym *x;
        uint8_t *e = t->data + k * arch->funcs_size;

        if (!include_is_patched(s))
            continue;
        name = xensyms_name(d->patched.file, s, buf, sizeof(buf));
        x = xensyms_find(&d->xen, name);
        if (!x)
            return log_error("%s: not in XEN-SYMS", name);
        t->func[k] = s;
        t->name_off[k] = at;
        strcpy(t->strings + at, name);
        at += (unsigned int)strlen(name) + 1;
        put32(e + 3 * p, s->size);
        put32(e + 3 * p + 4, x->size);
        e[3 * p + 8] = LIVEPATCH_PAYLOAD_VERSION;
        log_debug("funcs: %s new_size %llu old_size %llu", name, (unsigned long long)s->size,
                  (unsigned long long)x->size);
        k++;
    }
    return 0;
}

void funcs_free(struct funcs_table *t)
{
    free(t->data);
    free(t->strings);
    free(t->func);
    free(t->name_off);
    memset(t, 0, sizeof(*t));
}
