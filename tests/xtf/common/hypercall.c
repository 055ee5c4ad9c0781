/* SPDX-License-Identifier: MIT */
/* Helpers for the common domctl and sysctl operations. */
#include <xtf.h>

long domctl_create(domid_t *domid)
{
    struct xen_domctl op = { .cmd = XEN_DOMCTL_createdomain, .domain = 0 };
    long rc;

    op.u.createdomain.max_vcpus = 1;
    rc = hypercall_domctl(&op);
    if (!rc)
        *domid = op.domain;
    return rc;
}

long domctl_load_image(domid_t domid, const void *image, size_t size, size_t mem_kb,
                       const char *cmdline)
{
    struct xen_domctl op = { .cmd = XEN_DOMCTL_load_image, .domain = domid };
    struct xen_domctl_load_image *li = (struct xen_domctl_load_image *)&op.u;

    set_xen_guest_handle(li->image, (uint8_t *)(uintptr_t)image);
    li->image_size = size;
    li->mem_kb = mem_kb;
    if (cmdline) {
        set_xen_guest_handle(li->cmdline, (char *)(uintptr_t)cmdline);
        li->cmdline_size = (uint32_t)strlen(cmdline) + 1;
    }
    return hypercall_domctl(&op);
}

long domctl_simple(unsigned int cmd, domid_t domid)
{
    struct xen_domctl op = { .cmd = cmd, .domain = domid };

    return hypercall_domctl(&op);
}

long domctl_getinfo(domid_t domid, struct xen_domctl_getdomaininfo *info)
{
    struct xen_domctl op = { .cmd = XEN_DOMCTL_getdomaininfo, .domain = domid };
    long rc = hypercall_domctl(&op);

    if (!rc)
        *info = op.u.getdomaininfo;
    return rc;
}

long sysctl_physinfo(struct xen_sysctl_physinfo *pi)
{
    struct xen_sysctl op = { .cmd = XEN_SYSCTL_physinfo };
    long rc = hypercall_sysctl(&op);

    if (!rc)
        *pi = op.u.physinfo;
    return rc;
}
