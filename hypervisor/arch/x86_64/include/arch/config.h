/* SPDX-License-Identifier: MIT */
/*
 * x86_64 memory layout and limits.
 *
 *   0000000000100000 - 00007fffffffefff  guest RAM (per domain, user pages)
 *   00007ffffffff000 - 00007fffffffffff  shared_info (read-only, all guests)
 *   ffff830000000000 - ffff837fffffffff  direct map of machine RAM (RW, NX)
 *   ffffffff80000000 + 1 MiB ...         hypervisor image (text RX, rodata RO, data RW)
 *   ffffffffc0000000 - ffffffffffe00000  vmap: stacks, MMIO, payloads
 *
 * Image and vmap share the top 2 GiB so that code compiled with
 * -mcmodel=kernel (the hypervisor and its payloads) reaches all of it.
 */
#ifndef ARCH_CONFIG_H
#define ARCH_CONFIG_H

#include <hv/const.h>

#define NR_CPUS 8

#define PAGE_SHIFT 12
#define PAGE_SIZE (_AC(1, UL) << PAGE_SHIFT)

#define XEN_VIRT_BASE _AC(0xffffffff80000000, UL)
#define XEN_PHYS_START _AC(0x100000, UL)
#define DIRECTMAP_BASE _AC(0xffff830000000000, UL)
#define DIRECTMAP_SIZE (_AC(1, UL) << 39)
#define VMAP_START _AC(0xffffffffc0000000, UL)
#define VMAP_END _AC(0xffffffffffe00000, UL)

/* Guest RAM starts at 1 MiB; everything below is unmapped (NULL guard). */
#define GUEST_RAM_BASE _AC(0x100000, UL)
#define GUEST_VA_END _AC(0x0000800000000000, UL)
/* The read-only shared_info page (guest time), the last guest page. */
#define GUEST_SHARED_INFO_VA (GUEST_VA_END - PAGE_SIZE)

#define STACK_PAGES 8

/* Device interrupt lines a domain may be given: the ISA IRQs. */
#define NR_DEVICE_IRQS 16

/* start_info.magic for guests of this arch, and the hypervisor's VA start. */
#define GUEST_START_INFO_MAGIC "xen-3.0-x86_64"
#define PV_HYPERVISOR_VIRT_START _AC(0xffff800000000000, UL)

/* The early (boot) direct map covers this much; the final one all RAM. */
#define EARLY_DIRECTMAP_LIMIT (_AC(1, UL) << 30)

#ifndef __ASSEMBLY__
#include <stdint.h>

static inline void *__va(uint64_t pa)
{
    return (void *)(uintptr_t)(pa + DIRECTMAP_BASE);
}

/* Machine address of a direct-map or image address (never a vmap one). */
static inline uint64_t __pa(const void *va)
{
    unsigned long v = (unsigned long)va;

    return v >= XEN_VIRT_BASE ? v - XEN_VIRT_BASE : v - DIRECTMAP_BASE;
}
#endif

#endif /* ARCH_CONFIG_H */
