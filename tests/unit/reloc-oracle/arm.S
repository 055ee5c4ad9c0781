/* SPDX-License-Identifier: MIT */
/*
 * Every ARM relocation type the engine handles, as REL (the only form GNU
 * as writes for ARM), so each addend is read from the field: the branch
 * offsets with their -8 pipeline bias, MOVW/MOVT's signed 16-bit addend
 * (one whose borrow changes the MOVT half), PREL31 with bit 31 set.
 * LD-DEFSYM lines define the targets at link time, relative to the
 * relocated place where the type is PC-relative.
 *
 * LD-DEFSYM __aeabi_unwind_cpp_pr0=0x00100000
 */
	.syntax	unified
	.arm
	.text
	.globl	arm_text
	.type	arm_text, %function
arm_text:
	/* .ARM.exidx: PREL31 to here, NONE to the personality routine */
	.fnstart
	/* CALL, JUMP24, PC24: -2^25 <= S+A-P < 2^25, A = -8 from the field */
	.globl	call_max_site, call_min_site, jump_max_site, jump_min_site, pc24_site
call_max_site:	bl	call_max	/* LD-DEFSYM call_max=call_max_site+0x2000004 */
call_min_site:	bl	call_min	/* LD-DEFSYM call_min=call_min_site-0x1fffff8 */
jump_max_site:	b	jump_max	/* LD-DEFSYM jump_max=jump_max_site+0x2000004 */
jump_min_site:	bne	jump_min	/* LD-DEFSYM jump_min=jump_min_site-0x1fffff8 */
	/*
	 * Addends away from the ends: GNU ld picks veneers by the symbol
	 * alone and would put one here for call_min + 0x40.
	 */
	blne	call_max - 0x100
	bl	call_mid + 0x40	/* LD-DEFSYM call_mid=call_max_site-0x123400 */
pc24_site:	.reloc	., R_ARM_PC24, pc24_sym	/* LD-DEFSYM pc24_sym=pc24_site+0x123450 */
	b	.

	/* MOVW_ABS_NC, MOVT_ABS: S+A low/high half; A is the signed imm16 */
	movw	r0, #:lower16:mov_sym + 0x1234	/* LD-DEFSYM mov_sym=0x89abcdef */
	movt	r0, #:upper16:mov_sym + 0x1234
	movw	r1, #:lower16:mov_borrow - 0x10	/* LD-DEFSYM mov_borrow=0x12340008 */
	movt	r1, #:upper16:mov_borrow - 0x10
	movw	r2, #:lower16:arm_data + 4
	movt	r2, #:upper16:arm_data + 4

	/* MOVW_PREL_NC, MOVT_PREL: S+A-P low/high half */
	.globl	mov_prel_site
mov_prel_site:	movw	r3, #:lower16:mov_prel - .	/* LD-DEFSYM mov_prel=mov_prel_site-0x1234568 */
	movt	r3, #:upper16:mov_prel - .
	movw	r4, #:lower16:arm_data - . - 0x20
	movt	r4, #:upper16:arm_data - . - 0x20

	.reloc	., R_ARM_V4BX
	bx	lr
	.fnend
	.size	arm_text, . - arm_text

	.data
	.balign	4
	.globl	arm_data, rel32_site, prel31_max_site, prel31_min_site
arm_data:
	.word	abs_sym		/* ABS32; LD-DEFSYM abs_sym=0xfedcba98 */
	.word	abs_sym + 0x100
	.word	abs_sym - 4
	.word	arm_text + 8
	.word	t1_sym(target1)	/* TARGET1; LD-DEFSYM t1_sym=0x12345678 */
rel32_site:	.word	rel32_sym - .	/* REL32; LD-DEFSYM rel32_sym=rel32_site-0x80000000 */
	.word	arm_text - . + 0x20
	/* PREL31: -2^30 <= S+A-P < 2^30; bit 31 is kept */
prel31_max_site:	.reloc	., R_ARM_PREL31, prel31_max	/* LD-DEFSYM prel31_max=prel31_max_site+0x3fffffff */
	.word	0x80000000
prel31_min_site:	.reloc	., R_ARM_PREL31, prel31_min	/* LD-DEFSYM prel31_min=prel31_min_site-0x3ffffff0 */
	.word	0x7ffffff0	/* A = -16 */
	.reloc	., R_ARM_NONE, abs_sym
	.word	0x5a5a5a5a
