/* SPDX-License-Identifier: MIT */
/*
 * The shared_info page, here only for guest time.  One page, read-only and
 * the same for every guest, mapped at GUEST_SHARED_INFO_VA; start_info's
 * shared_info field holds that guest address (Xen gives a machine address
 * that the guest maps itself).  Each vcpu_info's time record turns the
 * guest's own RDTSC into system time, nanoseconds since boot, the clock of
 * HYPERVISOR_set_timer_op:
 *   system_time + ((((tsc - tsc_timestamp) << tsc_shift) * tsc_to_system_mul) >> 32)
 * The TSC has one constant rate on every CPU, so the page is written once
 * at boot and its version stays even.  The wall clock (wc_*) changes when
 * the control domain sets it.  Event-channel fields stay zero: there are
 * none.
 */
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <arch/mm.h>
#include <arch/time.h>
#include <public/xen.h>

static struct shared_info *shared_info;

void shared_info_init(void)
{
    struct vcpu_time_info t = { .version = 2, .flags = XEN_PVCLOCK_TSC_STABLE_BIT };

    shared_info = alloc_xenheap_pages(1);
    if (!shared_info)
        panic("out of memory for the shared_info page");
    memset(shared_info, 0, PAGE_SIZE);
    time_guest_scale(&t.tsc_timestamp, &t.tsc_to_system_mul, &t.tsc_shift);
    for (unsigned int i = 0; i < XEN_LEGACY_MAX_VCPUS; i++)
        shared_info->vcpu_info[i].time = t;
}

/* Xen's protocol: wc_version odd while the fields change. */
void arch_wallclock_publish(uint64_t sec, uint32_t nsec)
{
    WRITE_ONCE(shared_info->wc_version, shared_info->wc_version + 1);
    smp_wmb();
    shared_info->wc_sec = (uint32_t)sec;
    shared_info->wc_sec_hi = (uint32_t)(sec >> 32);
    shared_info->wc_nsec = nsec;
    smp_wmb();
    WRITE_ONCE(shared_info->wc_version, shared_info->wc_version + 1);
}

int arch_guest_map_shared_info(struct domain *d, uint64_t *gaddr)
{
    int rc = pt_map_page(__va(d->arch.pml4), GUEST_SHARED_INFO_VA, __pa(shared_info),
                         PTE_P | PTE_US | PTE_NX, PTE_P | PTE_RW | PTE_US);

    *gaddr = rc ? 0 : GUEST_SHARED_INFO_VA;
    return rc;
}
