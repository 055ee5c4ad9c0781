/* SPDX-License-Identifier: MIT */
/*
 * The domctl hypercall (control domain only): create, load an image (our
 * extension, see public/domctl-ext.h), pause, unpause, destroy and
 * getdomaininfo, with Xen's structures and error values.  domctl_lock
 * serialises all domctls.
 */
#include <hv/hypercall.h>
#include <hv/domain.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/percpu.h>
#include <hv/spinlock.h>
#include <public/domctl-ext.h>

_Static_assert(sizeof(struct xen_domctl_load_image) <= 128, "fits the domctl union");
/* <xen/domctl.h>: cmd, interface_version, domain, pad[3], then a 128-byte union. */
_Static_assert(sizeof(struct xen_domctl) == 144, "struct xen_domctl layout");
_Static_assert(offsetof(struct xen_domctl, u) == 16, "struct xen_domctl layout");

static spinlock_t domctl_lock = SPIN_LOCK_UNLOCKED;

static long domctl_create(struct xen_domctl *op)
{
    const struct xen_domctl_createdomain *cfg = &op->u.createdomain;
    struct domain *d;
    long rc;

    if (cfg->flags || cfg->iommu_opts || cfg->vmtrace_size)
        return -EOPNOTSUPP; /* PV guests only: no HVM, HAP, IOMMU, tracing */
    rc = domain_create(op->domain, false, cfg->max_vcpus, &d);
    if (rc)
        return rc;
    memcpy(d->handle, cfg->handle, sizeof(d->handle));
    op->domain = d->domid;
    return 0;
}

static long domctl_load_image(struct domain *d, const struct xen_domctl_load_image *li)
{
    char cmdline[MAX_GUEST_CMDLINE];
    void *image;
    long rc;

    if (li->pad || li->image_size == 0 || li->image_size > XEN_DOMCTL_LOAD_IMAGE_MAX)
        return -EINVAL;
    if (li->mem_kb == 0 || li->mem_kb > DOMAIN_MAX_MEM / 1024)
        return -EINVAL;
    cmdline[0] = '\0';
    if (li->cmdline_size) {
        if (li->cmdline_size > sizeof(cmdline))
            return -EINVAL;
        if (copy_from_guest(cmdline, guest_handle_ptr(li->cmdline), li->cmdline_size))
            return -EFAULT;
        if (cmdline[li->cmdline_size - 1] != '\0')
            return -EINVAL;
    }
    image = xmalloc_bytes(li->image_size);
    if (!image)
        return -ENOMEM;
    rc = copy_from_guest(image, guest_handle_ptr(li->image), li->image_size);
    if (!rc)
        rc = domain_load_image(d, image, li->image_size, li->mem_kb * 1024, cmdline, NULL, 0);
    xfree(image);
    return rc;
}

static void fill_domaininfo(const struct domain *d, struct xen_domctl_getdomaininfo *info)
{
    const struct vcpu *v = d->vcpu[0];

    memset(info, 0, sizeof(*info));
    info->domain = d->domid;
    info->flags = (d->is_dying ? XEN_DOMINF_dying : 0) |
                  (d->is_shutdown ? XEN_DOMINF_shutdown : 0) |
                  (d->pause_count ? XEN_DOMINF_paused : 0) |
                  ((v->pause_flags & VPF_blocked) ? XEN_DOMINF_blocked : 0) |
                  (v->is_running ? XEN_DOMINF_running : 0) |
                  ((uint32_t)d->shutdown_code << XEN_DOMINF_shutdownshift);
    info->tot_pages = d->nr_pages;
    info->max_pages = DOMAIN_MAX_MEM >> PAGE_SHIFT;
    info->cpu_time = domain_cpu_time(d);
    info->nr_online_vcpus = (v->pause_flags & VPF_down) ? 0 : d->max_vcpus;
    info->max_vcpu_id = d->max_vcpus - 1;
    memcpy(info->handle, d->handle, sizeof(info->handle));
}

/* Commands on an existing domain; called with domlist_lock held. */
static long domctl_on_domain(struct xen_domctl *op, struct domain *d, bool *copyback)
{
    struct domain *self = current->domain;

    switch (op->cmd) {
    case XEN_DOMCTL_getdomaininfo:
        fill_domaininfo(d, &op->u.getdomaininfo);
        op->domain = d->domid;
        *copyback = true;
        return 0;
    case XEN_DOMCTL_pausedomain:
        return d == self ? -EINVAL : domain_pause_by_controller(d);
    case XEN_DOMCTL_unpausedomain:
        return d == self ? -EINVAL : domain_unpause_by_controller(d);
    case XEN_DOMCTL_load_image:
        return d == self ? -EINVAL : domctl_load_image(d, (const void *)&op->u);
    default:
        return -ENOSYS;
    }
}

static long domctl_locked(struct xen_domctl *op, bool *copyback)
{
    struct domain *d;
    long rc;

    switch (op->cmd) {
    case XEN_DOMCTL_createdomain:
        rc = domctl_create(op);
        *copyback = !rc;
        return rc;
    case XEN_DOMCTL_destroydomain:
        domlist_lock_acquire();
        d = domain_by_id(op->domain);
        domlist_lock_release();
        return d ? domain_destroy(d) : -ESRCH;
    case XEN_DOMCTL_getdomaininfo:
        domlist_lock_acquire();
        d = domain_next_from(op->domain);
        rc = d ? domctl_on_domain(op, d, copyback) : -ESRCH;
        domlist_lock_release();
        return rc;
    case XEN_DOMCTL_pausedomain:
    case XEN_DOMCTL_unpausedomain:
    case XEN_DOMCTL_load_image:
        domlist_lock_acquire();
        d = domain_by_id(op->domain);
        domlist_lock_release();
        /* Only domctls destroy domains, and we hold domctl_lock. */
        return d ? domctl_on_domain(op, d, copyback) : -ESRCH;
    default:
        return -ENOSYS;
    }
}

long do_domctl(guest_ptr_t u_domctl)
{
    struct xen_domctl op;
    bool copyback = false;
    long rc;

    if (!current->domain->is_privileged)
        return -EPERM;
    if (copy_from_guest(&op, u_domctl, sizeof(op)))
        return -EFAULT;
    if (op.interface_version != XEN_DOMCTL_INTERFACE_VERSION)
        return -EACCES;
    spin_lock(&domctl_lock);
    rc = domctl_locked(&op, &copyback);
    spin_unlock(&domctl_lock);
    if (copyback && copy_to_guest(u_domctl, &op, sizeof(op)))
        rc = -EFAULT;
    return rc;
}
