/* SPDX-License-Identifier: MIT */
/*
 * size_t raw_copy_guest(void *dst, const void *src, size_t len)
 *
 * Copies to or from guest memory with SMAP opened only for the copy.  A
 * fault on a guest page resumes at the fixup through the exception table;
 * the return value is the number of bytes NOT copied (0 on success).  The
 * callers check that the guest side lies below GUEST_VA_END.
 */
#include <arch/asm.h>

    .text
ENTRY(raw_copy_guest)
    mov     %rdx, %rcx
    stac
.Lcopy:
    rep movsb
    clac
    mov     %rcx, %rax
    ret
.Lfault:
    clac
    mov     %rcx, %rax
    ret
END(raw_copy_guest)

    .section .ex_table, "a"
    .balign 4
    .long   .Lcopy - .
    .long   .Lfault - .
