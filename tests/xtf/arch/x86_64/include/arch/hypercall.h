/* SPDX-License-Identifier: MIT */
/*
 * The x86_64 hypercall instruction: syscall with the number in rax and the
 * arguments in rdi, rsi, rdx, r10, r8; rcx and r11 are clobbered.
 */
#ifndef XTF_ARCH_HYPERCALL_H
#define XTF_ARCH_HYPERCALL_H

static inline long hypercall_raw(unsigned long nr, unsigned long a1, unsigned long a2,
                                 unsigned long a3, unsigned long a4, unsigned long a5)
{
    register unsigned long r10 __asm__("r10") = a4;
    register unsigned long r8 __asm__("r8") = a5;
    long ret;

    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8)
                     : "rcx", "r11", "memory");
    return ret;
}

#endif /* XTF_ARCH_HYPERCALL_H */
