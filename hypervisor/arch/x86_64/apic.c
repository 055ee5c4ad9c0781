/* SPDX-License-Identifier: MIT */
/* Local APIC in xAPIC (MMIO) mode. */
#include <hv/console.h>
#include <hv/mm.h>
#include <hv/percpu.h>
#include <arch/apic.h>
#include <arch/time.h>
#include <arch/traps.h>
#include <arch/x86.h>

#define APIC_ID 0x20
#define APIC_TPR 0x80
#define APIC_EOI 0xb0
#define APIC_SVR 0xf0
#define APIC_ICR_LO 0x300
#define APIC_ICR_HI 0x310
#define APIC_LVT_TIMER 0x320
#define APIC_LVT_LINT0 0x350
#define APIC_LVT_LINT1 0x360
#define APIC_LVT_ERROR 0x370
#define APIC_TIMER_INIT 0x380
#define APIC_TIMER_CUR 0x390
#define APIC_TIMER_DIV 0x3e0

#define SVR_ENABLE 0x100
#define LVT_MASKED 0x10000
#define LVT_NMI 0x400
#define ICR_INIT 0x500
#define ICR_STARTUP 0x600
#define ICR_ASSERT 0x4000
#define ICR_BUSY 0x1000
#define TIMER_DIV_16 0x3

static volatile uint32_t *lapic;
static uint64_t apic_timer_hz;
static uint64_t ticks_per_ns_mult; /* ticks = (ns * mult) >> 32 */

static uint32_t lapic_read(unsigned int reg)
{
    return lapic[reg / 4];
}

static void lapic_write(unsigned int reg, uint32_t v)
{
    lapic[reg / 4] = v;
}

void lapic_map(void)
{
    paddr_t base = rdmsr(MSR_APIC_BASE) & ~0xfffULL;

    lapic = vmap_phys(base, PAGE_SIZE, MAP_MMIO);
    if (!lapic)
        panic("cannot map the local APIC");
}

void lapic_init_cpu(void)
{
    lapic_write(APIC_TPR, 0);
    lapic_write(APIC_SVR, SVR_ENABLE | VECTOR_SPURIOUS);
    lapic_write(APIC_LVT_LINT0, LVT_MASKED); /* no legacy PIC interrupts */
    lapic_write(APIC_LVT_LINT1, LVT_NMI);
    lapic_write(APIC_LVT_ERROR, LVT_MASKED);
    lapic_write(APIC_TIMER_DIV, TIMER_DIV_16);
    lapic_write(APIC_LVT_TIMER, VECTOR_TIMER); /* one-shot */
    lapic_write(APIC_TIMER_INIT, 0);
}

uint32_t lapic_id(void)
{
    return lapic_read(APIC_ID) >> 24;
}

void lapic_eoi(void)
{
    lapic_write(APIC_EOI, 0);
}

static void icr_send(uint32_t apic_id, uint32_t lo)
{
    lapic_write(APIC_ICR_HI, apic_id << 24);
    lapic_write(APIC_ICR_LO, lo);
    while (lapic_read(APIC_ICR_LO) & ICR_BUSY)
        cpu_relax();
}

void lapic_send_ipi(uint32_t apic_id, unsigned int vector)
{
    icr_send(apic_id, ICR_ASSERT | vector);
}

void lapic_start_cpu(uint32_t apic_id, uint32_t start_pa)
{
    icr_send(apic_id, ICR_INIT | ICR_ASSERT);
    udelay(10000);
    for (int i = 0; i < 2; i++) {
        icr_send(apic_id, ICR_STARTUP | (start_pa >> 12));
        udelay(200);
    }
}

void lapic_timer_calibrate(uint64_t window_tsc)
{
    uint64_t start = rdtsc();
    uint32_t ticks;

    lapic_write(APIC_TIMER_INIT, 0xffffffff);
    while (rdtsc() - start < window_tsc)
        cpu_relax();
    ticks = 0xffffffff - lapic_read(APIC_TIMER_CUR);
    lapic_write(APIC_TIMER_INIT, 0);
    apic_timer_hz = (uint64_t)ticks * tsc_hz() / window_tsc;
    if (apic_timer_hz >= (1ULL << 32))
        panic("APIC timer too fast to program: %lu Hz", (unsigned long)apic_timer_hz);
    ticks_per_ns_mult = (apic_timer_hz << 32) / 1000000000u;
    printk(XENLOG_INFO "APIC timer: %lu kHz\n", (unsigned long)(apic_timer_hz / 1000));
}

void lapic_timer_oneshot(uint64_t ns)
{
    unsigned __int128 ticks = ((unsigned __int128)ns * ticks_per_ns_mult) >> 32;

    if (ticks == 0)
        ticks = 1;
    if (ticks > 0xffffffffu)
        ticks = 0xffffffffu;
    lapic_write(APIC_TIMER_INIT, (uint32_t)ticks);
}

void lapic_timer_stop(void)
{
    lapic_write(APIC_TIMER_INIT, 0);
}

void arch_send_event_check(unsigned int cpu)
{
    lapic_send_ipi(cpu_data[cpu].arch.apic_id, VECTOR_EVENT_CHECK);
}
