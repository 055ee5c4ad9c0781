/* SPDX-License-Identifier: MIT */
/*
 * Helpers for the test payloads.  Sizes come from the build: OLD_SIZE_<fn>
 * from the hypervisor's xen-syms, NEW_SIZE_<fn> from a first compile of the
 * payload itself (LP_PASS1, where they are not known yet and read 0).
 */
#ifndef TEST_PAYLOAD_H
#define TEST_PAYLOAD_H

#include <hv/console.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/livepatch_payload.h>
#include <hv/version.h>

#ifdef LP_PASS1
#define NEW_SIZE(fn) 0
#else
#define NEW_SIZE(fn) NEW_SIZE_##fn
#endif

/* Replace hypervisor function @old with payload function @new. */
#define LIVEPATCH_FUNC(old, new)                                                 \
    static const char lp_name_##old[] = #old;                                    \
    static const struct livepatch_func lp_func_##old LIVEPATCH_FUNCS_SECTION = { \
        .name = lp_name_##old,                                                   \
        .new_addr = (void *)new,                                                 \
        .old_addr = (void *)old,                                                 \
        .new_size = NEW_SIZE(new),                                               \
        .old_size = OLD_SIZE_##old,                                              \
        .version = LIVEPATCH_PAYLOAD_VERSION,                                    \
    }

/* Metadata returned by LIST: "key=value" strings, each ended by a NUL (the last by the literal's own). */
#define LIVEPATCH_MODINFO(text) \
    static const char lp_modinfo[] __attribute__((used, section(".modinfo"))) = text

#endif /* TEST_PAYLOAD_H */
