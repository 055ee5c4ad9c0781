/* SPDX-License-Identifier: MIT */
/*
 * For REPLACE: old_addr is 0, so the hypervisor finds xen_extra_version by
 * name.  "Hello Again World!" is longer than the 16-byte extra version, so
 * guests see "Hello Again Wor".  No writable data: safe to re-apply.
 */
#include "payload.h"

static const char *again_world(void)
{
    return "Hello Again World!";
}

static const char lp_name[] = "xen_extra_version";
static const struct livepatch_func lp_func LIVEPATCH_FUNCS_SECTION = {
    .name = lp_name,
    .new_addr = (void *)again_world,
    .old_addr = NULL,
    .new_size = NEW_SIZE(again_world),
    .old_size = OLD_SIZE_xen_extra_version,
    .version = LIVEPATCH_PAYLOAD_VERSION,
};
LIVEPATCH_MODINFO("name=replace");
