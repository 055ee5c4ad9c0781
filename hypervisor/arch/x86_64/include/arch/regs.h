/* SPDX-License-Identifier: MIT */
/*
 * The register frame built by every entry into the hypervisor (entry.S).
 * The last five words are what the CPU pushes on an interrupt; error_code
 * and entry_vector share one word as in Xen.
 */
#ifndef ARCH_REGS_H
#define ARCH_REGS_H

#define REGS_R15 0
#define REGS_RAX 80
#define REGS_ERROR_CODE 120
#define REGS_ENTRY_VECTOR 124
#define REGS_RIP 128
#define REGS_CS 136
#define REGS_RFLAGS 144
#define REGS_RSP 152
#define REGS_SS 160
#define REGS_SIZE 168

/* entry_vector of a frame built by the syscall (hypercall) entry */
#define VECTOR_SYSCALL 0x100

#ifndef __ASSEMBLY__
#include <stdint.h>

struct cpu_regs {
    uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
    uint64_t rax, rcx, rdx, rsi, rdi;
    uint32_t error_code, entry_vector;
    uint64_t rip, cs, rflags, rsp, ss;
};

_Static_assert(__builtin_offsetof(struct cpu_regs, rax) == REGS_RAX, "rax");
_Static_assert(__builtin_offsetof(struct cpu_regs, error_code) == REGS_ERROR_CODE, "ec");
_Static_assert(__builtin_offsetof(struct cpu_regs, entry_vector) == REGS_ENTRY_VECTOR, "vec");
_Static_assert(__builtin_offsetof(struct cpu_regs, rip) == REGS_RIP, "rip");
_Static_assert(__builtin_offsetof(struct cpu_regs, ss) == REGS_SS, "ss");
_Static_assert(sizeof(struct cpu_regs) == REGS_SIZE, "size");

static inline int guest_mode(const struct cpu_regs *r)
{
    return (r->cs & 3) == 3;
}
#endif

#endif /* ARCH_REGS_H */
