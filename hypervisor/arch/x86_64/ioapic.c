/* SPDX-License-Identifier: MIT */
/*
 * The I/O APIC, reached through its index/data register pair.  Only ISA
 * lines are routed, each to a fixed vector on one CPU, physical
 * destination, with the polarity and trigger mode ACPI gives for it.
 * Locking: one CPU at a time programs it (boot, domain destruction under
 * the passthrough lock), so the register pair needs no lock of its own.
 */
#include <hv/console.h>
#include <hv/errno.h>
#include <hv/mm.h>
#include <arch/acpi.h>
#include <arch/ioapic.h>

#define IOREGSEL 0
#define IOWIN 4 /* in 32-bit words: byte offset 0x10 */
#define IOAPIC_VER 1
#define IOAPIC_REDIR(pin) (0x10 + 2 * (pin))

#define REDIR_ACTIVE_LOW (1u << 13)
#define REDIR_LEVEL (1u << 15)
#define REDIR_MASKED (1u << 16)

static volatile uint32_t *ioapic;
static unsigned int nr_pins;

static uint32_t ioapic_read(unsigned int reg)
{
    ioapic[IOREGSEL] = reg;
    return ioapic[IOWIN];
}

static void ioapic_write(unsigned int reg, uint32_t v)
{
    ioapic[IOREGSEL] = reg;
    ioapic[IOWIN] = v;
}

void ioapic_init(void)
{
    const struct acpi_facts *f = acpi_facts();

    if (!f->ioapic_base)
        return;
    ioapic = vmap_phys(f->ioapic_base, PAGE_SIZE, MAP_MMIO);
    if (!ioapic)
        panic("cannot map the I/O APIC");
    nr_pins = ((ioapic_read(IOAPIC_VER) >> 16) & 0xff) + 1;
    for (unsigned int pin = 0; pin < nr_pins; pin++)
        ioapic_write(IOAPIC_REDIR(pin), REDIR_MASKED);
}

/* The I/O APIC pin of ISA line @irq, or -ENODEV. */
static int isa_pin(unsigned int irq)
{
    const struct acpi_facts *f = acpi_facts();
    uint32_t gsi;

    if (!ioapic || irq >= NR_ISA_IRQS)
        return -ENODEV;
    gsi = f->isa[irq].gsi;
    if (gsi < f->ioapic_gsi_base || gsi - f->ioapic_gsi_base >= nr_pins)
        return -ENODEV;
    return (int)(gsi - f->ioapic_gsi_base);
}

int ioapic_route_isa_irq(unsigned int irq, unsigned int vector, uint32_t apic_id)
{
    const struct isa_irq_route *r;
    int pin = isa_pin(irq);

    if (pin < 0)
        return pin;
    r = &acpi_facts()->isa[irq];
    if (r->level)
        return -EOPNOTSUPP;
    ioapic_write(IOAPIC_REDIR(pin) + 1, apic_id << 24);
    ioapic_write(IOAPIC_REDIR(pin), vector | (r->active_low ? REDIR_ACTIVE_LOW : 0));
    return 0;
}

void ioapic_mask_isa_irq(unsigned int irq)
{
    int pin = isa_pin(irq);

    if (pin >= 0)
        ioapic_write(IOAPIC_REDIR(pin), REDIR_MASKED);
}
