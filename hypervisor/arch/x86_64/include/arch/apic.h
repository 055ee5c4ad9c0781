/* SPDX-License-Identifier: MIT */
/* The local APIC: interrupts, IPIs and the per-CPU timer. */
#ifndef ARCH_APIC_H
#define ARCH_APIC_H

#include <stdint.h>

/* Maps the local APIC (boot CPU, once) and enables it on this CPU. */
void lapic_map(void);
void lapic_init_cpu(void);
uint32_t lapic_id(void);
void lapic_eoi(void);
void lapic_send_ipi(uint32_t apic_id, unsigned int vector);
/* INIT then two start-up IPIs pointing at @start_pa. */
void lapic_start_cpu(uint32_t apic_id, uint32_t start_pa);
/* Measures the APIC timer against the TSC over a PIT-timed window. */
void lapic_timer_calibrate(uint64_t window_tsc);
void lapic_timer_oneshot(uint64_t ns);
void lapic_timer_stop(void);

#endif /* ARCH_APIC_H */
