/* SPDX-License-Identifier: MIT */
/* The few ACPI facts the hypervisor needs: CPUs, the I/O APIC, the power-off port. */
#ifndef ARCH_ACPI_H
#define ARCH_ACPI_H

#include <stdbool.h>
#include <stdint.h>
#include <hv/arch.h>

#define NR_ISA_IRQS 16

/* Where an ISA interrupt arrives at the I/O APIC, and how it signals. */
struct isa_irq_route {
    uint32_t gsi;
    bool active_low, level; /* ISA default: edge, active high */
};

struct acpi_facts {
    unsigned int nr_cpus;
    uint32_t apic_ids[NR_CPUS]; /* enabled CPUs, boot CPU included */
    uint16_t pm1a_cnt;          /* 0 if unknown */
    uint64_t ioapic_base;       /* the first I/O APIC; 0 if none */
    uint32_t ioapic_gsi_base;
    struct isa_irq_route isa[NR_ISA_IRQS]; /* after interrupt source overrides */
};

/* Reads the MADT and FADT once; false if no usable ACPI tables were found. */
bool acpi_init(void);
/* The facts read by acpi_init (all zero if none). */
const struct acpi_facts *acpi_facts(void);

#endif /* ARCH_ACPI_H */
