/* SPDX-License-Identifier: MIT */
/*
 * Applying, reverting and replacing payloads.  Everything here except the
 * expectation check and the post hooks runs on one CPU inside the
 * rendezvous window, with every other CPU held at a safe point.
 *
 * All or nothing: an action that fails leaves every function as it was
 * before it started.  A failing apply/revert hook is undone function by
 * function; a REPLACE that fails re-applies what it had reverted.
 */
#include "private.h"
#include <hv/console.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/livepatch_arch.h>

static struct payload *payload_of(struct livepatch_hook_view *v)
{
    return container_of(v, struct payload, view);
}

int livepatch_patch_func(struct livepatch_hook_view *v, unsigned int i)
{
    struct payload *p = payload_of(v);

    if (i >= p->nfuncs || p->func_state[i] == LIVEPATCH_FUNC_APPLIED)
        return -EINVAL;
    arch_livepatch_apply(&p->funcs[i], &p->sites[i]);
    p->func_state[i] = LIVEPATCH_FUNC_APPLIED;
    return 0;
}

int livepatch_unpatch_func(struct livepatch_hook_view *v, unsigned int i)
{
    struct payload *p = payload_of(v);

    if (i >= p->nfuncs || p->func_state[i] != LIVEPATCH_FUNC_APPLIED)
        return -EINVAL;
    arch_livepatch_revert(&p->funcs[i], &p->sites[i]);
    p->func_state[i] = LIVEPATCH_FUNC_NOT_APPLIED;
    return 0;
}

static int expectation_ok(const struct payload *p, const struct livepatch_func *f)
{
    const struct livepatch_expectation *e = &f->expect;
    char want[3 * LIVEPATCH_OPAQUE_SIZE + 1], have[3 * LIVEPATCH_OPAQUE_SIZE + 1];

    if (!e->enabled)
        return 0;
    if (e->rsv)
        return lp_refuse(-EINVAL, p->name, "%s: reserved expectation bits set", f->name);
    if (f->old_size < e->len)
        return lp_refuse(-ERANGE, p->name, "%s: expectation longer than the function", f->name);
    if (!memcmp(f->old_addr, e->data, e->len))
        return 0;
    for (unsigned int i = 0; i < e->len; i++) {
        snprintf(want + 3 * i, 4, "%02x ", e->data[i]);
        snprintf(have + 3 * i, 4, "%02x ", ((const uint8_t *)f->old_addr)[i]);
    }
    return lp_refuse(-EINVAL, p->name, "%s: expected bytes %sbut found %s", f->name, want, have);
}

int lp_check_expectations(const struct payload *p)
{
    for (unsigned int i = 0; i < p->nfuncs; i++) {
        int rc = expectation_ok(p, &p->funcs[i]);

        if (rc)
            return rc;
    }
    return 0;
}

/* Puts every function of @p into state @want, whatever a hook left. */
static void force_state(struct payload *p, enum livepatch_func_state want)
{
    arch_livepatch_quiesce();
    for (unsigned int i = 0; i < p->nfuncs; i++) {
        if (p->func_state[i] == want)
            continue;
        if (want == LIVEPATCH_FUNC_APPLIED)
            livepatch_patch_func(&p->view, i);
        else
            livepatch_unpatch_func(&p->view, i);
    }
    arch_livepatch_revive();
}

static int apply_payload(struct payload *p)
{
    int rc = 0;

    if (p->apply_action) {
        arch_livepatch_quiesce();
        rc = p->apply_action(&p->view);
        arch_livepatch_revive();
        if (rc) {
            force_state(p, LIVEPATCH_FUNC_NOT_APPLIED);
            return lp_refuse(rc, p->name, "apply hook failed; nothing is patched");
        }
        force_state(p, LIVEPATCH_FUNC_APPLIED); /* a hook that forgot some */
    } else {
        arch_livepatch_quiesce();
        for (unsigned int i = 0; i < p->n_load_funcs; i++)
            p->load_funcs[i]();
        for (unsigned int i = 0; i < p->nfuncs; i++)
            livepatch_patch_func(&p->view, i);
        arch_livepatch_revive();
    }
    p->state = LIVEPATCH_STATE_APPLIED;
    list_add_tail(&p->applied, &lp_applied);
    return 0;
}

static int revert_payload(struct payload *p)
{
    int rc = 0;

    if (p->revert_action) {
        arch_livepatch_quiesce();
        rc = p->revert_action(&p->view);
        arch_livepatch_revive();
        if (rc) {
            force_state(p, LIVEPATCH_FUNC_APPLIED);
            return lp_refuse(rc, p->name, "revert hook failed; still applied");
        }
        force_state(p, LIVEPATCH_FUNC_NOT_APPLIED);
    } else {
        arch_livepatch_quiesce();
        for (unsigned int i = p->nfuncs; i-- > 0;)
            livepatch_unpatch_func(&p->view, i);
        for (unsigned int i = 0; i < p->n_unload_funcs; i++)
            p->unload_funcs[i]();
        arch_livepatch_revive();
    }
    p->state = LIVEPATCH_STATE_CHECKED;
    p->reverted = true;
    list_del(&p->applied);
    return 0;
}

/* Reverts everything applied, newest first, then applies @p; undoes on failure. */
static int replace_with(struct payload *p)
{
    struct payload *undone[64];
    unsigned int n = 0;
    int rc = 0;

    while (!rc && !list_empty(&lp_applied)) {
        struct payload *top = lp_top_applied();

        if (n == ARRAY_SIZE(undone))
            rc = lp_refuse(-E2BIG, p->name, "too many payloads to replace");
        else if (!(rc = revert_payload(top)))
            undone[n++] = top;
    }
    if (!rc)
        rc = lp_check_expectations(p);
    if (!rc)
        rc = apply_payload(p);
    if (rc) {
        while (n--) { /* put the stack back as it was */
            undone[n]->reverted = false;
            apply_payload(undone[n]);
        }
    }
    return rc;
}

int lp_do_action(struct payload *p, uint32_t cmd)
{
    int rc;

    switch (cmd) {
    case LIVEPATCH_ACTION_APPLY:
        rc = lp_check_expectations(p);
        return rc ? rc : apply_payload(p);
    case LIVEPATCH_ACTION_REVERT:
        return revert_payload(p);
    case LIVEPATCH_ACTION_REPLACE:
        return replace_with(p);
    default:
        return -EOPNOTSUPP;
    }
}

void lp_post_action_hooks(struct payload *p, uint32_t cmd, int rc)
{
    livepatch_postcall_t hook = cmd == LIVEPATCH_ACTION_REVERT ? p->postrevert : p->postapply;

    p->view.rc = rc;
    if (hook)
        hook(&p->view);
}
