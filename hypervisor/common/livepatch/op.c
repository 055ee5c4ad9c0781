/* SPDX-License-Identifier: MIT */
/*
 * XEN_SYSCTL_livepatch_op: decoding the four sub-operations with Xen 4.17's
 * structures and error values.  Names are 1..128 bytes including the NUL,
 * with zero padding; images at most 2 MiB.
 */
#include "private.h"
#include <hv/errno.h>
#include <hv/guest_access.h>
#include <hv/lib.h>
#include <hv/livepatch.h>
#include <hv/mm.h>

/* <xen/sysctl.h> layouts this file relies on. */
_Static_assert(sizeof(struct xen_livepatch_name) == 16, "xen_livepatch_name");
_Static_assert(sizeof(struct xen_sysctl_livepatch_upload) == 32, "livepatch_upload");
_Static_assert(sizeof(struct xen_livepatch_status) == 8, "xen_livepatch_status");
_Static_assert(sizeof(struct xen_sysctl_livepatch_get) == 24, "livepatch_get");
_Static_assert(sizeof(struct xen_sysctl_livepatch_list) == 64, "livepatch_list");
_Static_assert(sizeof(struct xen_sysctl_livepatch_action) == 32, "livepatch_action");
_Static_assert(sizeof(struct xen_sysctl_livepatch_op) == 72, "livepatch_op");
_Static_assert(offsetof(struct xen_sysctl_livepatch_list, status) == 24, "list.status");
_Static_assert(offsetof(struct xen_sysctl_livepatch_action, timeout) == 20, "action.timeout");

static int get_name(const struct xen_livepatch_name *n, char out[XEN_LIVEPATCH_NAME_SIZE])
{
    if (!n->size || n->size > XEN_LIVEPATCH_NAME_SIZE || n->pad[0] || n->pad[1] || n->pad[2])
        return -EINVAL;
    if (copy_from_guest(out, guest_handle_ptr(n->name), n->size))
        return -EFAULT;
    if (out[n->size - 1] != '\0')
        return -EINVAL;
    return 0;
}

static long op_upload(struct xen_sysctl_livepatch_upload *u)
{
    char name[XEN_LIVEPATCH_NAME_SIZE];
    void *image;
    long rc;

    if (get_name(&u->name, name))
        return -EINVAL; /* Xen reports every name problem here as EINVAL */
    if (!u->size || u->size > LIVEPATCH_MAX_SIZE)
        return -EINVAL;
    image = xmalloc_bytes((size_t)u->size);
    if (!image)
        return -ENOMEM;
    rc = copy_from_guest(image, guest_handle_ptr(u->payload), (size_t)u->size);
    if (!rc)
        rc = lp_upload(name, image, (size_t)u->size);
    xfree(image);
    return rc;
}

struct list_ctx {
    const struct xen_sysctl_livepatch_list *l;
};

static int list_out(void *ctx, uint32_t i, const char *name, uint32_t state, int32_t rc,
                    const char *metadata, uint32_t metadata_len, uint32_t name_off,
                    uint32_t metadata_off)
{
    const struct xen_sysctl_livepatch_list *l = ((struct list_ctx *)ctx)->l;
    struct xen_livepatch_status st = { .state = state, .rc = rc };
    uint32_t len = (uint32_t)strlen(name) + 1;

    if (copy_to_guest_elem(guest_handle_ptr(l->status), i, &st, sizeof(st)) ||
        copy_to_guest_elem(guest_handle_ptr(l->len), i, &len, sizeof(len)) ||
        copy_to_guest(guest_ptr_add(guest_handle_ptr(l->name), name_off), name, len) ||
        copy_to_guest_elem(guest_handle_ptr(l->metadata_len), i, &metadata_len,
                           sizeof(metadata_len)) ||
        (metadata_len && copy_to_guest(guest_ptr_add(guest_handle_ptr(l->metadata), metadata_off),
                                       metadata, metadata_len)))
        return -EFAULT;
    return 0;
}

static long op_list(struct xen_sysctl_livepatch_list *l)
{
    struct list_ctx ctx = { l };

    if (l->pad)
        return -EINVAL;
    if (l->nr > LIVEPATCH_LIST_MAX)
        return -E2BIG;
    return lp_list(l, list_out, &ctx);
}

static long op_action(const struct xen_sysctl_livepatch_action *a)
{
    char name[XEN_LIVEPATCH_NAME_SIZE];
    int rc;

    if (a->pad)
        return -EINVAL;
    rc = get_name(&a->name, name);
    return rc ? rc : lp_action(name, a->cmd, a->timeout, a->flags);
}

long livepatch_op(struct xen_sysctl_livepatch_op *op)
{
    char name[XEN_LIVEPATCH_NAME_SIZE];
    long rc;

    if (op->pad)
        return -EINVAL;
    switch (op->cmd) {
    case XEN_SYSCTL_LIVEPATCH_UPLOAD:
        return op_upload(&op->u.upload);
    case XEN_SYSCTL_LIVEPATCH_GET:
        rc = get_name(&op->u.get.name, name);
        return rc ? rc : lp_get(name, &op->u.get.status);
    case XEN_SYSCTL_LIVEPATCH_LIST:
        return op_list(&op->u.list);
    case XEN_SYSCTL_LIVEPATCH_ACTION:
        return op_action(&op->u.action);
    default:
        return -EOPNOTSUPP;
    }
}
