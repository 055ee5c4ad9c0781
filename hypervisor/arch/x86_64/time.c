/* SPDX-License-Identifier: MIT */
/*
 * Time: the TSC, measured at boot against PIT channel 2 (whose 1.193182 MHz
 * QEMU keeps in step with real time), gives nanoseconds since boot; the
 * local APIC timer gives each CPU its one-shot interrupt.
 */
#include <hv/arch.h>
#include <hv/console.h>
#include <hv/timer.h>
#include <arch/apic.h>
#include <arch/time.h>
#include <arch/x86.h>

#define PIT_HZ 1193182u
#define CALIBRATE_MS 10

static uint64_t tsc_boot, tsc_rate, ns_mult; /* ns = (ticks * ns_mult) >> 32 */

uint64_t tsc_hz(void)
{
    return tsc_rate;
}

/* Counts TSC ticks while PIT channel 2 counts down CALIBRATE_MS. */
static uint64_t measure_pit_window(void)
{
    uint16_t count = PIT_HZ * CALIBRATE_MS / 1000;
    uint64_t start;

    outb(0x61, (uint8_t)((inb(0x61) & ~0x02) | 0x01)); /* gate on, speaker off */
    outb(0x43, 0xb0);                                  /* ch 2, lo/hi, mode 0 */
    outb(0x42, (uint8_t)count);
    outb(0x42, (uint8_t)(count >> 8));
    start = rdtsc();
    while (!(inb(0x61) & 0x20))
        cpu_relax();
    return rdtsc() - start;
}

void time_calibrate(void)
{
    uint64_t window = measure_pit_window();

    tsc_rate = window * 1000 / CALIBRATE_MS;
    ns_mult = (uint64_t)(((unsigned __int128)1000000000u << 32) / tsc_rate);
    tsc_boot = rdtsc();
    printk(XENLOG_INFO "TSC: %lu kHz\n", (unsigned long)(tsc_rate / 1000));
    lapic_timer_calibrate(window);
}

uint64_t arch_now_ns(void)
{
    if (!ns_mult)
        return 0;
    return (uint64_t)(((unsigned __int128)(rdtsc() - tsc_boot) * ns_mult) >> 32);
}

void time_guest_scale(uint64_t *tsc_base, uint32_t *mul, int8_t *shift)
{
    uint64_t m = ns_mult;
    int8_t s = 0;

    /* A TSC slower than 1 GHz needs more than 32 bits of multiplier. */
    while (m > UINT32_MAX) {
        m >>= 1;
        s++;
    }
    *tsc_base = tsc_boot;
    *mul = (uint32_t)m;
    *shift = s;
}

unsigned int arch_cpu_khz(void)
{
    return (unsigned int)(tsc_rate / 1000);
}

void udelay(unsigned long us)
{
    uint64_t start = rdtsc(), ticks = tsc_rate * us / 1000000u;

    while (rdtsc() - start < ticks)
        cpu_relax();
}

void arch_timer_program(uint64_t deadline_ns)
{
    uint64_t now;

    if (!deadline_ns) {
        lapic_timer_stop();
        return;
    }
    now = arch_now_ns();
    lapic_timer_oneshot(deadline_ns > now ? deadline_ns - now : 0);
}
