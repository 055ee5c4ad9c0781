/* SPDX-License-Identifier: MIT */
/*
 * x86_64 start of day: the C entry from head.S, CPU feature setup, the
 * platform (ACPI, local APIC, clock) and machine power control.
 */
#include <hv/bootinfo.h>
#include <hv/console.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/percpu.h>
#include <hv/softirq.h>
#include <arch/acpi.h>
#include <arch/apic.h>
#include <arch/time.h>
#include <arch/desc.h>
#include <arch/ioapic.h>
#include <arch/platform.h>
#include <arch/traps.h>
#include <arch/x86.h>

#define CPUID7_EBX_SMEP (1u << 7)
#define CPUID7_EBX_SMAP (1u << 20)
#define CPUID7_ECX_UMIP (1u << 2)
#define CPUID_EXT_EDX_NX (1u << 20)

void ns16550_init(void);
void i8259_disable(void);
void multiboot_parse(unsigned long mbi_pa, struct boot_info *bi);
void __start_xen(unsigned long mbi_pa);
void cpu_arch_setup(void);

static bool have_umip;

unsigned int arch_cpu_id(void)
{
    unsigned int id;

    __asm__ volatile("movl %%gs:%c1, %0" : "=r"(id) : "i"(CPU_ID));
    return id;
}

/* Checks the features the hypervisor relies on, once, on the boot CPU. */
static void check_cpu_features(void)
{
    uint32_t a, b, c, d, max;

    cpuid(0, 0, &max, &b, &c, &d);
    cpuid(0x80000001, 0, &a, &b, &c, &d);
    if (!(d & CPUID_EXT_EDX_NX))
        panic("the CPU lacks NX; run QEMU with -cpu max");
    b = c = 0;
    if (max >= 7)
        cpuid(7, 0, &a, &b, &c, &d);
    if (!(b & CPUID7_EBX_SMEP) || !(b & CPUID7_EBX_SMAP))
        panic("the CPU lacks SMEP/SMAP, which isolate guests; run QEMU with -cpu max");
    have_umip = c & CPUID7_ECX_UMIP;
}

/* Control registers every CPU needs: W^X, SMEP/SMAP, no FPU for anyone. */
void cpu_arch_setup(void)
{
    unsigned long cr4 = read_cr4() | X86_CR4_PGE | X86_CR4_SMEP | X86_CR4_SMAP;

    if (have_umip)
        cr4 |= X86_CR4_UMIP; /* guests cannot read the GDT/IDT addresses */
    wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE | EFER_SCE);
    write_cr4(cr4);
    write_cr0((read_cr0() | X86_CR0_EM | X86_CR0_MP) & ~X86_CR0_TS);
}

void __start_xen(unsigned long mbi_pa)
{
    static struct boot_info bi;

    wrmsr(MSR_GS_BASE, (uint64_t)&cpu_data[0]);
    wrmsr(MSR_KERNEL_GS_BASE, 0);
    ns16550_init();
    i8259_disable();
    idt_init();
    multiboot_parse(mbi_pa, &bi);
    console_init(bi.cmdline);
    check_cpu_features();
    cpu_arch_setup();
    start_hypervisor(&bi);
}

void arch_platform_init(void)
{
    desc_prepare_cpu(0);
    desc_load_cpu(0);
    if (!acpi_init())
        printk(XENLOG_WARNING "no usable ACPI tables\n");
    lapic_map();
    ioapic_init();
    cpu_data[0].arch.apic_id = lapic_id();
    lapic_init_cpu();
    time_calibrate();
    shared_info_init();
    printk(XENLOG_INFO "Platform: %s, %s%s\n", platform.name, "NX SMEP SMAP",
           have_umip ? " UMIP" : "");
}

void arch_idle(void)
{
    __asm__ volatile("cli" ::: "memory");
    if (!softirq_pending(arch_cpu_id()))
        __asm__ volatile("sti; hlt" ::: "memory"); /* sti shadow: no lost wakeup */
    __asm__ volatile("cli" ::: "memory");
}

void arch_stop_other_cpus(void)
{
    unsigned int me = arch_cpu_id();

    for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
        if (cpu != me && READ_ONCE(cpu_data[cpu].online))
            lapic_send_ipi(cpu_data[cpu].arch.apic_id, VECTOR_STOP);
}

void arch_poweroff(void)
{
    uint16_t port = acpi_facts()->pm1a_cnt;

    arch_stop_other_cpus();
    if (port) {
        outw(port, (uint16_t)((platform.s5_sleep_type << 10) | (1u << 13)));
        udelay(500000); /* the machine acts on the write asynchronously */
    }
    printk(XENLOG_ERR "power-off failed: halting\n");
    arch_halt_cpu();
}

void arch_reboot(void)
{
    arch_stop_other_cpus();
    outb(platform.reset_port, 0x02);
    outb(platform.reset_port, platform.reset_value);
    udelay(500000);
    printk(XENLOG_ERR "reset failed: halting\n");
    arch_halt_cpu();
}
