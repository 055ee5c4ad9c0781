/* SPDX-License-Identifier: MIT */
/*
 * Entry into and exit from the hypervisor.
 *
 * Every entry builds a struct cpu_regs.  Entries from a guest land at the top
 * of the CPU's stack (TSS.RSP0 = guest_regs_end), so the guest frame always
 * sits at the same place and the scheduler swaps vCPUs by copying it.
 * Hypervisor context runs with interrupts off; they are only taken in guest
 * mode and while the idle loop halts.  Both exits to a guest pass through
 * return_to_guest, which runs pending softirqs first: that is the safe point
 * where no hypervisor stack frame is live.
 */
#include <arch/asm.h>
#include <arch/regs.h>
#include <arch/vcpu.h>
#include <arch/x86.h>

.macro SAVE_ALL
    push    %rdi
    push    %rsi
    push    %rdx
    push    %rcx
    push    %rax
    push    %r8
    push    %r9
    push    %r10
    push    %r11
    push    %rbx
    push    %rbp
    push    %r12
    push    %r13
    push    %r14
    push    %r15
.endm

.macro RESTORE_ALL
    pop     %r15
    pop     %r14
    pop     %r13
    pop     %r12
    pop     %rbp
    pop     %rbx
    pop     %r11
    pop     %r10
    pop     %r9
    pop     %r8
    pop     %rax
    pop     %rcx
    pop     %rdx
    pop     %rsi
    pop     %rdi
.endm

/* One 16-byte stub per vector: push a zero error code if the CPU does not. */
.macro ENTRY_STUB vec
    .balign 16
    .if !((\vec == 8) || ((\vec >= 10) && (\vec <= 14)) || (\vec == 17) || (\vec == 21) || (\vec == 29) || (\vec == 30))
    pushq   $0
    .endif
    movl    $\vec, 4(%rsp)
    jmp     handle_entry
.endm

    .text
    .balign 16
ENTRY(entry_stubs)
    .set    vec, 0
    .rept   256
    ENTRY_STUB vec
    .set    vec, vec + 1
    .endr
END(entry_stubs)

handle_entry:
    testb   $3, 16(%rsp)                    /* from a guest? */
    jz      1f
    swapgs
1:  SAVE_ALL
    clac
    cld
    mov     %rsp, %rdi
    call    do_entry
    testb   $3, REGS_CS(%rsp)
    jnz     return_to_guest
    RESTORE_ALL
    add     $8, %rsp
    iretq

/* Hypercalls: syscall from the guest, number in rax, args rdi rsi rdx r10 r8. */
ENTRY(syscall_entry)
    swapgs
    mov     %rsp, %gs:CPU_SCRATCH_RSP
    mov     %gs:CPU_GUEST_REGS_END, %rsp
    pushq   $USER_DS
    pushq   %gs:CPU_SCRATCH_RSP
    push    %r11                            /* rflags */
    pushq   $USER_CS
    push    %rcx                            /* rip */
    pushq   $0
    movl    $VECTOR_SYSCALL, 4(%rsp)
    SAVE_ALL
    cld
    mov     %rsp, %rdi
    call    do_guest_hypercall
    /* fall through */

ENTRY(return_to_guest)
    cli
    call    process_softirqs                /* may switch vCPU and not return */
    RESTORE_ALL
    add     $8, %rsp
    swapgs
    iretq

ENTRY(arch_reset_stack_and_resume_guest)
    mov     %gs:CPU_GUEST_REGS_END, %rsp
    sub     $REGS_SIZE, %rsp
    jmp     return_to_guest

ENTRY(arch_reset_stack_and_jump_idle)
    mov     %gs:CPU_GUEST_REGS_END, %rsp
    sub     $REGS_SIZE, %rsp
    xor     %ebp, %ebp                      /* ends backtraces */
    call    idle_loop
    ud2

/* Secondary CPUs arrive here from the trampoline with %edi = CPU index. */
ENTRY(start_secondary64)
    mov     $HV_DS, %eax
    mov     %eax, %ds
    mov     %eax, %es
    mov     %eax, %ss
    xor     %eax, %eax
    mov     %eax, %fs
    mov     %eax, %gs
    xor     %ebp, %ebp
    call    start_secondary
    ud2
