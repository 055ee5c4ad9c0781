/* SPDX-License-Identifier: MIT */
/* The I/O APIC: routes ISA interrupt lines to a vector on one CPU. */
#ifndef ARCH_IOAPIC_H
#define ARCH_IOAPIC_H

#include <stdint.h>

/* Maps the I/O APIC named by ACPI and masks every pin. */
void ioapic_init(void);
/*
 * Delivers ISA line @irq as @vector to the CPU with @apic_id.  -ENODEV if
 * there is no I/O APIC or pin for it, -EOPNOTSUPP for a level-triggered
 * line (a guest driver could not acknowledge it before it fired again).
 */
int ioapic_route_isa_irq(unsigned int irq, unsigned int vector, uint32_t apic_id);
void ioapic_mask_isa_irq(unsigned int irq);

#endif /* ARCH_IOAPIC_H */
