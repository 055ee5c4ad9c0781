/* SPDX-License-Identifier: MIT */
/*
 * The sysctl hypercall (control domain only), with Xen's structures and
 * error values.  Sub-ops this hypervisor does not implement return -ENOSYS
 * as Xen's do for an unknown command.
 */
#include <hv/hypercall.h>
#include <hv/domain.h>
#include <hv/lib.h>
#include <hv/livepatch.h>
#include <hv/mm.h>
#include <hv/percpu.h>
#include <hv/spinlock.h>
#include <hv/test_hooks.h>
#include <public/sysctl.h>

/* <xen/sysctl.h>: cmd, interface_version, then a 128-byte union. */
_Static_assert(sizeof(struct xen_sysctl) == 136, "struct xen_sysctl layout");
_Static_assert(offsetof(struct xen_sysctl, u) == 8, "struct xen_sysctl layout");

static spinlock_t sysctl_lock = SPIN_LOCK_UNLOCKED;

static void fill_physinfo(struct xen_sysctl_physinfo *pi)
{
    memset(pi, 0, sizeof(*pi));
    pi->threads_per_core = 1;
    pi->cores_per_socket = num_online_cpus();
    pi->nr_cpus = num_online_cpus();
    pi->max_cpu_id = NR_CPUS - 1;
    pi->nr_nodes = 1;
    pi->max_node_id = 0;
    pi->cpu_khz = arch_cpu_khz();
    pi->total_pages = total_pages();
    pi->free_pages = free_page_count();
    pi->max_mfn = (max_page_address() >> PAGE_SHIFT) - 1;
}

long do_sysctl(guest_ptr_t u_sysctl)
{
    struct xen_sysctl op;
    bool copyback = false;
    long rc;

    if (!current->domain->is_privileged)
        return -EPERM;
    if (copy_from_guest(&op, u_sysctl, sizeof(op)))
        return -EFAULT;
    if (op.interface_version != XEN_SYSCTL_INTERFACE_VERSION)
        return -EACCES;
    spin_lock(&sysctl_lock);
    switch (op.cmd) {
    case XEN_SYSCTL_physinfo:
        fill_physinfo(&op.u.physinfo);
        copyback = true;
        rc = 0;
        break;
    case XEN_SYSCTL_livepatch_op:
        rc = livepatch_op(&op.u.livepatch);
        copyback = rc != -ENOSYS && rc != -EOPNOTSUPP; /* as Xen */
        break;
    default:
        rc = test_hooks_sysctl(&op, &copyback); /* -ENOSYS in normal builds */
        break;
    }
    spin_unlock(&sysctl_lock);
    if (copyback && copy_to_guest(u_sysctl, &op, sizeof(op)))
        rc = -EFAULT;
    return rc;
}
