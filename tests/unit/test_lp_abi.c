/* SPDX-License-Identifier: MIT */
/*
 * The payload ABI against Xen's own header: struct livepatch_func as
 * <xen/sysctl.h> defines it for the hypervisor (under __XEN__, see
 * mk/abi.mk) must match hv/livepatch_payload.h field by field, bitfields
 * included, since payloads built for Xen and for us share it.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <public/sysctl.h>

#include "lp_abi.h"
#include "unit.h"

TEST(livepatch_func_matches_xen_sysctl_h)
{
    struct lp_func_layout ours;
    struct livepatch_func f;

    lp_abi_ours(&ours);
    memset(&f, 0, sizeof(f));
    f.expect.enabled = 1;
    f.expect.len = 9;
    CHECK_EQ(ours.size, sizeof(struct livepatch_func));
    CHECK_EQ(ours.size, 104); /* version 2 on 64-bit */
    CHECK_EQ(ours.name, offsetof(struct livepatch_func, name));
    CHECK_EQ(ours.new_addr, offsetof(struct livepatch_func, new_addr));
    CHECK_EQ(ours.old_addr, offsetof(struct livepatch_func, old_addr));
    CHECK_EQ(ours.new_size, offsetof(struct livepatch_func, new_size));
    CHECK_EQ(ours.old_size, offsetof(struct livepatch_func, old_size));
    CHECK_EQ(ours.version, offsetof(struct livepatch_func, version));
    CHECK_EQ(ours.expect, offsetof(struct livepatch_func, expect));
    CHECK_EQ(ours.expect_size, sizeof(f.expect));
    CHECK_EQ(ours.expect_byte0, ((const unsigned char *)&f.expect)[0]);
    CHECK_EQ(LIVEPATCH_PAYLOAD_VERSION, 2);
    CHECK_EQ(LIVEPATCH_OPAQUE_SIZE, 31);
}
