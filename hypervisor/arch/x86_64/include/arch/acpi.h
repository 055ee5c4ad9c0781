/* SPDX-License-Identifier: MIT */
/* The few ACPI facts the hypervisor needs: CPUs and the power-off port. */
#ifndef ARCH_ACPI_H
#define ARCH_ACPI_H

#include <stdint.h>
#include <hv/arch.h>

struct acpi_facts {
    unsigned int nr_cpus;
    uint32_t apic_ids[NR_CPUS]; /* enabled CPUs, boot CPU included */
    uint16_t pm1a_cnt;          /* 0 if unknown */
};

/* Reads the MADT and FADT once; false if no usable ACPI tables were found. */
bool acpi_init(void);
/* The facts read by acpi_init (all zero if none). */
const struct acpi_facts *acpi_facts(void);

#endif /* ARCH_ACPI_H */
