/* SPDX-License-Identifier: MIT */
/*
 * HVSA-2: an integer overflow in multicall's batch-size check.  The size
 * in bytes of a batch of nr_calls entries is computed in 32 bits, so a
 * huge batch wraps to a small size, passes the bound that keeps a
 * non-preemptible batch short, and runs until the guest's memory ends: a
 * guest can hold a CPU for as long as it likes.  Our batch of 0x04000001
 * entries (64 bytes after wrapping) has two real entries at the very end
 * of our RAM, so a vulnerable hypervisor runs those two and stops with
 * -EFAULT; a fixed one refuses the batch.  Runs unprivileged.
 */
#include <xtf.h>
#include <arch/setup.h>

const char test_title[] = "HVSA-2: multicall batch size wraps";

#define HUGE_BATCH 0x04000001UL /* * 64 bytes = 2^32 + 64 */
#define UNTOUCHED 0xdeadUL

static multicall_entry_t *two_entries_at_ram_end(void)
{
    multicall_entry_t *e = (multicall_entry_t *)(guest_ram_end() - 2 * sizeof(*e));

    memset(e, 0, 2 * sizeof(*e));
    for (unsigned int i = 0; i < 2; i++) {
        e[i].op = __HYPERVISOR_xen_version;
        e[i].args[0] = XENVER_version;
        e[i].result = UNTOUCHED;
    }
    return e;
}

void test_main(void)
{
    long version = hypercall_xen_version(XENVER_version, NULL);
    multicall_entry_t *e = two_entries_at_ram_end();
    long rc = hypercall_multicall(e, 2);

    if (rc || (long)e[0].result != version || (long)e[1].result != version)
        return xtf_error("a batch of 2 failed: %ld, results %#lx %#lx", rc, e[0].result,
                         e[1].result);
    e = two_entries_at_ram_end();
    rc = hypercall_multicall(e, HUGE_BATCH);
    if (rc == -XEN_EINVAL && e[0].result == UNTOUCHED && e[1].result == UNTOUCHED)
        return xtf_success("a batch of %#lx entries was refused", HUGE_BATCH);
    if (rc == -XEN_EFAULT && (long)e[0].result == version)
        return xtf_failure("Vulnerable: a batch of %#lx entries passed the size check (its size "
                           "wrapped to 64 bytes) and ran until our memory ended",
                           HUGE_BATCH);
    xtf_error("a batch of %#lx entries: %ld, results %#lx %#lx", HUGE_BATCH, rc, e[0].result,
              e[1].result);
}
