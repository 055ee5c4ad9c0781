/* SPDX-License-Identifier: MIT */
/* An apply hook that fails without patching anything: the action fails cleanly. */
#include "payload.h"

static const char *noapply_world(void)
{
    return "noapply applied";
}

static int fail_apply(struct livepatch_hook_view *p)
{
    return -EINVAL;
}

LIVEPATCH_FUNC(xen_extra_version, noapply_world);
LIVEPATCH_APPLY_HOOK(fail_apply);
