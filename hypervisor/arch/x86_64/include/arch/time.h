/* SPDX-License-Identifier: MIT */
/* Time from the TSC (time.c). */
#ifndef ARCH_TIME_H
#define ARCH_TIME_H

#include <stdint.h>

/* Measures the TSC against the PIT, then calibrates the APIC timer. */
void time_calibrate(void);
/* TSC ticks per second, measured at boot. */
uint64_t tsc_hz(void);
/* Waits @us microseconds (TSC based, after calibration). */
void udelay(unsigned long us);
/*
 * The TSC to system-time scale in vcpu_time_info's terms: system time is
 * (((tsc - *tsc_base) << *shift) * *mul) >> 32 nanoseconds.
 */
void time_guest_scale(uint64_t *tsc_base, uint32_t *mul, int8_t *shift);

/* Fills the guests' shared_info time records (after time_calibrate). */
void shared_info_init(void);

#endif /* ARCH_TIME_H */
