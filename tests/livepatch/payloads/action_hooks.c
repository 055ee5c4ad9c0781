/* SPDX-License-Identifier: MIT */
/* Apply and revert hooks that do the patching themselves, function by function. */
#include "payload.h"

static const char *action_world(void)
{
    return "Action hooks";
}

static int apply_all(struct livepatch_hook_view *p)
{
    for (unsigned int i = 0; i < p->nfuncs; i++) {
        int rc = livepatch_patch_func(p, i);

        if (rc)
            return rc;
    }
    return 0;
}

static int revert_all(struct livepatch_hook_view *p)
{
    for (unsigned int i = 0; i < p->nfuncs; i++) {
        int rc = livepatch_unpatch_func(p, i);

        if (rc)
            return rc;
    }
    return 0;
}

LIVEPATCH_FUNC(xen_extra_version, action_world);
LIVEPATCH_APPLY_HOOK(apply_all);
LIVEPATCH_REVERT_HOOK(revert_all);
