/* SPDX-License-Identifier: MIT */
/*
 * Guest exception handling: the exception table turns expected faults into
 * exinfo values; anything else is a bug in the test and panics.
 */
#include <xtf.h>
#include <arch/io.h>
#include <arch/setup.h>

struct regs {
    uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
    uint64_t rax, rcx, rdx, rsi, rdi;
    uint32_t error_code, vector;
    uint64_t rip, cs, rflags, rsp, ss;
};

struct extable_entry {
    unsigned long fault, fixup;
};

extern const char trap_stubs[];
extern const struct extable_entry __start_xtf_extable[], __stop_xtf_extable[];

/* Where probe_exec() jumped to: a fault there returns to its caller. */
static volatile unsigned long exec_probe_target;

#define ASM_EXTABLE(fault, fixup)          \
    ".pushsection .xtf_extable, \"a\"\n\t" \
    ".balign 8\n\t"                        \
    ".quad " #fault ", " #fixup "\n\t"     \
    ".popsection\n\t"

void arch_setup(void)
{
    static struct trap_info traps[33];

    for (unsigned int v = 0; v < 32; v++)
        traps[v] = (struct trap_info){ .vector = (uint8_t)v,
                                       .flags = 3,
                                       .address = (unsigned long)trap_stubs + v * 32 };
    if (hypercall_raw(__HYPERVISOR_set_trap_table, (unsigned long)traps, 0, 0, 0, 0))
        panic("set_trap_table failed");
}

void do_trap(struct regs *r);
void do_trap(struct regs *r)
{
    exinfo_t ex = EXINFO(r->vector, r->error_code);

    for (const struct extable_entry *e = __start_xtf_extable; e < __stop_xtf_extable; e++) {
        if (e->fault == r->rip) {
            r->rax = ex;
            r->rip = e->fixup;
            return;
        }
    }
    if (exec_probe_target && r->rip == exec_probe_target) {
        r->rax = ex;
        r->rip = *(const uint64_t *)r->rsp; /* return address of the call */
        r->rsp += 8;
        return;
    }
    panic("Unhandled exception: vector %u, error %#x at %#lx (rsp %#lx)", r->vector, r->error_code,
          (unsigned long)r->rip, (unsigned long)r->rsp);
}

exinfo_t probe_read(unsigned long addr)
{
    exinfo_t ex = 0;

    __asm__ volatile("1: movb (%[ptr]), %%dl\n\t"
                     "2:\n\t" ASM_EXTABLE(1b, 2b)
                     : "+a"(ex)
                     : [ptr] "r"(addr)
                     : "rdx", "memory");
    return ex;
}

exinfo_t probe_write(unsigned long addr)
{
    exinfo_t ex = 0;

    __asm__ volatile("1: movb $0, (%[ptr])\n\t"
                     "2:\n\t" ASM_EXTABLE(1b, 2b)
                     : "+a"(ex)
                     : [ptr] "r"(addr)
                     : "memory");
    return ex;
}

/* The fault handler puts exinfo (bit 31 set) in rax; inb only fills %al. */
exinfo_t probe_inb(uint16_t port, uint8_t *val)
{
    uint32_t r = 0;

    __asm__ volatile("1: inb %w[port], %%al\n\t"
                     "2:\n\t" ASM_EXTABLE(1b, 2b)
                     : "+a"(r)
                     : [port] "d"(port)
                     : "memory");
    if (r & EXINFO_EXPECTED)
        return r;
    *val = (uint8_t)r;
    return 0;
}

exinfo_t probe_outb(uint16_t port, uint8_t val)
{
    exinfo_t ex = 0;

    __asm__ volatile("mov %[v], %%al\n\t"
                     "1: outb %%al, %w[port]\n\t"
                     "xor %%eax, %%eax\n\t"
                     "2:\n\t" ASM_EXTABLE(1b, 2b)
                     : "=&a"(ex)
                     : [port] "d"(port), [v] "r"(val)
                     : "memory");
    return ex;
}

exinfo_t probe_exec(unsigned long addr)
{
    exinfo_t ex = 0;

    exec_probe_target = addr;
    __asm__ volatile("call *%[target]"
                     : "+a"(ex)
                     : [target] "r"(addr)
                     : "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory");
    exec_probe_target = 0;
    return ex;
}

void arch_fault_on_bad_stack(void)
{
    __asm__ volatile("mov $0x10, %%rsp; ud2" ::: "memory");
    __builtin_unreachable();
}

void arch_iret_to_hypervisor(void)
{
    /* iret_context: rax r11 rcx flags rip cs rflags rsp ss */
    static const uint64_t frame[9] = { 0, 0, 0, 0, HYPERVISOR_TEXT_ADDR, 0, 0, 0, 0 };

    __asm__ volatile("mov %0, %%rsp; mov $23, %%eax; syscall" ::"r"(frame) : "memory");
    __builtin_unreachable();
}

bool arch_registers_survive_fault(void)
{
    unsigned long marker = 0x1122334455667788UL, after = marker;

    __asm__ volatile("push %%rbx\n\t"
                     "mov %0, %%rbx\n\t"
                     "xor %%edi, %%edi\n\t"
                     "call probe_read\n\t" /* faults: address 0 */
                     "mov %%rbx, %0\n\t"
                     "pop %%rbx"
                     : "+r"(after)
                     :
                     : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory");
    return after == marker;
}
