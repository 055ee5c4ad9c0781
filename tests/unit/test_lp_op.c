/* SPDX-License-Identifier: MIT */
/*
 * XEN_SYSCTL_livepatch_op as a guest reaches it through
 * hypercall_dispatch(): UPLOAD, GET, LIST and ACTION decoding (op.c), the
 * privilege check, name, size and pointer validation, LIST batching, and
 * memory back to its baseline after each refusal.
 */
#include <stdio.h>
#include <string.h>

#include <hv/errno.h>
#include <hv/hypercall.h>
#include <hv/livepatch.h>
#include <hv/mm.h>
#include <public/sysctl.h>
#include <public/xen.h>

#include "../../hypervisor/common/livepatch/private.h"
#include "fake.h"
#include "fixture.h"
#include "payload_image.h"
#include "unit.h"

#define UNMAPPED_GUEST_ADDR 0xdead0000UL

static struct pi_mem base;
static struct domain *dom0_d, *domu;

/* Guest argument area layout (fixture.h). */
#define G_NAME 0x100
#define G_STATUS 0x200
#define G_NAMES 0x400
#define G_LEN 0x800
#define G_META 0x900
#define G_META_LEN 0xc00
#define G_IMAGE 0x1000

static void setup_sysctl(void)
{
    fixture_boot_dom0_and_domu(&dom0_d, &domu);
    base = pi_baseline();
}

static struct xen_sysctl_livepatch_op *lp_op(uint32_t cmd)
{
    struct xen_sysctl *op = guest_area(0);

    memset(op, 0, sizeof(*op));
    op->cmd = XEN_SYSCTL_livepatch_op;
    op->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    op->u.livepatch.cmd = cmd;
    return &op->u.livepatch;
}

static long sysctl(void)
{
    return hypercall(__HYPERVISOR_sysctl, guest_addr(guest_area(0)), 0, 0);
}

static void put_name(struct xen_livepatch_name *n, const char *name)
{
    char *s = guest_area(G_NAME);

    memset(n, 0, sizeof(*n));
    strcpy(s, name);
    n->name.p = (char *)(uintptr_t)guest_addr(s);
    n->size = (uint16_t)(strlen(name) + 1);
}

static long upload(const char *name, const struct payload_image *pi)
{
    struct xen_sysctl_livepatch_op *op = lp_op(XEN_SYSCTL_LIVEPATCH_UPLOAD);

    if (!CHECK(pi->len <= FIXTURE_GUEST_SIZE - G_IMAGE))
        return -1;
    memcpy(guest_area(G_IMAGE), pi->buf, pi->len);
    put_name(&op->u.upload.name, name);
    op->u.upload.size = pi->len;
    op->u.upload.payload.p = (uint8_t *)(uintptr_t)guest_addr(guest_area(G_IMAGE));
    return sysctl();
}

static long get(const char *name, struct xen_livepatch_status *st)
{
    struct xen_sysctl_livepatch_op *op = lp_op(XEN_SYSCTL_LIVEPATCH_GET);
    long rc;

    put_name(&op->u.get.name, name);
    rc = sysctl();
    *st = op->u.get.status;
    return rc;
}

static long action(const char *name, uint32_t cmd)
{
    struct xen_sysctl_livepatch_op *op = lp_op(XEN_SYSCTL_LIVEPATCH_ACTION);

    put_name(&op->u.action.name, name);
    op->u.action.cmd = cmd;
    return sysctl();
}

static struct xen_sysctl_livepatch_list *list_op(uint32_t idx, uint32_t nr)
{
    struct xen_sysctl_livepatch_list *l = &lp_op(XEN_SYSCTL_LIVEPATCH_LIST)->u.list;

    l->idx = idx;
    l->nr = nr;
    l->status.p = (xen_livepatch_status_t *)(uintptr_t)guest_addr(guest_area(G_STATUS));
    l->name.p = (char *)(uintptr_t)guest_addr(guest_area(G_NAMES));
    l->len.p = (uint32_t *)(uintptr_t)guest_addr(guest_area(G_LEN));
    l->metadata.p = (char *)(uintptr_t)guest_addr(guest_area(G_META));
    l->metadata_len.p = (uint32_t *)(uintptr_t)guest_addr(guest_area(G_META_LEN));
    return l;
}

TEST(sysctl_upload_list_get_and_unload)
{
    struct payload_image *a = pi_valid_built(1), *b = pi_valid_built(2);
    static const char meta[] = "version=1\0seed=1\0version=1\0seed=2";
    const xen_livepatch_status_t *st = guest_area(G_STATUS);
    const uint32_t *len = guest_area(G_LEN), *mlen = guest_area(G_META_LEN);
    struct xen_sysctl_livepatch_list *l;
    struct xen_livepatch_status s;
    uint32_t version;

    setup_sysctl();
    CHECK_EQ(upload("first", a), 0);
    CHECK_EQ(upload("second-payload", b), 0);
    CHECK_EQ(upload("first", b), -EEXIST);
    l = list_op(0, 0); /* probe */
    CHECK_EQ(sysctl(), 0);
    CHECK_EQ(l->nr, 2);
    CHECK_EQ(l->name_total_size, 6 + 15);
    CHECK_EQ(l->metadata_total_size, sizeof(meta));
    version = l->version;
    l = list_op(0, 2);
    CHECK_EQ(sysctl(), 2);
    CHECK_EQ(l->nr, 0); /* none left */
    CHECK_EQ(st[0].state, LIVEPATCH_STATE_CHECKED);
    CHECK_EQ(st[1].state, LIVEPATCH_STATE_CHECKED);
    CHECK_EQ(st[0].rc, 0);
    CHECK(!memcmp(guest_area(G_NAMES), "first\0second-payload", 21));
    CHECK_EQ(len[0], 6);
    CHECK_EQ(len[1], 15);
    CHECK(!memcmp(guest_area(G_META), meta, sizeof(meta)));
    CHECK_EQ(mlen[0], 17);
    CHECK_EQ(mlen[1], 17);
    l = list_op(1, 1);
    CHECK_EQ(sysctl(), 1);
    CHECK_STR(guest_area(G_NAMES), "second-payload");
    CHECK_EQ(get("second-payload", &s), 0);
    CHECK_EQ(s.state, LIVEPATCH_STATE_CHECKED);
    CHECK_EQ(s.rc, 0);
    CHECK_EQ(action("first", LIVEPATCH_ACTION_UNLOAD), 0);
    CHECK_EQ(get("first", &s), -ENOENT);
    l = list_op(0, 0);
    CHECK_EQ(sysctl(), 0);
    CHECK_EQ(l->nr, 1);
    CHECK(l->version != version);
    CHECK_EQ(action("second-payload", LIVEPATCH_ACTION_UNLOAD), 0);
    CHECK(pi_mem_back_to(&base));
    pi_free(a);
    pi_free(b);
}

TEST(sysctl_from_an_unprivileged_domain_is_eperm)
{
    struct payload_image *pi = pi_valid_built(1);
    struct xen_livepatch_status s;

    setup_sysctl();
    CHECK_EQ(upload("p", pi), 0);
    fixture_run_as(domu);
    CHECK_EQ(upload("q", pi), -EPERM);
    CHECK_EQ(get("p", &s), -EPERM);
    CHECK_EQ(action("p", LIVEPATCH_ACTION_UNLOAD), -EPERM);
    list_op(0, 0);
    CHECK_EQ(sysctl(), -EPERM);
    CHECK(lp_find("p") && !lp_find("q"));
    pi_free(pi);
}

/* Breaks the name in each way get_name() checks; @fault is what a bad pointer gives. */
static void check_name_errors(struct xen_livepatch_name *n, long fault)
{
    put_name(n, "p");
    n->size = 0;
    CHECK_EQ(sysctl(), -EINVAL);
    n->size = XEN_LIVEPATCH_NAME_SIZE + 1;
    CHECK_EQ(sysctl(), -EINVAL);
    put_name(n, "abc");
    n->size = 3; /* "abc" without its NUL */
    CHECK_EQ(sysctl(), -EINVAL);
    for (unsigned int i = 0; i < 3; i++) {
        put_name(n, "p");
        n->pad[i] = 1;
        CHECK_EQ(sysctl(), -EINVAL);
    }
    put_name(n, "p");
    n->name.p = (char *)UNMAPPED_GUEST_ADDR;
    CHECK_EQ(sysctl(), fault);
    n->name.p = (char *)(uintptr_t)(FIXTURE_GUEST_BASE + FIXTURE_GUEST_SIZE - 1);
    n->size = 2; /* runs off the end of guest memory */
    CHECK_EQ(sysctl(), fault);
}

TEST(sysctl_name_errors)
{
    struct payload_image *pi = pi_valid_built(1);
    struct xen_sysctl_livepatch_op *op;

    setup_sysctl();
    CHECK_EQ(upload("p", pi), 0);
    base = pi_mem_now();
    op = lp_op(XEN_SYSCTL_LIVEPATCH_GET);
    check_name_errors(&op->u.get.name, -EFAULT);
    op = lp_op(XEN_SYSCTL_LIVEPATCH_ACTION);
    op->u.action.cmd = LIVEPATCH_ACTION_UNLOAD;
    check_name_errors(&op->u.action.name, -EFAULT);
    CHECK(lp_find("p"));                /* no bad name unloaded it */
    CHECK_EQ(upload("q", pi), -EEXIST); /* same build-id: the image is fine */
    op = lp_op(XEN_SYSCTL_LIVEPATCH_UPLOAD);
    memcpy(guest_area(G_IMAGE), pi->buf, pi->len);
    op->u.upload.size = pi->len;
    op->u.upload.payload.p = (uint8_t *)(uintptr_t)guest_addr(guest_area(G_IMAGE));
    check_name_errors(&op->u.upload.name, -EINVAL); /* Xen masks it */
    CHECK(pi_mem_back_to(&base));
    pi_free(pi);
}

TEST(sysctl_upload_size_and_pointer)
{
    struct payload_image *pi = pi_valid_built(1);
    struct xen_sysctl_livepatch_op *op;

    setup_sysctl();
    CHECK_EQ(upload("p", pi), 0);
    CHECK_EQ(action("p", LIVEPATCH_ACTION_UNLOAD), 0);
    op = lp_op(XEN_SYSCTL_LIVEPATCH_UPLOAD);
    put_name(&op->u.upload.name, "p");
    op->u.upload.payload.p = (uint8_t *)(uintptr_t)guest_addr(guest_area(G_IMAGE));
    op->u.upload.size = 0;
    CHECK_EQ(sysctl(), -EINVAL);
    op->u.upload.size = LIVEPATCH_MAX_SIZE + 1;
    CHECK_EQ(sysctl(), -EINVAL);
    op->u.upload.size = LIVEPATCH_MAX_SIZE; /* allowed, but the guest has less */
    CHECK_EQ(sysctl(), -EFAULT);
    op->u.upload.size = pi->len;
    op->u.upload.payload.p = (uint8_t *)UNMAPPED_GUEST_ADDR;
    CHECK_EQ(sysctl(), -EFAULT);
    op->u.upload.payload.p = (uint8_t *)(uintptr_t)(FIXTURE_GUEST_BASE + FIXTURE_GUEST_SIZE - 8);
    CHECK_EQ(sysctl(), -EFAULT);
    CHECK(!lp_find("p"));
    CHECK(pi_mem_back_to(&base));
    pi_free(pi);
}

TEST(sysctl_list_arguments)
{
    struct payload_image *pi = pi_valid_built(1);
    struct xen_sysctl_livepatch_list *l;

    setup_sysctl();
    list_op(0, LIVEPATCH_LIST_MAX);
    CHECK_EQ(sysctl(), 0); /* nothing loaded: nothing to list */
    list_op(0, LIVEPATCH_LIST_MAX + 1);
    CHECK_EQ(sysctl(), -E2BIG);
    CHECK_EQ(upload("p", pi), 0);
    list_op(1, 1);
    CHECK_EQ(sysctl(), -EINVAL);
    list_op(0xffffffff, 1);
    CHECK_EQ(sysctl(), -EINVAL);
    l = list_op(0, 1);
    l->pad = 1;
    CHECK_EQ(sysctl(), -EINVAL);
    l = list_op(0, 1);
    l->status.p = (xen_livepatch_status_t *)UNMAPPED_GUEST_ADDR;
    CHECK_EQ(sysctl(), -EFAULT);
    list_op(0, 1);
    CHECK_EQ(sysctl(), 1);
    pi_free(pi);
}

TEST(sysctl_op_pad_and_unknown_commands)
{
    struct payload_image *pi = pi_valid_built(1);
    struct xen_sysctl_livepatch_op *op;
    struct xen_livepatch_status s;

    setup_sysctl();
    CHECK_EQ(upload("p", pi), 0);
    op = lp_op(XEN_SYSCTL_LIVEPATCH_GET);
    put_name(&op->u.get.name, "p");
    op->pad = 1;
    CHECK_EQ(sysctl(), -EINVAL);
    op->pad = 0;
    CHECK_EQ(sysctl(), 0);
    lp_op(4);
    CHECK_EQ(sysctl(), -EOPNOTSUPP);
    lp_op(0xffffffff);
    CHECK_EQ(sysctl(), -EOPNOTSUPP);
    CHECK_EQ(get("nobody", &s), -ENOENT);
    CHECK_EQ(action("nobody", LIVEPATCH_ACTION_UNLOAD), -ENOENT);
    CHECK_EQ(action("p", 9), -EOPNOTSUPP);
    op = lp_op(XEN_SYSCTL_LIVEPATCH_ACTION);
    put_name(&op->u.action.name, "p");
    op->u.action.cmd = LIVEPATCH_ACTION_UNLOAD;
    op->u.action.pad = 1;
    CHECK_EQ(sysctl(), -EINVAL);
    op->u.action.pad = 0;
    op->u.action.flags = 2; /* only APPLY_NODEPS is defined */
    CHECK_EQ(sysctl(), -EINVAL);
    CHECK(lp_find("p"));
    op->u.action.flags = 0;
    CHECK_EQ(sysctl(), 0);
    CHECK(!lp_find("p"));
    CHECK(pi_mem_back_to(&base));
    pi_free(pi);
}
