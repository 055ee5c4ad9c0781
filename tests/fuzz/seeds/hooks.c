/* SPDX-License-Identifier: MIT */
/*
 * Seed: a NOP entry on the fake text's SEED_OLD_NOP with load, unload,
 * pre-apply and post-apply hooks (pointers relocated into .text).
 */
#include <hv/livepatch_payload.h>

static int loads;

static void on_load(void)
{
    loads++;
}

static void on_unload(void)
{
    loads--;
}

static int pre_apply(struct livepatch_hook_view *p)
{
    return p->nfuncs == 1 ? 0 : -1;
}

static void post_apply(struct livepatch_hook_view *p)
{
    loads += p->rc;
}

LIVEPATCH_LOAD_HOOK(on_load);
LIVEPATCH_UNLOAD_HOOK(on_unload);
LIVEPATCH_PREAPPLY_HOOK(pre_apply);
LIVEPATCH_POSTAPPLY_HOOK(post_apply);

static const char name[] = "seed_nop_func";
static const struct livepatch_func func LIVEPATCH_FUNCS_SECTION = {
    .name = name,
    .new_addr = NULL,
    .old_addr = (void *)SEED_OLD_NOP,
    .new_size = 5,
    .old_size = SEED_OLD_SIZE,
    .version = LIVEPATCH_PAYLOAD_VERSION,
};
