/* SPDX-License-Identifier: MIT */
/*
 * Checked access to guest memory.  Every byte the hypervisor reads from or
 * writes to a guest goes through these helpers: a bad address or length
 * gives -EFAULT, never a hypervisor fault.
 *
 * Guest addresses have their own type so they cannot be dereferenced or
 * mixed up with hypervisor pointers by accident.
 */
#ifndef HV_GUEST_ACCESS_H
#define HV_GUEST_ACCESS_H

#include <hv/arch.h>
#include <hv/errno.h>

typedef struct {
    uint64_t addr;
} guest_ptr_t;

static inline guest_ptr_t guest_ptr(uint64_t addr)
{
    return (guest_ptr_t){ addr };
}

/* A Xen guest handle (XEN_GUEST_HANDLE / _64) as a guest address. */
#define guest_handle_ptr(hnd) guest_ptr((uint64_t)(uintptr_t)(hnd).p)

static inline guest_ptr_t guest_ptr_add(guest_ptr_t p, uint64_t off)
{
    return (guest_ptr_t){ p.addr + off };
}

static inline bool guest_ptr_is_null(guest_ptr_t p)
{
    return p.addr == 0;
}

static inline int copy_from_guest(void *dst, guest_ptr_t src, size_t len)
{
    return arch_copy_from_guest(dst, src.addr, len) ? -EFAULT : 0;
}

static inline int copy_to_guest(guest_ptr_t dst, const void *src, size_t len)
{
    return arch_copy_to_guest(dst.addr, src, len) ? -EFAULT : 0;
}

/* Copies element @idx of an array of @size-byte elements. */
static inline int copy_from_guest_elem(void *dst, guest_ptr_t base, size_t idx, size_t size)
{
    if (idx && size > UINT64_MAX / idx)
        return -EFAULT;
    return copy_from_guest(dst, guest_ptr_add(base, idx * size), size);
}

static inline int copy_to_guest_elem(guest_ptr_t base, size_t idx, const void *src, size_t size)
{
    if (idx && size > UINT64_MAX / idx)
        return -EFAULT;
    return copy_to_guest(guest_ptr_add(base, idx * size), src, size);
}

#endif /* HV_GUEST_ACCESS_H */
