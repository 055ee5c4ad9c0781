/* SPDX-License-Identifier: MIT */
/* Descriptor tables: per-CPU GDT and TSS, the shared IDT. */
#ifndef ARCH_DESC_H
#define ARCH_DESC_H

#include <stdint.h>

struct tss64 {
    uint32_t reserved0;
    uint64_t rsp[3];
    uint64_t reserved1;
    uint64_t ist[7];
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t iomap_base;
} __attribute__((packed));

#define IO_BITMAP_BYTES (65536 / 8)

/* A CPU's TSS with the I/O permission bitmap that guests' in/out consult. */
struct cpu_tss {
    struct tss64 tss;
    uint8_t io_bitmap[IO_BITMAP_BYTES + 1]; /* a set bit denies; the extra byte ends it */
} __attribute__((packed));

#define IST_DOUBLE_FAULT 1
#define IST_NMI 2
#define IST_MCE 3

/* Fills the IDT and loads it on this CPU (boot CPU: before anything else). */
void idt_init(void);
void idt_load(void);
/* Allocates @cpu's GDT, TSS (every I/O port denied) and interrupt stacks. */
void desc_prepare_cpu(unsigned int cpu);
/* Loads this CPU's GDT and task register and sets up syscall. */
void desc_load_cpu(unsigned int cpu);

#endif /* ARCH_DESC_H */
