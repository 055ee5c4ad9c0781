/* SPDX-License-Identifier: MIT */
/*
 * The layout of our struct livepatch_func (hv/livepatch_payload.h), for
 * test_lp_abi.c, which cannot see it next to Xen's one of the same name.
 */
#include <stddef.h>
#include <string.h>

#include <hv/livepatch_payload.h>

#include "lp_abi.h"

void lp_abi_ours(struct lp_func_layout *out)
{
    struct livepatch_func f;

    memset(&f, 0, sizeof(f));
    f.expect.enabled = 1;
    f.expect.len = 9;
    *out = (struct lp_func_layout){
        sizeof(struct livepatch_func),
        offsetof(struct livepatch_func, name),
        offsetof(struct livepatch_func, new_addr),
        offsetof(struct livepatch_func, old_addr),
        offsetof(struct livepatch_func, new_size),
        offsetof(struct livepatch_func, old_size),
        offsetof(struct livepatch_func, version),
        offsetof(struct livepatch_func, expect),
        sizeof(f.expect),
        ((const unsigned char *)&f.expect)[0],
    };
}
