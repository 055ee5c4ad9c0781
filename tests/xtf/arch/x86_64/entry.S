/* SPDX-License-Identifier: MIT */
/*
 * Exception entry for a PV guest.  The hypervisor leaves rcx, r11, an
 * error code (for some vectors), rip, cs, rflags, rsp and ss on our stack.
 * We pop rcx and r11 to get a native-looking frame, save the registers and
 * call do_trap(); we return with HYPERVISOR_iret and a struct iret_context
 * (rax, r11, rcx, flags, rip, cs, rflags, rsp, ss from the top).
 */
#define __HYPERVISOR_iret 23

.macro TRAP_STUB vec
    .balign 32
    pop     %rcx
    pop     %r11
    .if !((\vec == 8) || ((\vec >= 10) && (\vec <= 14)) || (\vec == 17) || (\vec == 21))
    pushq   $0
    .endif
    movl    $\vec, 4(%rsp)
    jmp     handle_trap
.endm

    .text
    .balign 32
    .globl  trap_stubs
trap_stubs:
    .set    vec, 0
    .rept   32
    TRAP_STUB vec
    .set    vec, vec + 1
    .endr

handle_trap:
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
    mov     %rsp, %rdi
    call    do_trap
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
    add     $8, %rsp                        /* error code and vector */
    pushq   $0                              /* iret_context.flags */
    push    %rcx
    push    %r11
    push    %rax
    mov     $__HYPERVISOR_iret, %eax
    syscall
    ud2
