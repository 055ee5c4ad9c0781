/* SPDX-License-Identifier: MIT */
/*
 * The payload registry and the state machine.
 *
 * Locking: payload_lock protects the payload list, the applied stack, each
 * payload's state and rc, and the pending action.  It is taken in
 * hypercall context (already serialised by the sysctl lock) and by the CPU
 * doing an action inside the rendezvous window, where every other CPU is
 * held at a safe point and so holds no lock.
 *
 * States: CHECKED after upload; APPLY and REPLACE make it APPLIED; REVERT
 * makes it CHECKED again; UNLOAD frees a CHECKED payload.  As in Xen, asking
 * for the state a payload is already in changes nothing and returns 0.
 */
#include "private.h"
#include <hv/console.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/livepatch.h>
#include <hv/mm.h>
#include <hv/spinlock.h>

spinlock_t lp_payload_lock = SPIN_LOCK_UNLOCKED;
struct list_head lp_payloads = LIST_HEAD_INIT(lp_payloads);
struct list_head lp_applied = LIST_HEAD_INIT(lp_applied);
static unsigned int payload_count;
static uint32_t list_version = 1;

struct payload *lp_find(const char *name)
{
    struct payload *p;

    list_for_each_entry(p, &lp_payloads, list) if (!strcmp(p->name, name)) return p;
    return NULL;
}

struct payload *lp_top_applied(void)
{
    return list_empty(&lp_applied) ? NULL : list_entry(lp_applied.prev, struct payload, applied);
}

int lp_upload(const char *name, const void *image, size_t size)
{
    struct payload *p;
    int rc;

    spin_lock(&lp_payload_lock);
    rc = lp_find(name) ? lp_refuse(-EEXIST, name, "a payload with this name is loaded") : 0;
    if (!rc)
        rc = lp_load(image, size, name, &p);
    if (!rc) {
        list_add_tail(&p->list, &lp_payloads);
        payload_count++;
        list_version++;
        printk(XENLOG_INFO "livepatch: %s: loaded, %u functions, %zu bytes of code\n", name,
               p->nfuncs, p->mem.text_size);
    }
    spin_unlock(&lp_payload_lock);
    return rc;
}

int lp_get(const char *name, struct xen_livepatch_status *status)
{
    const struct payload *p;

    spin_lock(&lp_payload_lock);
    p = lp_find(name);
    if (p) {
        status->state = p->state;
        status->rc = p->rc;
    }
    spin_unlock(&lp_payload_lock);
    return p ? 0 : -ENOENT;
}

static int unload(struct payload *p)
{
    if (p->state != LIVEPATCH_STATE_CHECKED)
        return lp_refuse(-EINVAL, p->name, "is applied: revert it before unloading");
    list_del(&p->list);
    payload_count--;
    list_version++;
    printk(XENLOG_INFO "livepatch: %s: unloaded\n", p->name);
    lp_payload_free(p);
    return 0;
}

static void hex(char *out, const uint8_t *id, unsigned int n)
{
    out[0] = '\0';
    for (unsigned int i = 0; i < n && i < LP_BUILD_ID_MAX; i++)
        snprintf(out + 2 * i, 3, "%02x", id[i]);
}

/* .livepatch.depends must name what the payload goes on top of. */
static int check_depends(const struct payload *p, bool on_hypervisor_only)
{
    const struct payload *top = on_hypervisor_only ? NULL : lp_top_applied();
    char want[2 * LP_BUILD_ID_MAX + 1], have[2 * LP_BUILD_ID_MAX + 1];
    const uint8_t *id;
    unsigned int len;

    if (top) {
        id = top->id;
        len = top->id_len;
    } else if (!lp_port_hv_build_id(&id, &len)) {
        return lp_refuse(-ENODATA, p->name, "this hypervisor has no build-id");
    }
    if (p->dep_len == len && !memcmp(p->dep, id, len))
        return 0;
    hex(want, p->dep, p->dep_len);
    hex(have, id, len);
    return lp_refuse(-EINVAL, p->name, "depends on build-id %s but the top is %s %s", want,
                     top ? top->name : "the hypervisor", have);
}

static bool has_vetoing_hooks(const struct payload *p)
{
    return p->preapply || p->postapply || p->prerevert || p->postrevert;
}

/* Runs a pre-hook; a veto becomes the payload's rc and the answer. */
static int pre_hook(struct payload *p, livepatch_precall_t hook, const char *what)
{
    int rc = hook ? hook(&p->view) : 0;

    if (rc) {
        p->rc = rc;
        lp_refuse(rc, p->name, "%s hook refused", what);
    }
    return rc;
}

static int validate_apply(struct payload *p, uint32_t flags)
{
    int rc;

    if (p->reverted && !p->safe_to_reapply) {
        p->rc = lp_refuse(-EINVAL, p->name,
                          "has writable data: unload and upload it again to re-apply");
        return 1; /* answered through rc, as Xen does */
    }
    if (!(flags & LIVEPATCH_ACTION_APPLY_NODEPS)) {
        rc = check_depends(p, false);
        if (rc)
            return rc;
    }
    rc = lp_check_expectations(p);
    return rc ? rc : pre_hook(p, p->preapply, "pre-apply");
}

static int validate_replace(const struct payload *p)
{
    const struct payload *q;
    int rc = check_depends(p, true);

    if (rc)
        return rc;
    if (has_vetoing_hooks(p))
        return lp_refuse(-EOPNOTSUPP, p->name, "has pre/post hooks: cannot replace");
    list_for_each_entry(q, &lp_applied, applied) if (has_vetoing_hooks(q)) return lp_refuse(
        -EOPNOTSUPP, p->name, "%s has pre/post hooks: cannot replace", q->name);
    return 0;
}

static int validate_revert(struct payload *p)
{
    const struct payload *top = lp_top_applied();

    if (top != p)
        return lp_refuse(-EBUSY, p->name, "cannot revert: %s is applied on top of it", top->name);
    return pre_hook(p, p->prerevert, "pre-revert");
}

/* Checks an action in hypercall context; 0 means "schedule it". */
static int validate_action(struct payload *p, uint32_t cmd, uint32_t flags, bool *noop)
{
    *noop = false;
    switch (cmd) {
    case LIVEPATCH_ACTION_APPLY:
    case LIVEPATCH_ACTION_REPLACE:
        if (p->state == LIVEPATCH_STATE_APPLIED) {
            *noop = true;
            return 0;
        }
        return cmd == LIVEPATCH_ACTION_APPLY ? validate_apply(p, flags) : validate_replace(p);
    case LIVEPATCH_ACTION_REVERT:
        if (p->state == LIVEPATCH_STATE_CHECKED) {
            *noop = true;
            return 0;
        }
        return validate_revert(p);
    default:
        return -EOPNOTSUPP;
    }
}

int lp_action(const char *name, uint32_t cmd, uint32_t timeout_ns, uint32_t flags)
{
    struct payload *p;
    bool noop;
    int rc;

    if (flags & ~LIVEPATCH_ACTION_APPLY_NODEPS)
        return -EINVAL;
    spin_lock(&lp_payload_lock);
    p = lp_find(name);
    if (!p)
        rc = -ENOENT;
    else if (lp_action_pending())
        rc = lp_refuse(-EBUSY, name, "another live-patch action is in progress");
    else if (cmd == LIVEPATCH_ACTION_UNLOAD)
        rc = unload(p);
    else {
        rc = validate_action(p, cmd, flags, &noop);
        if (rc == 1) /* refused through the payload's rc */
            rc = 0;
        else if (!rc && !noop) {
            p->rc = -EAGAIN;
            lp_schedule_action(p, cmd, timeout_ns ? timeout_ns : LIVEPATCH_DEFAULT_TIMEOUT_NS);
        }
    }
    spin_unlock(&lp_payload_lock);
    return rc;
}

/* Copies LIST entries out; see livepatch_op() for the calling convention. */
int lp_list(struct xen_sysctl_livepatch_list *l, lp_list_out_fn out, void *ctx)
{
    uint32_t idx = 0, copied = 0, name_off = 0, meta_off = 0;
    const struct payload *p;
    int rc = 0;

    spin_lock(&lp_payload_lock);
    l->version = list_version;
    if (!l->nr) { /* probe: count and the sizes needed */
        list_for_each_entry(p, &lp_payloads, list)
        {
            name_off += (uint32_t)strlen(p->name) + 1;
            meta_off += p->metadata_len;
        }
        l->nr = payload_count;
        l->name_total_size = name_off;
        l->metadata_total_size = meta_off;
        spin_unlock(&lp_payload_lock);
        return 0;
    }
    if (payload_count && l->idx >= payload_count) {
        spin_unlock(&lp_payload_lock);
        return -EINVAL;
    }
    list_for_each_entry(p, &lp_payloads, list)
    {
        if (idx++ < l->idx)
            continue;
        if (copied == l->nr)
            break;
        rc = out(ctx, copied, p->name, p->state, p->rc, p->metadata, p->metadata_len, name_off,
                 meta_off);
        if (rc)
            break;
        name_off += (uint32_t)strlen(p->name) + 1;
        meta_off += p->metadata_len;
        copied++;
    }
    l->nr = payload_count - (l->idx + copied);
    l->name_total_size = name_off;
    l->metadata_total_size = meta_off;
    spin_unlock(&lp_payload_lock);
    return rc ? rc : (int)copied;
}
