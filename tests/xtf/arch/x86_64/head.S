/* SPDX-License-Identifier: MIT */
/* Guest entry: rsi = start_info.  Switch to our own stack and go to C. */
    .section .text.head, "ax", @progbits
    .globl _start
_start:
    lea     stack_top(%rip), %rsp
    mov     %rsi, %rdi
    xor     %ebp, %ebp
    call    xtf_main
    ud2

    .bss
    .balign 16
stack:
    .skip   16384
stack_top:
