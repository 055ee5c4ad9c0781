/* SPDX-License-Identifier: MIT */
/* Declarations shared by the live-patching files only. */
#ifndef LIVEPATCH_PRIVATE_H
#define LIVEPATCH_PRIVATE_H

#include <hv/types.h>
#include <hv/bug.h>
#include <hv/extable.h>
#include <hv/list.h>
#include <hv/livepatch_arch.h>
#include <hv/livepatch_elf.h>
#include <hv/livepatch_payload.h>
#include <hv/livepatch_port.h>
#include <public/sysctl.h>

#define LP_BUILD_ID_MAX 64

/* A symbol a payload defines, kept for lookups and backtraces. */
struct lp_symbol {
    const char *name; /* in the payload's own string copy */
    unsigned long value, size;
    bool is_new; /* not an override of a patched function: exported */
};

struct payload {
    char name[XEN_LIVEPATCH_NAME_SIZE];
    uint32_t state; /* LIVEPATCH_STATE_* */
    int32_t rc;     /* result of the last action; -EAGAIN while one is pending */
    bool reverted;  /* has been applied and reverted since upload */
    bool safe_to_reapply;
    struct list_head list;    /* all payloads, in upload order */
    struct list_head applied; /* on the applied stack while APPLIED */

    struct lp_mem mem;
    struct livepatch_func *funcs; /* in payload memory */
    unsigned int nfuncs;
    enum livepatch_func_state *func_state;
    struct lp_patch_site *sites;

    struct lp_symbol *syms;
    unsigned int nsyms;
    char *strings; /* names of syms */

    uint8_t id[LP_BUILD_ID_MAX], dep[LP_BUILD_ID_MAX];
    unsigned int id_len, dep_len;

    livepatch_loadcall_t *load_funcs, *unload_funcs;
    unsigned int n_load_funcs, n_unload_funcs;
    livepatch_precall_t preapply, prerevert;
    livepatch_actioncall_t apply_action, revert_action;
    livepatch_postcall_t postapply, postrevert;

    char *metadata; /* copy of .modinfo: "key=value\0..." */
    uint32_t metadata_len;

    const struct extable_entry *extable, *extable_end; /* as the hypervisor's */
    const struct bug_frame *bugs, *bugs_end;

    struct livepatch_hook_view view;
};

/* --- Loading (load.c and the steps it calls) --------------------------- */

/*
 * signature.c: checks the image's signature before anything else looks at
 * it.  0 if it verified, or if livepatch_sig=log (then a failure has been
 * logged); otherwise the refusal has been logged: -EACCES unsigned,
 * -ENXIO unknown key, -EBADMSG bad signature, -ENOMEM.
 */
int lp_check_signature(const void *image, size_t size, const char *who);

/* sig_note.c: where the signature is, found without trusting the image. */
enum lp_sig_find {
    LP_SIG_FOUND,
    LP_SIG_ABSENT,    /* no readable section table, or no signature section */
    LP_SIG_MALFORMED, /* a signature section that is not one well-formed note */
};
struct lp_sig_note {
    uint32_t type;             /* the note's type (public/livepatch-sig.h) */
    size_t desc_off, desc_len; /* the signature's place in the image */
    const char *why;           /* unless found: what was wrong, for the log */
};
enum lp_sig_find lp_sig_find_note(const void *image, size_t size, uint8_t elf_class,
                                  struct lp_sig_note *note);

/* Checks and loads an uploaded image into a new CHECKED payload. */
int lp_load(const void *image, size_t size, const char *name, struct payload **out);
void lp_payload_free(struct payload *p);

/* layout.c: places the allocated sections in fresh payload memory. */
int lp_layout(struct lp_elf *elf, struct lp_mem *mem, const char *who);
/* resolve.c: gives every symbol its run-time value. */
int lp_resolve_symbols(struct lp_elf *elf, const char *who);
/* relocate.c: applies every relocation section to placed sections. */
int lp_relocate(struct lp_elf *elf, const char *who);
/* sections.c: the target hypervisor's build-id, checked before anything else. */
int lp_check_xen_depends(const struct lp_elf *elf, const char *who);
/* sections.c: build-ids, funcs, hooks, metadata, exception table, bugs. */
int lp_check_special_sections(struct lp_elf *elf, struct payload *p);
/* symbols.c: the payload's own symbols; refuses duplicate new ones. */
int lp_build_symtab(struct lp_elf *elf, struct payload *p);

/* --- The registry and state machine (core.c) ----------------------------- */

struct payload *lp_find(const char *name);
/* The most recently applied payload, or NULL. */
struct payload *lp_top_applied(void);
int lp_upload(const char *name, const void *image, size_t size);
int lp_get(const char *name, struct xen_livepatch_status *status);
/* Checks and schedules an action; the result arrives in the payload's rc. */
int lp_action(const char *name, uint32_t cmd, uint32_t timeout_ns, uint32_t flags);
/* Writes LIST entry @i: name and metadata at the given running offsets. */
typedef int (*lp_list_out_fn)(void *ctx, uint32_t i, const char *name, uint32_t state, int32_t rc,
                              const char *metadata, uint32_t metadata_len, uint32_t name_off,
                              uint32_t metadata_off);
int lp_list(struct xen_sysctl_livepatch_list *l, lp_list_out_fn out, void *ctx);
/* Walks every payload (lookups for backtraces, extables, symbols). */
#define lp_for_each_payload(p) list_for_each_entry(p, &lp_payloads, list)
extern struct list_head lp_payloads, lp_applied;

/* --- Doing actions (apply.c), inside the rendezvous window --------------- */

/* Do the old functions still hold the bytes the payload expects? */
int lp_check_expectations(const struct payload *p);
/* Performs @cmd on @p with every other CPU held; returns the result. */
int lp_do_action(struct payload *p, uint32_t cmd);
/* The post-apply/post-revert hook, after the window, seeing the result. */
void lp_post_action_hooks(struct payload *p, uint32_t cmd, int rc);

/* --- The rendezvous (rendezvous.c) ---------------------------------------- */

bool lp_action_pending(void);
/* Records the action and asks every CPU to meet at its next safe point. */
void lp_schedule_action(struct payload *p, uint32_t cmd, uint64_t timeout_ns);

#endif /* LIVEPATCH_PRIVATE_H */
