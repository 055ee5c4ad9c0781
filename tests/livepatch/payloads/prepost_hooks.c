/* SPDX-License-Identifier: MIT */
/*
 * Vetoing hooks around apply and revert.  The first pre-revert call refuses
 * (-EBUSY), the second agrees.  The new extra version shows the call
 * counts: "H<preapply><postapply><prerevert><postrevert>".
 */
#include "payload.h"

static int pre_apply_calls, post_apply_calls, pre_revert_calls, post_revert_calls;
static char shown[16];

static const char *hooks_world(void)
{
    snprintf(shown, sizeof(shown), "H%d%d%d%d", pre_apply_calls, post_apply_calls, pre_revert_calls,
             post_revert_calls);
    return shown;
}

static int pre_apply(struct livepatch_hook_view *p)
{
    pre_apply_calls++;
    return 0;
}

static void post_apply(struct livepatch_hook_view *p)
{
    post_apply_calls += p->rc == 0;
}

static int pre_revert(struct livepatch_hook_view *p)
{
    return ++pre_revert_calls == 1 ? -EBUSY : 0;
}

static void post_revert(struct livepatch_hook_view *p)
{
    post_revert_calls += p->rc == 0;
}

LIVEPATCH_FUNC(xen_extra_version, hooks_world);
LIVEPATCH_PREAPPLY_HOOK(pre_apply);
LIVEPATCH_POSTAPPLY_HOOK(post_apply);
LIVEPATCH_PREREVERT_HOOK(pre_revert);
LIVEPATCH_POSTREVERT_HOOK(post_revert);
