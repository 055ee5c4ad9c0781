/* SPDX-License-Identifier: MIT */
/*
 * Seed: two entries, a jump after the ENDBR64 of SEED_OLD_ENDBR (with an
 * expectation of those bytes) and a NOP run, plus a hypervisor symbol
 * (fake_data) referenced from data.
 */
#include <hv/livepatch_payload.h>

extern const char fake_data[];
const char *seed_hv_ref = fake_data; /* not const: read, not folded */
unsigned long seed_endbr_new(void);

unsigned long seed_endbr_new(void)
{
    return (unsigned long)seed_hv_ref + 1;
}

static const char name_jump[] = "seed_endbr_func";
static const char name_nop[] = "seed_nop_func";
static const struct livepatch_func funcs[] LIVEPATCH_FUNCS_SECTION = {
    {
        .name = name_jump,
        .new_addr = (void *)seed_endbr_new,
        .old_addr = (void *)SEED_OLD_ENDBR,
        .new_size = 8,
        .old_size = SEED_OLD_SIZE,
        .version = LIVEPATCH_PAYLOAD_VERSION,
        .expect = { .enabled = 1, .len = 4, .data = { 0xf3, 0x0f, 0x1e, 0xfa } },
    },
    {
        .name = name_nop,
        .old_addr = (void *)SEED_OLD_NOP,
        .new_size = 9,
        .old_size = SEED_OLD_SIZE,
        .version = LIVEPATCH_PAYLOAD_VERSION,
    },
};
