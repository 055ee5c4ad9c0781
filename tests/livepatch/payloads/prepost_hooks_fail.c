/* SPDX-License-Identifier: MIT */
/* A pre-apply hook that always refuses: the payload can never be applied. */
#include "payload.h"

static const char *never_world(void)
{
    return "never applied";
}

static int refuse(struct livepatch_hook_view *p)
{
    return -EINVAL;
}

LIVEPATCH_FUNC(xen_extra_version, never_world);
LIVEPATCH_PREAPPLY_HOOK(refuse);
