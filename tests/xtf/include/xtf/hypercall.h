/* SPDX-License-Identifier: MIT */
/*
 * Typed hypercall wrappers.  Results are Xen's: 0 or a positive value on
 * success, a negative XEN_E* value on error.
 */
#ifndef XTF_HYPERCALL_H
#define XTF_HYPERCALL_H

#include <xtf/xen.h>
#include <arch/hypercall.h>

#define UL(x) ((unsigned long)(x))

static inline long hypercall_console_write(const char *buf, unsigned long len)
{
    return hypercall_raw(__HYPERVISOR_console_io, CONSOLEIO_write, len, UL(buf), 0, 0);
}

static inline long hypercall_console_io(unsigned int cmd, unsigned long len, unsigned long buf)
{
    return hypercall_raw(__HYPERVISOR_console_io, cmd, len, buf, 0, 0);
}

static inline long hypercall_xen_version(unsigned int cmd, void *arg)
{
    return hypercall_raw(__HYPERVISOR_xen_version, cmd, UL(arg), 0, 0, 0);
}

static inline long hypercall_sched_op(unsigned int cmd, void *arg)
{
    return hypercall_raw(__HYPERVISOR_sched_op, cmd, UL(arg), 0, 0, 0);
}

static inline long hypercall_shutdown(unsigned int reason)
{
    struct sched_shutdown s = { .reason = reason };

    return hypercall_sched_op(SCHEDOP_shutdown, &s);
}

static inline long hypercall_yield(void)
{
    return hypercall_sched_op(SCHEDOP_yield, NULL);
}

static inline long hypercall_block(void)
{
    return hypercall_sched_op(SCHEDOP_block, NULL);
}

static inline long hypercall_multicall(multicall_entry_t *list, unsigned long nr_calls)
{
    return hypercall_raw(__HYPERVISOR_multicall, UL(list), nr_calls, 0, 0, 0);
}

static inline long hypercall_platform_op(struct xen_platform_op *op)
{
    op->interface_version = XENPF_INTERFACE_VERSION;
    return hypercall_raw(__HYPERVISOR_platform_op, UL(op), 0, 0, 0, 0);
}

static inline long hypercall_sysctl(struct xen_sysctl *op)
{
    op->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    return hypercall_raw(__HYPERVISOR_sysctl, UL(op), 0, 0, 0, 0);
}

static inline long hypercall_domctl(struct xen_domctl *op)
{
    op->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    return hypercall_raw(__HYPERVISOR_domctl, UL(op), 0, 0, 0, 0);
}

/* Helpers for the common domctls (see also public/domctl-ext.h). */
long domctl_create(domid_t *domid);
long domctl_load_image(domid_t domid, const void *image, size_t size, size_t mem_kb,
                       const char *cmdline);
long domctl_simple(unsigned int cmd, domid_t domid);
long domctl_getinfo(domid_t domid, struct xen_domctl_getdomaininfo *info);
long sysctl_physinfo(struct xen_sysctl_physinfo *pi);

#endif /* XTF_HYPERCALL_H */
