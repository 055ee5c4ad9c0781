/* SPDX-License-Identifier: MIT */
/* An expectation that cannot hold: APPLY must refuse before writing anything. */
#include "payload.h"

static const char *unexpected_world(void)
{
    return "Unexpected";
}

static const char lp_name[] = "xen_extra_version";
static const struct livepatch_func lp_func LIVEPATCH_FUNCS_SECTION = {
    .name = lp_name,
    .new_addr = (void *)unexpected_world,
    .old_addr = (void *)xen_extra_version,
    .new_size = NEW_SIZE(unexpected_world),
    .old_size = OLD_SIZE_xen_extra_version,
    .version = LIVEPATCH_PAYLOAD_VERSION,
    .expect = { .enabled = 1, .len = 6, .data = { 0xde, 0xad, 0xc0, 0xde, 0xba, 0xbe } },
};
