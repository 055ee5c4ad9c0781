/* SPDX-License-Identifier: MIT */
/*
 * GDT, TSS and IDT.
 *
 * GDT slots: 0x08 hypervisor code, 0x10 hypervisor data, 0x18 left null (it
 * would be the 32-bit user code segment: guests must not reach compat
 * mode), 0x20 user data, 0x28 user 64-bit code, 0x30 the TSS.  The TSS and
 * its I/O bitmap (passthrough.c opens ports in it) follow the GDT.
 */
#include <hv/console.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/percpu.h>
#include <arch/desc.h>
#include <arch/x86.h>

#define GDT_ENTRIES 8
#define GDT_AND_TSS_PAGES ((GDT_ENTRIES * 8 + sizeof(struct cpu_tss) + PAGE_SIZE - 1) / PAGE_SIZE)
#define GATE_INTERRUPT 0x8e00 /* present, DPL 0, 64-bit interrupt gate */
#define GATE_DPL3 0x6000

struct idt_gate {
    uint16_t offset_lo, selector, flags, offset_mid;
    uint32_t offset_hi, reserved;
};

struct desc_ptr {
    uint16_t limit;
    uint64_t base;
} __attribute__((packed));

_Static_assert(sizeof(struct tss64) == 104, "TSS layout");
_Static_assert(offsetof(struct cpu_tss, io_bitmap) == 104, "I/O bitmap follows the TSS");
_Static_assert(sizeof(struct idt_gate) == 16, "IDT gate layout");

static struct idt_gate idt[256] __aligned(16);
extern const char entry_stubs[];
extern const char syscall_entry[];

static void set_gate(unsigned int vec, unsigned int ist, unsigned int dpl3)
{
    unsigned long addr = (unsigned long)entry_stubs + vec * 16;

    idt[vec] = (struct idt_gate){
        .offset_lo = (uint16_t)addr,
        .selector = HV_CS,
        .flags = (uint16_t)(GATE_INTERRUPT | (dpl3 ? GATE_DPL3 : 0) | ist),
        .offset_mid = (uint16_t)(addr >> 16),
        .offset_hi = (uint32_t)(addr >> 32),
    };
}

void idt_init(void)
{
    for (unsigned int vec = 0; vec < 256; vec++)
        set_gate(vec, 0, 0);
    set_gate(3, 0, 1); /* int3 is allowed from guests */
    idt_load();
}

/* Arms the interrupt stacks once this CPU has a TSS. */
static void idt_enable_ist(void)
{
    idt[8].flags |= IST_DOUBLE_FAULT;
    idt[2].flags |= IST_NMI;
    idt[18].flags |= IST_MCE;
}

void idt_load(void)
{
    struct desc_ptr p = { sizeof(idt) - 1, (uint64_t)idt };

    __asm__ volatile("lidt %0" ::"m"(p));
}

void desc_prepare_cpu(unsigned int cpu)
{
    struct arch_cpu *a = &cpu_data[cpu].arch;
    uint64_t *gdt = alloc_xenheap_pages(GDT_AND_TSS_PAGES);
    struct cpu_tss *ctss = (struct cpu_tss *)(gdt + GDT_ENTRIES);
    struct tss64 *tss = &ctss->tss;
    unsigned long t = (unsigned long)ctss;
    char *stack = vmalloc_guarded(STACK_PAGES);

    if (!gdt || !stack)
        panic("out of memory preparing CPU %u", cpu);
    gdt[1] = 0x00af9a000000ffffULL; /* HV_CS */
    gdt[2] = 0x00cf92000000ffffULL; /* HV_DS */
    gdt[4] = 0x00cff2000000ffffULL; /* USER_DS */
    gdt[5] = 0x00affa000000ffffULL; /* USER_CS */
    gdt[6] =
        (sizeof(*ctss) - 1) | ((t & 0xffffff) << 16) | (0x89ULL << 40) | ((t >> 24 & 0xff) << 56);
    gdt[7] = t >> 32;
    memset(ctss->io_bitmap, 0xff, sizeof(ctss->io_bitmap));

    a->cpu_id = cpu;
    a->stack_bottom = (unsigned long)stack;
    a->stack_top = (unsigned long)stack + STACK_PAGES * PAGE_SIZE;
    a->guest_regs_end = a->stack_top;
    a->gdt = gdt;
    a->tss = ctss;
    tss->rsp[0] = a->guest_regs_end;
    tss->iomap_base = offsetof(struct cpu_tss, io_bitmap);
    for (unsigned int i = IST_DOUBLE_FAULT; i <= IST_MCE; i++) {
        char *ist = vmalloc_guarded(1);

        if (!ist)
            panic("out of memory preparing CPU %u", cpu);
        tss->ist[i - 1] = (uint64_t)ist + PAGE_SIZE;
    }
}

static void syscall_init(void)
{
    wrmsr(MSR_STAR, ((uint64_t)0x18 << 48) | ((uint64_t)HV_CS << 32));
    wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
    wrmsr(MSR_CSTAR, (uint64_t)syscall_entry);
    wrmsr(MSR_SFMASK, X86_EFLAGS_TF | X86_EFLAGS_IF | X86_EFLAGS_DF | X86_EFLAGS_NT |
                          X86_EFLAGS_AC | X86_EFLAGS_IOPL);
    wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

void desc_load_cpu(unsigned int cpu)
{
    struct arch_cpu *a = &cpu_data[cpu].arch;
    struct desc_ptr p = { GDT_ENTRIES * 8 - 1, (uint64_t)a->gdt };

    __asm__ volatile("lgdt %0\n\t"
                     "pushq %1\n\t"
                     "leaq 1f(%%rip), %%rax\n\t"
                     "pushq %%rax\n\t"
                     "lretq\n"
                     "1:\n\t"
                     "mov %2, %%ds\n\t"
                     "mov %2, %%es\n\t"
                     "mov %2, %%ss\n\t"
                     "ltr %w3"
                     :
                     : "m"(p), "i"(HV_CS), "r"(HV_DS), "r"(TSS_SEL)
                     : "rax", "memory");
    if (cpu == 0)
        idt_enable_ist();
    idt_load();
    syscall_init();
}
