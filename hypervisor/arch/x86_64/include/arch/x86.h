/* SPDX-License-Identifier: MIT */
/* Thin wrappers around x86 instructions, MSRs and control registers. */
#ifndef ARCH_X86_H
#define ARCH_X86_H

#include <hv/const.h>

#define X86_CR0_PE (_AC(1, UL) << 0)
#define X86_CR0_MP (_AC(1, UL) << 1)
#define X86_CR0_EM (_AC(1, UL) << 2)
#define X86_CR0_TS (_AC(1, UL) << 3)
#define X86_CR0_NE (_AC(1, UL) << 5)
#define X86_CR0_WP (_AC(1, UL) << 16)
#define X86_CR0_PG (_AC(1, UL) << 31)

#define X86_CR4_PAE (_AC(1, UL) << 5)
#define X86_CR4_PGE (_AC(1, UL) << 7)
#define X86_CR4_UMIP (_AC(1, UL) << 11)
#define X86_CR4_SMEP (_AC(1, UL) << 20)
#define X86_CR4_SMAP (_AC(1, UL) << 21)

#define X86_EFLAGS_CF (_AC(1, UL) << 0)
#define X86_EFLAGS_MBS (_AC(1, UL) << 1)
#define X86_EFLAGS_TF (_AC(1, UL) << 8)
#define X86_EFLAGS_IF (_AC(1, UL) << 9)
#define X86_EFLAGS_DF (_AC(1, UL) << 10)
#define X86_EFLAGS_IOPL (_AC(3, UL) << 12)
#define X86_EFLAGS_NT (_AC(1, UL) << 14)
#define X86_EFLAGS_RF (_AC(1, UL) << 16)
#define X86_EFLAGS_VM (_AC(1, UL) << 17)
#define X86_EFLAGS_AC (_AC(1, UL) << 18)

#define MSR_EFER 0xc0000080
#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_CSTAR 0xc0000083
#define MSR_SFMASK 0xc0000084
#define MSR_FS_BASE 0xc0000100
#define MSR_GS_BASE 0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102
#define MSR_APIC_BASE 0x1b
#define EFER_SCE (_AC(1, UL) << 0)
#define EFER_LME (_AC(1, UL) << 8)
#define EFER_NXE (_AC(1, UL) << 11)

/* Segment selectors (see desc.c). */
#define HV_CS 0x08
#define HV_DS 0x10
#define USER_DS 0x23
#define USER_CS 0x2b
#define TSS_SEL 0x30

#ifndef __ASSEMBLY__
#include <stdint.h>

static inline uint64_t rdmsr(uint32_t msr)
{
    uint32_t lo, hi;

    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t val)
{
    __asm__ volatile("wrmsr" ::"c"(msr), "a"((uint32_t)val), "d"((uint32_t)(val >> 32)));
}

static inline void cpuid(uint32_t leaf, uint32_t sub, uint32_t *a, uint32_t *b, uint32_t *c,
                         uint32_t *d)
{
    __asm__ volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(sub));
}

#define DEFINE_CR(n)                                             \
    static inline unsigned long read_cr##n(void)                 \
    {                                                            \
        unsigned long v;                                         \
        __asm__ volatile("mov %%cr" #n ", %0" : "=r"(v));        \
        return v;                                                \
    }                                                            \
    static inline void write_cr##n(unsigned long v)              \
    {                                                            \
        __asm__ volatile("mov %0, %%cr" #n ::"r"(v) : "memory"); \
    }
DEFINE_CR(0)
DEFINE_CR(2)
DEFINE_CR(3)
DEFINE_CR(4)
#undef DEFINE_CR

static inline void outb(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" ::"a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
    uint8_t v;

    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline void outw(uint16_t port, uint16_t v)
{
    __asm__ volatile("outw %0, %1" ::"a"(v), "Nd"(port));
}

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;

    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

static inline void invlpg(unsigned long va)
{
    __asm__ volatile("invlpg (%0)" ::"r"(va) : "memory");
}

/* Flushes every TLB entry, global ones included, by toggling CR4.PGE. */
static inline void flush_tlb_all_local(void)
{
    unsigned long cr4 = read_cr4();

    write_cr4(cr4 & ~(_AC(1, UL) << 7));
    write_cr4(cr4);
}

#endif /* !__ASSEMBLY__ */

#endif /* ARCH_X86_H */
