/* SPDX-License-Identifier: MIT */
/*
 * Exceptions and interrupts.  A fault in hypervisor context is either a
 * guest-memory access with an exception-table fixup, or a bug: then the
 * registers and a symbolic backtrace are printed and the hypervisor panics.
 * A fault in guest context never harms the hypervisor (see guest.c).
 */
#include <hv/console.h>
#include <hv/extable.h>
#include <hv/livepatch.h>
#include <hv/passthrough.h>
#include <hv/percpu.h>
#include <hv/softirq.h>
#include <hv/symbols.h>
#include <arch/mm.h>
#include <arch/apic.h>
#include <arch/traps.h>
#include <arch/x86.h>

static const char *const names[32] = {
    "#DE divide error",
    "#DB debug",
    "NMI",
    "#BP breakpoint",
    "#OF overflow",
    "#BR bound range",
    "#UD invalid opcode",
    "#NM device not available",
    "#DF double fault",
    "coprocessor overrun",
    "#TS invalid TSS",
    "#NP segment not present",
    "#SS stack fault",
    "#GP general protection",
    "#PF page fault",
    "reserved 15",
    "#MF x87 error",
    "#AC alignment check",
    "#MC machine check",
    "#XM SIMD error",
    "#VE virtualization",
    "#CP control protection",
};

const char *exception_name(unsigned int vector)
{
    return vector < 32 && names[vector] ? names[vector] : "reserved";
}

static void print_symbol_line(const char *prefix, unsigned long addr)
{
    char sym[160];

    symbols_format(sym, sizeof(sym), addr);
    printk(XENLOG_ERR "%s[<%016lx>] %s\n", prefix, addr, sym);
}

extern const char boot_stack[], boot_stack_top[];

/* The bounds of the stack holding @sp: this CPU's, the boot stack, or an IST page. */
static void stack_bounds(unsigned long sp, unsigned long *lo, unsigned long *hi)
{
    const struct arch_cpu *a = &this_cpu()->arch;

    if (sp >= a->stack_bottom && sp < a->stack_top) {
        *lo = a->stack_bottom;
        *hi = a->stack_top;
    } else if (sp >= (unsigned long)boot_stack && sp < (unsigned long)boot_stack_top) {
        *lo = (unsigned long)boot_stack;
        *hi = (unsigned long)boot_stack_top;
    } else {
        *lo = sp;
        *hi = ROUNDUP(sp + 1, PAGE_SIZE);
    }
}

/* Walks the frame-pointer chain from @rbp, each frame above the last. */
static void backtrace_from(unsigned long rip, unsigned long rbp)
{
    unsigned long lo, hi;

    stack_bounds(rbp, &lo, &hi);
    printk(XENLOG_ERR "Backtrace:\n");
    print_symbol_line("   ", rip);
    for (int depth = 0; depth < 32; depth++) {
        const unsigned long *frame = (const unsigned long *)rbp;

        if (rbp < lo || rbp + 16 > hi || (rbp & 7))
            break;
        if (!frame[1])
            break;
        print_symbol_line("   ", frame[1]);
        if (frame[0] <= rbp)
            break;
        rbp = frame[0];
    }
}

void arch_dump_stack(void)
{
    const unsigned long *frame;

    __asm__ volatile("mov %%rbp, %0" : "=r"(frame));
    backtrace_from(frame[1], frame[0]); /* start at our caller */
}

static void show_registers(const struct cpu_regs *r)
{
    printk(XENLOG_ERR "rax: %016lx  rbx: %016lx  rcx: %016lx\n", r->rax, r->rbx, r->rcx);
    printk(XENLOG_ERR "rdx: %016lx  rsi: %016lx  rdi: %016lx\n", r->rdx, r->rsi, r->rdi);
    printk(XENLOG_ERR "rbp: %016lx  rsp: %016lx  r8:  %016lx\n", r->rbp, r->rsp, r->r8);
    printk(XENLOG_ERR "r9:  %016lx  r10: %016lx  r11: %016lx\n", r->r9, r->r10, r->r11);
    printk(XENLOG_ERR "r12: %016lx  r13: %016lx  r14: %016lx\n", r->r12, r->r13, r->r14);
    printk(XENLOG_ERR "r15: %016lx  rflags: %016lx  cs: %04lx  ss: %04lx\n", r->r15, r->rflags,
           r->cs, r->ss);
}

void show_guest_registers(const struct cpu_regs *regs, unsigned long cr2)
{
    printk(XENLOG_ERR "rip: %016lx  cr2: %016lx  error: %#x\n", regs->rip, cr2, regs->error_code);
    show_registers(regs);
}

static void report_trap(const char *what, const struct cpu_regs *regs, unsigned long cr2)
{
    printk(XENLOG_ERR "----[ %s on CPU%u ]----\n", what, arch_cpu_id());
    printk(XENLOG_ERR "%s, error code %#x\n", exception_name(regs->entry_vector), regs->error_code);
    print_symbol_line("RIP: ", regs->rip);
    printk(XENLOG_ERR "CR2: %016lx  CR3: %016lx  CR4: %016lx\n", cr2, read_cr3(), read_cr4());
    show_registers(regs);
    backtrace_from(regs->rip, regs->rbp);
}

__noreturn static void fatal_trap(const struct cpu_regs *regs, unsigned long cr2)
{
    console_force_unlock();
    report_trap("Hypervisor fault", regs, cr2);
    panic("fatal %s in hypervisor context", exception_name(regs->entry_vector));
}

/* A ud2 of BUG() or WARN(): report; a warning then carries on after it. */
static bool handle_bug_frame(struct cpu_regs *regs)
{
    const struct bug_frame *b = find_bug_frame(regs->rip);

    if (!b)
        return false;
    if (b->kind == BUG_KIND_WARN) {
        printk(XENLOG_ERR "Warning at %s:%u\n", bug_file(b), b->line);
        report_trap("Warning", regs, 0);
        regs->rip += ARCH_BUG_INSN_SIZE;
        return true;
    }
    console_force_unlock();
    printk(XENLOG_ERR "BUG at %s:%u\n", bug_file(b), b->line);
    report_trap("Hypervisor BUG", regs, 0);
    panic("BUG at %s:%u", bug_file(b), b->line);
}

static void hypervisor_exception(struct cpu_regs *regs, unsigned long cr2)
{
    unsigned long fixup = search_exception_tables(regs->rip);

    if (regs->entry_vector == 6 && handle_bug_frame(regs))
        return;
    /* Only faults on guest addresses may be fixed up; others are bugs. */
    if (fixup && regs->entry_vector == 14 && cr2 < GUEST_VA_END) {
        regs->rip = fixup;
        return;
    }
    fatal_trap(regs, cr2);
}

void do_irq(unsigned int vector)
{
    switch (vector) {
    case VECTOR_TIMER:
        lapic_eoi();
        raise_softirq(SOFTIRQ_TIMER);
        break;
    case VECTOR_EVENT_CHECK:
        lapic_eoi(); /* the softirq bits were set by the sender */
        break;
    case VECTOR_FLUSH_TLB:
        lapic_eoi();
        tlb_flush_ipi();
        break;
    case VECTOR_STOP:
        lapic_eoi();
        arch_halt_cpu();
    case VECTOR_SPURIOUS:
        break;
    case VECTOR_DEVICE_BASE ... VECTOR_DEVICE_BASE + NR_DEVICE_IRQS - 1:
        lapic_eoi();
        passthrough_irq_raised(vector - VECTOR_DEVICE_BASE);
        break;
    default:
        lapic_eoi();
        printk(XENLOG_WARNING "CPU%u: unexpected interrupt vector %#x\n", arch_cpu_id(), vector);
        break;
    }
}

void do_entry(struct cpu_regs *regs)
{
    unsigned int vector = regs->entry_vector;
    unsigned long cr2 = vector == 14 ? read_cr2() : 0;

    if (vector >= 32)
        do_irq(vector);
    else if (vector == 2 || vector == 8 || vector == 18)
        fatal_trap(regs, cr2);
    else if (guest_mode(regs))
        guest_exception(regs, cr2);
    else
        hypervisor_exception(regs, cr2);
}

void arch_halt_cpu(void)
{
    for (;;)
        __asm__ volatile("cli; hlt");
}
