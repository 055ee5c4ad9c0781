/* SPDX-License-Identifier: MIT */
/*
 * Starting the secondary CPUs with INIT/SIPI.  The trampoline runs from
 * low memory, so while CPUs start the idle page table also maps that page
 * at its own address; the mapping is removed once they are all up.
 */
#include <hv/console.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/percpu.h>
#include <hv/smp.h>
#include <arch/acpi.h>
#include <arch/apic.h>
#include <arch/time.h>
#include <arch/desc.h>
#include <arch/mm.h>
#include <arch/platform.h>
#include <arch/x86.h>

#define START_TIMEOUT_US 200000

extern const char trampoline_start[], trampoline_end[];
extern uint64_t tramp_stack;
extern uint32_t tramp_cr3, tramp_cpu;

void cpu_arch_setup(void); /* setup.c */
void start_secondary(unsigned int cpu);

/* The address of trampoline variable @var in its low-memory copy. */
static void *tramp_var(const void *var)
{
    return (char *)__va(platform.trampoline_pa) + ((const char *)var - trampoline_start);
}

static bool start_one(unsigned int cpu, uint32_t apic_id)
{
    uint64_t stack = cpu_data[cpu].arch.guest_regs_end - sizeof(struct cpu_regs);

    cpu_data[cpu].arch.apic_id = apic_id;
    *(uint64_t *)tramp_var(&tramp_stack) = stack;
    *(uint32_t *)tramp_var(&tramp_cpu) = cpu;
    lapic_start_cpu(apic_id, platform.trampoline_pa);
    for (unsigned int t = 0; t < START_TIMEOUT_US / 10; t++) {
        if (READ_ONCE(cpu_data[cpu].online))
            return true;
        udelay(10);
    }
    printk(XENLOG_ERR "CPU%u (APIC ID %u) did not start\n", cpu, apic_id);
    return false;
}

unsigned int arch_start_secondary_cpus(void)
{
    const struct acpi_facts *facts = acpi_facts();
    uint64_t *pml4 = __va(idle_pml4_pa);
    unsigned int cpu = 1;

    if (!facts->nr_cpus) {
        printk(XENLOG_WARNING "no ACPI MADT: running on the boot CPU only\n");
        return 1;
    }
    if (idle_pml4_pa >= (1ULL << 32))
        panic("idle page table above 4 GiB: secondary CPUs cannot load it");
    memcpy(__va(platform.trampoline_pa), trampoline_start,
           (size_t)(trampoline_end - trampoline_start));
    *(uint32_t *)tramp_var(&tramp_cr3) = (uint32_t)idle_pml4_pa;
    if (pt_map_page(pml4, platform.trampoline_pa, platform.trampoline_pa, PTE_P | PTE_RW,
                    PTE_P | PTE_RW))
        panic("cannot map the CPU start-up trampoline");

    for (unsigned int i = 0; i < facts->nr_cpus && cpu < NR_CPUS; i++) {
        if (facts->apic_ids[i] == cpu_data[0].arch.apic_id)
            continue;
        cpu_common_prepare(cpu);
        desc_prepare_cpu(cpu);
        if (start_one(cpu, facts->apic_ids[i]))
            cpu++;
    }
    pt_free_lower_half(pml4);
    flush_tlb_all_local();
    return num_online_cpus();
}

void start_secondary(unsigned int cpu)
{
    wrmsr(MSR_GS_BASE, (uint64_t)&cpu_data[cpu]);
    wrmsr(MSR_KERNEL_GS_BASE, 0);
    cpu_arch_setup();
    desc_load_cpu(cpu);
    lapic_init_cpu();
    cpu_common_start();
}
