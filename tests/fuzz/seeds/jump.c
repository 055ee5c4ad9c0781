/* SPDX-License-Identifier: MIT */
/*
 * Seed: replaces the fake text's function at SEED_OLD_FUNC with one that
 * keeps state in .data and .bss and calls a local helper, with metadata.
 * Only RIP-relative and 64-bit absolute references: payload memory on the
 * fake arch is not in the top 2 GiB that -mcmodel=kernel assumes for
 * 32-bit absolute ones.
 */
#include <hv/livepatch_payload.h>

int seed_jump_new(int x);

static int calls;
static int scale = 3;

static __attribute__((noinline)) int helper(int x)
{
    return x * scale;
}

int seed_jump_new(int x)
{
    calls++;
    return helper(x) + calls;
}

static const char name[] = "seed_old_func";
static const struct livepatch_func func LIVEPATCH_FUNCS_SECTION = {
    .name = name,
    .new_addr = (void *)seed_jump_new,
    .old_addr = (void *)SEED_OLD_FUNC,
    .new_size = 8,
    .old_size = SEED_OLD_SIZE,
    .version = LIVEPATCH_PAYLOAD_VERSION,
};
static const char modinfo[] __attribute__((used, section(".modinfo"))) = "seed=jump\0kind=c";
