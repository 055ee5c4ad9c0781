/* SPDX-License-Identifier: MIT */
/* An expectation that holds: the first 8 bytes of xen_extra_version, read from xen-syms. */
#include "payload.h"

static const char *expected_world(void)
{
    return "Expected World";
}

static const char lp_name[] = "xen_extra_version";
static const struct livepatch_func lp_func LIVEPATCH_FUNCS_SECTION = {
    .name = lp_name,
    .new_addr = (void *)expected_world,
    .old_addr = (void *)xen_extra_version,
    .new_size = NEW_SIZE(expected_world),
    .old_size = OLD_SIZE_xen_extra_version,
    .version = LIVEPATCH_PAYLOAD_VERSION,
    .expect = { .enabled = 1, .len = 8, .data = { BYTES_xen_extra_version } },
};
