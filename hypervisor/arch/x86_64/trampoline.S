/* SPDX-License-Identifier: MIT */
/*
 * Start-up code for secondary CPUs.  smpboot.c copies it below 1 MiB and
 * fills in the page table, stack and CPU index; a SIPI starts the CPU in
 * real mode at its first byte.  It goes through protected mode to long mode
 * and jumps to start_secondary64 in the image.
 */
#include <arch/asm.h>
#include <arch/x86.h>

#define TRAMPOLINE_PA 0x8000
#define T(x) ((x) - trampoline_start + TRAMPOLINE_PA)

    .section .rodata.trampoline, "a", @progbits
    .code16
ENTRY(trampoline_start)
    cli
    cld
    xor     %ax, %ax
    mov     %ax, %ds
    lgdtl   T(tramp_gdt_desc)
    mov     %cr0, %eax
    or      $X86_CR0_PE, %eax
    mov     %eax, %cr0
    ljmpl   $0x08, $T(tramp32)

    .code32
tramp32:
    mov     $0x10, %ax
    mov     %ax, %ds
    mov     %ax, %es
    mov     %ax, %ss
    mov     %cr4, %eax
    or      $(X86_CR4_PAE | X86_CR4_PGE), %eax
    mov     %eax, %cr4
    mov     T(tramp_cr3), %eax
    mov     %eax, %cr3
    mov     $MSR_EFER, %ecx
    rdmsr
    or      $(EFER_LME | EFER_NXE | EFER_SCE), %eax
    wrmsr
    mov     $(X86_CR0_PE | X86_CR0_MP | X86_CR0_EM | X86_CR0_NE | X86_CR0_WP | X86_CR0_PG), %eax
    mov     %eax, %cr0
    ljmp    $0x18, $T(tramp64)

    .code64
tramp64:
    mov     T(tramp_stack), %rsp
    mov     T(tramp_cpu), %edi
    movabs  $start_secondary64, %rax
    jmp     *%rax

    .balign 8
tramp_gdt:
    .quad   0
    .quad   0x00cf9a000000ffff              /* 0x08: 32-bit code */
    .quad   0x00cf92000000ffff              /* 0x10: data */
    .quad   0x00af9a000000ffff              /* 0x18: 64-bit code */
tramp_gdt_end:
tramp_gdt_desc:
    .word   tramp_gdt_end - tramp_gdt - 1
    .long   T(tramp_gdt)

    .balign 8
    .globl  tramp_stack, tramp_cr3, tramp_cpu
tramp_stack:
    .quad   0
tramp_cr3:
    .long   0
tramp_cpu:
    .long   0
    .globl  trampoline_end
trampoline_end:
