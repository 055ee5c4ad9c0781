/* SPDX-License-Identifier: MIT */
/*
 * The legacy 8259 interrupt controllers.  The firmware leaves the PIT's
 * IRQ 0 unmasked and the boot CPU's LINT0 in ExtINT mode, so a timer tick
 * during boot would otherwise stay pending and surface as a bogus
 * interrupt once a guest first runs with interrupts on.  We move the PIC's
 * vectors away from the exception range (so a stray one is merely an
 * unexpected interrupt) and mask every line: the hypervisor uses only the
 * local APIC.
 */
#include <arch/x86.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define ICW1_INIT_ICW4 0x11
#define ICW4_8086 0x01

void i8259_disable(void);
void i8259_disable(void)
{
    outb(PIC1_CMD, ICW1_INIT_ICW4);
    outb(PIC2_CMD, ICW1_INIT_ICW4);
    outb(PIC1_DATA, 0x20); /* vectors 0x20-0x27 */
    outb(PIC2_DATA, 0x28); /* vectors 0x28-0x2f */
    outb(PIC1_DATA, 4);    /* slave on IRQ 2 */
    outb(PIC2_DATA, 2);
    outb(PIC1_DATA, ICW4_8086);
    outb(PIC2_DATA, ICW4_8086);
    outb(PIC1_DATA, 0xff);
    outb(PIC2_DATA, 0xff);
}
