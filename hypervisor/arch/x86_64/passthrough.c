/* SPDX-License-Identifier: MIT */
/*
 * Device passthrough, the x86 side: I/O ports and ISA interrupt lines.
 *
 * Guests run in ring 3 with IOPL 0, so the CPU checks each in/out against
 * the I/O bitmap in the TSS.  Every CPU's bitmap denies all ports; a
 * context switch closes the outgoing domain's ranges and opens the
 * incoming one's.  Ports of the hypervisor's own devices and those that
 * can reset the machine are never granted, and no port goes to two
 * domains.  An ISA line is routed through the I/O APIC to its own vector
 * on the boot CPU; common code turns it into a notification.
 *
 * Locking: grants are made before their domain first runs and dropped
 * after it last ran, under grants_lock; context switches read the table
 * without the lock, and only their own domains' entries matter to them.
 */
#include <hv/domain.h>
#include <hv/errno.h>
#include <hv/passthrough.h>
#include <hv/percpu.h>
#include <arch/acpi.h>
#include <arch/desc.h>
#include <arch/ioapic.h>
#include <arch/passthrough.h>
#include <arch/platform.h>
#include <arch/traps.h>

#define MAX_IOPORT_GRANTS 8
#define UART_PORTS 8
#define PM1_CNT_PORTS 2

struct port_range {
    uint16_t first, last;
};

struct ioport_grant {
    const struct domain *d; /* NULL: a free slot */
    struct port_range ports;
};

static struct ioport_grant grants[MAX_IOPORT_GRANTS];
static spinlock_t grants_lock = SPIN_LOCK_UNLOCKED;

static const struct port_range fixed_hypervisor_ports[] = {
    { 0x20, 0x21 },   /* interrupt controller */
    { 0x40, 0x43 },   /* PIT */
    { 0x60, 0x64 },   /* PIT gate, and the keyboard controller's reset */
    { 0x70, 0x71 },   /* RTC index with the NMI mask */
    { 0x92, 0x92 },   /* system control port A: fast reset */
    { 0xa0, 0xa1 },   /* second interrupt controller */
    { 0xcf8, 0xcff }, /* PCI configuration and reset control */
};

static bool overlap(struct port_range a, unsigned int first, unsigned int last)
{
    return first <= a.last && a.first <= last;
}

static bool hypervisor_port(unsigned int first, unsigned int last)
{
    const struct port_range own[] = {
        { platform.uart_port, (uint16_t)(platform.uart_port + UART_PORTS - 1) },
        { platform.reset_port, platform.reset_port },
        { acpi_facts()->pm1a_cnt, (uint16_t)(acpi_facts()->pm1a_cnt + PM1_CNT_PORTS - 1) },
    };

    for (unsigned int i = 0; i < ARRAY_SIZE(fixed_hypervisor_ports); i++)
        if (overlap(fixed_hypervisor_ports[i], first, last))
            return true;
    for (unsigned int i = 0; i < ARRAY_SIZE(own); i++)
        if ((own[i].first || own[i].last) && overlap(own[i], first, last))
            return true;
    return false;
}

int arch_domain_permit_ioports(struct domain *d, unsigned int first, unsigned int last)
{
    struct ioport_grant *slot = NULL;
    int rc = 0;

    if (first > last || last > 0xffff)
        return -EINVAL;
    if (hypervisor_port(first, last))
        return -EPERM;
    spin_lock(&grants_lock);
    for (unsigned int i = 0; i < MAX_IOPORT_GRANTS && !rc; i++) {
        if (!grants[i].d)
            slot = slot ? slot : &grants[i];
        else if (overlap(grants[i].ports, first, last))
            rc = -EBUSY;
    }
    if (!rc && !slot)
        rc = -ENOSPC;
    if (!rc)
        *slot = (struct ioport_grant){ d, { (uint16_t)first, (uint16_t)last } };
    spin_unlock(&grants_lock);
    return rc;
}

void ioports_release(const struct domain *d)
{
    spin_lock(&grants_lock);
    for (unsigned int i = 0; i < MAX_IOPORT_GRANTS; i++)
        if (grants[i].d == d)
            grants[i].d = NULL;
    spin_unlock(&grants_lock);
}

static void set_ports(uint8_t *bitmap, struct port_range r, bool allow)
{
    for (unsigned int port = r.first; port <= r.last; port++) {
        uint8_t bit = (uint8_t)(1u << (port % 8));

        bitmap[port / 8] = allow ? bitmap[port / 8] & ~bit : bitmap[port / 8] | bit;
    }
}

void ioports_switch(const struct domain *prev, const struct domain *next)
{
    uint8_t *bitmap = this_cpu()->arch.tss->io_bitmap;

    if (prev == next)
        return;
    for (unsigned int i = 0; i < MAX_IOPORT_GRANTS; i++) {
        const struct domain *owner = READ_ONCE(grants[i].d);

        if (owner && owner == prev)
            set_ports(bitmap, grants[i].ports, false);
    }
    for (unsigned int i = 0; i < MAX_IOPORT_GRANTS; i++) {
        const struct domain *owner = READ_ONCE(grants[i].d);

        if (owner && owner == next)
            set_ports(bitmap, grants[i].ports, true);
    }
}

int arch_device_irq_enable(unsigned int irq)
{
    if (irq >= NR_DEVICE_IRQS)
        return -EINVAL;
    if (irq == 0 || irq == 2 || irq == platform.uart_irq) /* timer, cascade, console */
        return -EPERM;
    return ioapic_route_isa_irq(irq, VECTOR_DEVICE_BASE + irq, cpu_data[0].arch.apic_id);
}

void arch_device_irq_disable(unsigned int irq)
{
    ioapic_mask_isa_irq(irq);
}
