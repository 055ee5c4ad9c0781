/* SPDX-License-Identifier: MIT */
/* Exception and interrupt handling shared between x86_64 files. */
#ifndef ARCH_TRAPS_H
#define ARCH_TRAPS_H

#include <arch/regs.h>

/* Interrupt vectors of the local APIC. */
#define VECTOR_DEVICE_BASE 0x30 /* + ISA line, for lines given to domains */
#define VECTOR_TIMER 0xf0
#define VECTOR_EVENT_CHECK 0xf1
#define VECTOR_FLUSH_TLB 0xf2
#define VECTOR_STOP 0xf3
#define VECTOR_SPURIOUS 0xff

void do_entry(struct cpu_regs *regs);
void do_irq(unsigned int vector);
/* Delivers a guest exception to its registered handler or kills the guest. */
void guest_exception(struct cpu_regs *regs, unsigned long cr2);
const char *exception_name(unsigned int vector);
void show_guest_registers(const struct cpu_regs *regs, unsigned long cr2);

#endif /* ARCH_TRAPS_H */
