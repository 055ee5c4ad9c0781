/* SPDX-License-Identifier: MIT */
/*
 * Paravirtual guests on x86_64: ring 3, long mode, their own page tables.
 *
 * Guest ABI (Xen's 64-bit PV conventions):
 * - entry with rsi = start_info, rsp = top of RAM, interrupts on;
 * - hypercalls by `syscall`, number in rax, arguments in rdi rsi rdx r10 r8,
 *   result in rax; rcx and r11 are clobbered;
 * - exceptions go to handlers registered with HYPERVISOR_set_trap_table:
 *   the guest stack (aligned down to 16) receives rcx, r11, [error code],
 *   rip, cs, rflags, rsp, ss, lowest first; handlers return with
 *   HYPERVISOR_iret and a struct iret_context.  A guest without a handler
 *   for an exception is killed with a report; nothing else is affected.
 *   (Xen passes the #PF address in shared_info; ours is one read-only page
 *   for all guests, holding only time, so the bounce frame carries no CR2.)
 * - x87/MMX/SSE are disabled (CR0.EM, no CR4.OSFXSR): no FPU state to
 *   leak between guests.  Guests are built with general registers only.
 */
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/guest_access.h>
#include <hv/hypercall.h>
#include <hv/lib.h>
#include <hv/percpu.h>
#include <arch/mm.h>
#include <arch/passthrough.h>
#include <arch/traps.h>
#include <arch/x86.h>
#include <public/xen.h>

/* Flags a guest may set through HYPERVISOR_iret. */
#define GUEST_RFLAGS_MASK 0x240dd5UL /* CF PF AF ZF SF TF DF OF AC ID */

size_t raw_copy_guest(void *dst, const void *src, size_t len);

static bool guest_range_ok(uint64_t addr, size_t len)
{
    return addr < GUEST_VA_END && len <= GUEST_VA_END - addr;
}

size_t arch_copy_from_guest(void *dst, uint64_t gaddr, size_t len)
{
    if (!len)
        return 0;
    if (!guest_range_ok(gaddr, len))
        return len;
    return raw_copy_guest(dst, (const void *)(uintptr_t)gaddr, len);
}

size_t arch_copy_to_guest(uint64_t gaddr, const void *src, size_t len)
{
    if (!len)
        return 0;
    if (!guest_range_ok(gaddr, len))
        return len;
    return raw_copy_guest((void *)(uintptr_t)gaddr, src, len);
}

bool arch_guest_elf_machine_ok(unsigned int machine, unsigned int elf_class)
{
    return machine == 62 /* EM_X86_64 */ && elf_class == 2 /* ELFCLASS64 */;
}

void arch_vcpu_init_entry(struct vcpu *v, unsigned long entry, unsigned long stack,
                          unsigned long arg)
{
    struct cpu_regs *r = &v->arch.regs;

    memset(r, 0, sizeof(*r));
    r->rip = entry;
    r->rsp = stack;
    r->rsi = arg;
    r->cs = USER_CS;
    r->ss = USER_DS;
    r->rflags = X86_EFLAGS_IF | X86_EFLAGS_MBS;
    v->arch.ds = v->arch.es = v->arch.fs = v->arch.gs = 0;
}

static struct cpu_regs *guest_frame(void)
{
    return (struct cpu_regs *)(this_cpu()->arch.guest_regs_end - sizeof(struct cpu_regs));
}

static void save_segments(struct arch_vcpu *a)
{
    __asm__ volatile("mov %%ds, %0; mov %%es, %1; mov %%fs, %2; mov %%gs, %3"
                     : "=r"(a->ds), "=r"(a->es), "=r"(a->fs), "=r"(a->gs));
}

/* gs is loaded between swapgs pairs so the hypervisor's GS base survives. */
static void load_segments(const struct arch_vcpu *a)
{
    __asm__ volatile(
        "mov %0, %%ds; mov %1, %%es; mov %2, %%fs; swapgs; mov %3, %%gs; swapgs" ::"r"(a->ds),
        "r"(a->es), "r"(a->fs), "r"(a->gs));
}

void arch_context_switch(struct vcpu *prev, struct vcpu *next)
{
    struct cpu_regs *frame = guest_frame();

    ioports_switch(prev->domain, next->domain);
    if (!is_idle_vcpu(prev)) {
        prev->arch.regs = *frame;
        save_segments(&prev->arch);
    }
    if (is_idle_vcpu(next)) {
        write_cr3(idle_pml4_pa);
        return;
    }
    *frame = next->arch.regs;
    load_segments(&next->arch);
    write_cr3(next->domain->arch.pml4);
}

static bool guest_address_ok(uint64_t a)
{
    return a < GUEST_VA_END;
}

/* HYPERVISOR_iret: return from a guest exception handler. */
static void do_iret(struct cpu_regs *regs)
{
    struct iret_context ctx;

    if (copy_from_guest(&ctx, guest_ptr(regs->rsp), sizeof(ctx)) || !guest_address_ok(ctx.rip) ||
        !guest_address_ok(ctx.rsp)) {
        domain_crash(current->domain, "bad HYPERVISOR_iret frame");
        return;
    }
    regs->rax = ctx.rax;
    regs->rip = ctx.rip;
    regs->rsp = ctx.rsp;
    regs->rflags = (ctx.rflags & GUEST_RFLAGS_MASK) | X86_EFLAGS_IF | X86_EFLAGS_MBS;
    regs->cs = USER_CS;
    regs->ss = USER_DS;
    if (ctx.flags & VGCF_in_syscall) {
        regs->r11 = regs->rflags;
        regs->rcx = regs->rip;
    } else {
        regs->r11 = ctx.r11;
        regs->rcx = ctx.rcx;
    }
}

static long do_set_trap_table(guest_ptr_t traps)
{
    struct guest_trap *table = current->arch.traps;

    if (guest_ptr_is_null(traps)) {
        memset(table, 0, sizeof(current->arch.traps));
        return 0;
    }
    for (size_t i = 0; i < 256; i++) {
        struct trap_info ti;

        if (copy_from_guest_elem(&ti, traps, i, sizeof(ti)))
            return -EFAULT;
        if (!ti.address)
            return 0;
        if (ti.vector >= NR_GUEST_TRAPS || !guest_address_ok(ti.address))
            return -EINVAL;
        table[ti.vector] = (struct guest_trap){ ti.address, ti.flags };
    }
    return -E2BIG;
}

long arch_do_hypercall(unsigned long nr, const unsigned long args[HYPERCALL_MAX_ARGS])
{
    switch (nr) {
    case __HYPERVISOR_set_trap_table:
        return do_set_trap_table(guest_ptr(args[0]));
    default:
        return -ENOSYS;
    }
}

void do_guest_hypercall(struct cpu_regs *regs);
void do_guest_hypercall(struct cpu_regs *regs)
{
    unsigned long args[HYPERCALL_MAX_ARGS] = { regs->rdi, regs->rsi, regs->rdx, regs->r10,
                                               regs->r8 };

    if (regs->rax == __HYPERVISOR_iret)
        do_iret(regs);
    else
        regs->rax = (uint64_t)hypercall_dispatch(regs->rax, args);
}

static bool has_error_code(unsigned int vector)
{
    return vector == 8 || (vector >= 10 && vector <= 14) || vector == 17 || vector == 21;
}

/* Builds the bounce frame on the guest stack; false if the stack is bad. */
static bool bounce_to_guest(struct cpu_regs *regs, const struct guest_trap *t)
{
    uint64_t frame[8];
    unsigned int n = 0;
    uint64_t sp = (regs->rsp & ~0xfUL);

    frame[n++] = regs->rcx;
    frame[n++] = regs->r11;
    if (has_error_code(regs->entry_vector))
        frame[n++] = regs->error_code;
    frame[n++] = regs->rip;
    frame[n++] = regs->cs;
    frame[n++] = regs->rflags;
    frame[n++] = regs->rsp;
    frame[n++] = regs->ss;
    sp -= n * sizeof(uint64_t);
    if (sp >= regs->rsp || copy_to_guest(guest_ptr(sp), frame, n * sizeof(uint64_t)))
        return false;
    regs->rsp = sp;
    regs->rip = t->address;
    regs->rflags &= ~(X86_EFLAGS_TF | X86_EFLAGS_NT | X86_EFLAGS_RF);
    return true;
}

void guest_exception(struct cpu_regs *regs, unsigned long cr2)
{
    struct vcpu *v = current;
    unsigned int vector = regs->entry_vector;
    char why[96];

    if (vector < NR_GUEST_TRAPS && v->arch.traps[vector].address &&
        bounce_to_guest(regs, &v->arch.traps[vector]))
        return;
    printk(XENLOG_ERR "d%uv%u: unhandled %s in guest\n", v->domain->domid, v->vcpu_id,
           exception_name(vector));
    show_guest_registers(regs, cr2);
    snprintf(why, sizeof(why), "unhandled %s at %#lx", exception_name(vector),
             (unsigned long)regs->rip);
    domain_crash(v->domain, why);
}
