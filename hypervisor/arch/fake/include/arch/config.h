/* SPDX-License-Identifier: MIT */
/*
 * The fake arch's memory layout and limits.  The fake arch runs
 * hypervisor/common/ as a host program for unit tests (see ../../fake.h).
 *
 * Machine memory is a host mapping made by fake_machine_init(), so the
 * "direct map" starts wherever that mapping landed.  The vmap area is at a
 * fixed host address instead, because vmap.c sizes its bitmap from
 * VMAP_END - VMAP_START at compile time; fake_machine_init() reserves it.
 * The address is below ASan's heap (0x600000000000) and above its shadow.
 */
#ifndef ARCH_CONFIG_H
#define ARCH_CONFIG_H

#include <hv/const.h>

/* Two CPUs so per-CPU arrays have a neighbour; the tests run on CPU 0 only. */
#define NR_CPUS 2

#define PAGE_SHIFT 12
#define PAGE_SIZE (_AC(1, UL) << PAGE_SHIFT)

#define DIRECTMAP_BASE ((unsigned long)fake_machine_base)
#define DIRECTMAP_SIZE (_AC(1, UL) << 30) /* most machine memory the fake offers */
#define VMAP_START _AC(0x3f0000000000, UL)
#define VMAP_END _AC(0x3f0004000000, UL) /* 64 MiB */

/* Guests see the same ABI as on x86_64, so tests build x86_64 images. */
#define GUEST_RAM_BASE _AC(0x100000, UL)
#define GUEST_START_INFO_MAGIC "xen-3.0-x86_64"
#define PV_HYPERVISOR_VIRT_START _AC(0xffff800000000000, UL)

#define STACK_PAGES 8

#define NR_DEVICE_IRQS 16

/* Small, so that tests reach the early direct map's end cheaply. */
#define EARLY_DIRECTMAP_LIMIT (_AC(32, UL) << 20)

#ifndef __ASSEMBLY__
#include <stdint.h>

/* Host address of machine address 0; set by fake_machine_init(). */
extern unsigned char *fake_machine_base;

/* Integer arithmetic: no pointer overflow for UBSan to object to. */
static inline void *__va(uint64_t pa)
{
    return (void *)((uintptr_t)fake_machine_base + (uintptr_t)pa);
}

static inline uint64_t __pa(const void *va)
{
    return (uint64_t)((uintptr_t)va - (uintptr_t)fake_machine_base);
}
#endif

#endif /* ARCH_CONFIG_H */
