/* SPDX-License-Identifier: MIT */
/*
 * What a live-patch payload's own source sees: the .livepatch.funcs entry
 * (Xen's payload ABI version 2) and the hook sections.
 *
 * struct livepatch_func mirrors <xen/sysctl.h>'s struct of the same name
 * (visible there only to the hypervisor, under __XEN__); a host unit test
 * compiles both and compares every offset.
 */
#ifndef HV_LIVEPATCH_PAYLOAD_H
#define HV_LIVEPATCH_PAYLOAD_H

#include <hv/types.h>

#define LIVEPATCH_PAYLOAD_VERSION 2
#define LIVEPATCH_OPAQUE_SIZE 31

struct livepatch_expectation {
    uint8_t enabled : 1;
    uint8_t len : 5; /* bytes of data[] to compare */
    uint8_t rsv : 2; /* must be zero */
    uint8_t data[LIVEPATCH_OPAQUE_SIZE];
};

struct livepatch_func {
    const char *name; /* function to patch, resolved if old_addr is 0 */
    void *new_addr;   /* replacement; NULL: fill new_size bytes with NOPs */
    void *old_addr;
    uint32_t new_size;
    uint32_t old_size;
    uint8_t version; /* LIVEPATCH_PAYLOAD_VERSION */
    uint8_t _pad[39];
    struct livepatch_expectation expect;
};

_Static_assert(sizeof(struct livepatch_expectation) == 32, "livepatch_expectation");
_Static_assert(sizeof(struct livepatch_func) == (sizeof(void *) == 8 ? 104 : 92),
               "livepatch_func: 104 bytes on 64-bit, 92 on 32-bit");
_Static_assert(offsetof(struct livepatch_func, version) == 3 * sizeof(void *) + 8,
               "livepatch_func.version");
_Static_assert(offsetof(struct livepatch_func, expect) == 3 * sizeof(void *) + 48,
               "livepatch_func.expect");

/*
 * For each struct livepatch_func a payload defines.  The explicit alignment
 * matters: at -O2 GCC aligns objects of 32 bytes or more to 32, which would
 * put padding between entries and break the array.
 */
#define LIVEPATCH_FUNCS_SECTION \
    __attribute__((used, section(".livepatch.funcs"), aligned(sizeof(void *))))

/* Per-function state kept by the hypervisor (never in the payload). */
enum livepatch_func_state { LIVEPATCH_FUNC_NOT_APPLIED, LIVEPATCH_FUNC_APPLIED };

/* What hooks see of their payload. */
struct livepatch_hook_view {
    const char *name;
    unsigned int nfuncs;
    const struct livepatch_func *funcs;
    enum livepatch_func_state *func_state;
    int rc; /* result of the action, for post-hooks */
};

typedef void (*livepatch_loadcall_t)(void);
typedef void (*livepatch_unloadcall_t)(void);
typedef int (*livepatch_precall_t)(struct livepatch_hook_view *p);
typedef int (*livepatch_actioncall_t)(struct livepatch_hook_view *p);
typedef void (*livepatch_postcall_t)(struct livepatch_hook_view *p);

/* For apply/revert action hooks, which do the patching themselves. */
int livepatch_patch_func(struct livepatch_hook_view *p, unsigned int i);
int livepatch_unpatch_func(struct livepatch_hook_view *p, unsigned int i);

#define LP_HOOK_(sec, type, fn) \
    static const type __attribute__((used, section(sec))) lp_hook_##fn = fn

/* Run (as a group, in order) inside the quiesced window around apply/revert. */
#define LIVEPATCH_LOAD_HOOK(fn) LP_HOOK_(".livepatch.hooks.load", livepatch_loadcall_t, fn)
#define LIVEPATCH_UNLOAD_HOOK(fn) LP_HOOK_(".livepatch.hooks.unload", livepatch_unloadcall_t, fn)
/* At most one each; pre-hooks may veto by returning non-zero. */
#define LIVEPATCH_PREAPPLY_HOOK(fn) LP_HOOK_(".livepatch.hooks.preapply", livepatch_precall_t, fn)
#define LIVEPATCH_APPLY_HOOK(fn) LP_HOOK_(".livepatch.hooks.apply", livepatch_actioncall_t, fn)
#define LIVEPATCH_POSTAPPLY_HOOK(fn) \
    LP_HOOK_(".livepatch.hooks.postapply", livepatch_postcall_t, fn)
#define LIVEPATCH_PREREVERT_HOOK(fn) LP_HOOK_(".livepatch.hooks.prerevert", livepatch_precall_t, fn)
#define LIVEPATCH_REVERT_HOOK(fn) LP_HOOK_(".livepatch.hooks.revert", livepatch_actioncall_t, fn)
#define LIVEPATCH_POSTREVERT_HOOK(fn) \
    LP_HOOK_(".livepatch.hooks.postrevert", livepatch_postcall_t, fn)

#endif /* HV_LIVEPATCH_PAYLOAD_H */
