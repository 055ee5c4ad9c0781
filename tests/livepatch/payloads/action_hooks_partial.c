/* SPDX-License-Identifier: MIT */
/*
 * An apply hook that patches the first of two functions and then fails.
 * All or nothing: the hypervisor must undo the first, so neither the extra
 * version nor the major version changes.
 */
#include "payload.h"

static const char *partial_world(void)
{
    return "half applied";
}

static unsigned int partial_major(void)
{
    return 99;
}

static int apply_one_then_fail(struct livepatch_hook_view *p)
{
    livepatch_patch_func(p, 0);
    return -EIO;
}

LIVEPATCH_FUNC(xen_extra_version, partial_world);
LIVEPATCH_FUNC(xen_major_version, partial_major);
LIVEPATCH_APPLY_HOOK(apply_one_then_fail);
