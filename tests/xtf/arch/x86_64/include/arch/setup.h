/* SPDX-License-Identifier: MIT */
/* The pv64 environment: a 64-bit paravirtual guest in ring 3. */
#ifndef XTF_ARCH_SETUP_H
#define XTF_ARCH_SETUP_H

#include <hv/types.h>

#define ENVIRONMENT_DESCRIPTION "PV 64bit (Long mode 4 levels)"
#define GUEST_RAM_START 0x100000UL
#define PAGE_SIZE 4096UL

/* An address inside the hypervisor's text, which guests must not reach. */
#define HYPERVISOR_TEXT_ADDR 0xffffffff80100000UL
/* Samples of other hypervisor regions: direct map and vmap area. */
#define HYPERVISOR_DATA_ADDRS                      \
    {                                              \
        0xffff830000100000UL, 0xffffffffc0001000UL \
    }
/* An address no page table can map (non-canonical). */
#define NONCANONICAL_ADDR 0x0000800000000000UL
/* The exception vectors of a page fault and a general protection fault. */
#define VEC_PF 14
#define VEC_GP 13

/* A cycle counter for benchmarks (the TSC; cpu_khz from physinfo converts). */
static inline uint64_t arch_cycles(void)
{
    uint32_t lo, hi;

    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

/* Registers the exception handlers. */
void arch_setup(void);
/* Takes a fault with a marker in a callee-saved register; is it intact after? */
bool arch_registers_survive_fault(void);
/* Raises an exception with the stack pointer on an unmapped page. */
__noreturn void arch_fault_on_bad_stack(void);
/* Returns from an "exception" with a frame that points into the hypervisor. */
__noreturn void arch_iret_to_hypervisor(void);

#endif /* XTF_ARCH_SETUP_H */
