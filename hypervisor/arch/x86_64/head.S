/* SPDX-License-Identifier: MIT */
/*
 * Boot entry.  QEMU's multiboot loader enters here in 32-bit protected mode
 * with paging off, EAX = multiboot magic and EBX = the multiboot info.  We
 * zero .bss, check for long mode, turn on paging with the boot page tables
 * (identity, direct map and image mappings of the first 1 GiB) and jump to
 * the image's virtual address.
 */
#include <arch/asm.h>
#include <arch/config.h>
#include <arch/x86.h>

#define MB_MAGIC 0x1badb002
#define MB_LOADER_MAGIC 0x2badb002
/* page-align modules, memory map, load addresses given below */
#define MB_FLAGS 0x00010003
#define PA(x) ((x) - XEN_VIRT_BASE)
#define COM1 0x3f8

    .section .text.head, "ax", @progbits
    .code32
ENTRY(start)
    jmp     start32

    .balign 4
multiboot_header:
    .long   MB_MAGIC
    .long   MB_FLAGS
    .long   -(MB_MAGIC + MB_FLAGS)
    .long   PA(multiboot_header)
    .long   PA(__image_start)
    .long   PA(__load_end)
    .long   PA(__bss_end)
    .long   PA(start32)

start32:
    cli
    cld
    cmp     $MB_LOADER_MAGIC, %eax
    jne     .Lnot_multiboot
    mov     %ebx, %esi                      /* keep the info pointer */

    mov     $PA(__bss_start), %edi
    mov     $PA(__bss_end), %ecx
    sub     %edi, %ecx
    xor     %eax, %eax
    rep stosb
    mov     %esi, PA(multiboot_info_pa)
    mov     $PA(boot_stack_top), %esp

    mov     $0x80000000, %eax
    cpuid
    cmp     $0x80000001, %eax
    jb      .Lno_long_mode
    mov     $0x80000001, %eax
    cpuid
    bt      $29, %edx
    jnc     .Lno_long_mode

    mov     %cr4, %eax
    or      $X86_CR4_PAE, %eax
    mov     %eax, %cr4
    mov     $PA(boot_pml4), %eax
    mov     %eax, %cr3
    mov     $MSR_EFER, %ecx
    rdmsr
    or      $EFER_LME, %eax
    wrmsr
    mov     $(X86_CR0_PE | X86_CR0_MP | X86_CR0_NE | X86_CR0_WP | X86_CR0_PG), %eax
    mov     %eax, %cr0
    lgdt    PA(boot_gdt_desc)
    ljmp    $HV_CS, $PA(start64_low)

.Lnot_multiboot:
    mov     $PA(msg_not_multiboot), %esi
    jmp     .Lfatal
.Lno_long_mode:
    mov     $PA(msg_no_long_mode), %esi
.Lfatal:                                    /* print %esi on COM1, then stop */
    mov     $COM1 + 5, %dx
1:  in      %dx, %al
    test    $0x20, %al
    jz      1b
    mov     $COM1, %dx
    lodsb
    test    %al, %al
    jz      2f
    out     %al, %dx
    jmp     .Lfatal
2:  hlt
    jmp     2b

    .code64
start64_low:
    movabs  $start64, %rax
    jmp     *%rax

msg_not_multiboot:
    .asciz  "Fatal: not started by a multiboot loader\r\n"
msg_no_long_mode:
    .asciz  "Fatal: this CPU has no 64-bit long mode\r\n"

    .balign 8
boot_gdt:
    .quad   0
    .quad   0x00af9a000000ffff              /* HV_CS: 64-bit code */
    .quad   0x00cf92000000ffff              /* HV_DS: data */
boot_gdt_end:
boot_gdt_desc:
    .word   boot_gdt_end - boot_gdt - 1
    .long   PA(boot_gdt)

    .text
start64:
    mov     $HV_DS, %eax
    mov     %eax, %ds
    mov     %eax, %es
    mov     %eax, %ss
    xor     %eax, %eax
    mov     %eax, %fs
    mov     %eax, %gs
    movabs  $boot_stack_top, %rsp
    mov     multiboot_info_pa(%rip), %edi
    call    __start_xen
    ud2

/* Boot page tables: 2 MiB pages mapping the first 1 GiB three times. */
    .section .data.page_aligned, "aw", @progbits
    .balign 4096
boot_pml4:
    .quad   PA(boot_pdpt_low) + 3            /* [0]   identity */
    .fill   261, 8, 0
    .quad   PA(boot_pdpt_directmap) + 3      /* [262] DIRECTMAP_BASE */
    .fill   248, 8, 0
    .quad   PA(boot_pdpt_high) + 3           /* [511] XEN_VIRT_BASE */
boot_pdpt_low:
boot_pdpt_directmap:
    .quad   PA(boot_pd) + 3
    .fill   511, 8, 0
boot_pdpt_high:
    .fill   510, 8, 0
    .quad   PA(boot_pd) + 3                  /* [510] */
    .quad   0
boot_pd:
    .set    i, 0
    .rept   512
    .quad   (i << 21) + 0x83                 /* present, writable, 2 MiB */
    .set    i, i + 1
    .endr

    .data
    .balign 8
multiboot_info_pa:
    .quad   0

    .section .bss.page_aligned, "aw", @nobits
    .balign 4096
    .globl  boot_stack, boot_stack_top
boot_stack:
    .skip   16384
boot_stack_top:
