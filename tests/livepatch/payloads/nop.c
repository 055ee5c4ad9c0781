/* SPDX-License-Identifier: MIT */
/*
 * A NOP entry: the five bytes of "mov $17, %eax" after xen_minor_version's
 * ENDBR64 become NOPs, so it returns whatever %eax held.  The expectation
 * makes sure those bytes are what we think before anything is written.
 */
#include "payload.h"

static const char lp_name[] = "xen_minor_version";
static const struct livepatch_func lp_func LIVEPATCH_FUNCS_SECTION = {
    .name = lp_name,
    .new_addr = NULL,
    .old_addr = (void *)xen_minor_version,
    .new_size = 5,
    .old_size = OLD_SIZE_xen_minor_version,
    .version = LIVEPATCH_PAYLOAD_VERSION,
    .expect = { .enabled = 1, .len = 9, .data = { 0xf3, 0x0f, 0x1e, 0xfa, 0xb8, 17, 0, 0, 0 } },
};
LIVEPATCH_MODINFO("name=nop");
