/* SPDX-License-Identifier: MIT */
/* x86_64 state kept per vCPU, per domain and per physical CPU. */
#ifndef ARCH_VCPU_H
#define ARCH_VCPU_H

#include <arch/regs.h>

/* Offsets of struct arch_cpu fields used by entry.S (reached via %gs). */
#define CPU_ID 0
#define CPU_SCRATCH_RSP 8
#define CPU_GUEST_REGS_END 16

#ifndef __ASSEMBLY__
#include <stdint.h>
#include <stdbool.h>

#define NR_GUEST_TRAPS 32

/* A handler the guest registered with HYPERVISOR_set_trap_table. */
struct guest_trap {
    unsigned long address; /* 0: none, the guest is killed instead */
    uint8_t flags;         /* trap_info flags (privilege level, IF clear) */
};

struct arch_vcpu {
    struct cpu_regs regs; /* saved while the vCPU is not running */
    uint16_t ds, es, fs, gs;
    struct guest_trap traps[NR_GUEST_TRAPS];
};

struct arch_domain {
    uint64_t pml4; /* machine address of the top-level page table */
};

struct cpu_tss;

struct arch_cpu {
    uint32_t cpu_id; /* CPU_ID */
    uint32_t apic_id;
    uint64_t scratch_rsp;    /* CPU_SCRATCH_RSP: guest rsp during syscall entry */
    uint64_t guest_regs_end; /* CPU_GUEST_REGS_END: top of the guest frame */
    unsigned long stack_bottom, stack_top;
    struct cpu_tss *tss;
    uint64_t *gdt;
};

_Static_assert(__builtin_offsetof(struct arch_cpu, scratch_rsp) == CPU_SCRATCH_RSP, "");
_Static_assert(__builtin_offsetof(struct arch_cpu, guest_regs_end) == CPU_GUEST_REGS_END, "");
#endif

#endif /* ARCH_VCPU_H */
