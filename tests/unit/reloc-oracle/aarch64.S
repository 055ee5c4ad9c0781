/* SPDX-License-Identifier: MIT */
/*
 * Every AArch64 relocation type the engine handles, most at both ends of
 * their range (and MOVW_SABS/PREL on both signs, to switch MOVZ and MOVN
 * both ways).  LD-DEFSYM lines define the targets at link time, relative
 * to the relocated place where the type is PC-relative.
 */
	.text
	.globl	a64_text
a64_text:
	/* CALL26, JUMP26: -2^27 <= S+A-P < 2^27 */
	.globl	call_max_site, call_min_site, jump_max_site, jump_min_site
call_max_site:	bl	call_max	/* LD-DEFSYM call_max=call_max_site+0x7fffffc */
call_min_site:	bl	call_min	/* LD-DEFSYM call_min=call_min_site-0x8000000 */
jump_max_site:	b	jump_max	/* LD-DEFSYM jump_max=jump_max_site+0x7fffffc */
jump_min_site:	b	jump_min	/* LD-DEFSYM jump_min=jump_min_site-0x8000000 */
	bl	call_max - 0x100
	b	local_target

	/* CONDBR19: -2^20 <= S+A-P < 2^20 */
	.globl	cond_max_site, cond_min_site
cond_max_site:	b.ne	cond_max	/* LD-DEFSYM cond_max=cond_max_site+0xffffc */
cond_min_site:	cbz	x3, cond_min	/* LD-DEFSYM cond_min=cond_min_site-0x100000 */
	cbnz	w4, cond_max - 0x40
	b.hs	local_target

	/* TSTBR14: -2^15 <= S+A-P < 2^15 */
	.globl	tb_max_site, tb_min_site
tb_max_site:	tbz	x5, #63, tb_max	/* LD-DEFSYM tb_max=tb_max_site+0x7ffc */
tb_min_site:	tbnz	w6, #3, tb_min	/* LD-DEFSYM tb_min=tb_min_site-0x8000 */

	/* LD_PREL_LO19: -2^20 <= S+A-P < 2^20 */
	.globl	lit_max_site, lit_min_site
lit_max_site:	ldr	x7, lit_max	/* LD-DEFSYM lit_max=lit_max_site+0xffffc */
lit_min_site:	ldr	w8, lit_min	/* LD-DEFSYM lit_min=lit_min_site-0x100000 */
	ldrsw	x9, lit_max - 0x1000
	prfm	pldl1keep, lit_min + 0x20

	/* ADR_PREL_LO21: -2^20 <= S+A-P < 2^20, any alignment */
	.globl	adr_max_site, adr_min_site
adr_max_site:	adr	x0, adr_max	/* LD-DEFSYM adr_max=adr_max_site+0xfffff */
adr_min_site:	adr	x1, adr_min	/* LD-DEFSYM adr_min=adr_min_site-0x100000 */
	adr	x2, local_target + 3

	/* ADR_PREL_PG_HI21: -2^32 <= Page(S+A)-Page(P) < 2^32; _NC unchecked */
	.globl	adrp_max_site, adrp_min_site, adrp_nc_site
adrp_max_site:	adrp	x0, adrp_max	/* LD-DEFSYM adrp_max=(adrp_max_site&~0xfff)+0xfffff000+0xabc */
adrp_min_site:	adrp	x1, adrp_min	/* LD-DEFSYM adrp_min=(adrp_min_site&~0xfff)-0x100000000 */
adrp_nc_site:	adrp	x2, :pg_hi21_nc:adrp_far	/* LD-DEFSYM adrp_far=adrp_nc_site+0x123456789000 */
	adrp	x3, a64_data + 0x10

	/* ADD_ABS_LO12_NC and LDSTn_ABS_LO12_NC: bits [11:0] of S+A, scaled */
	add	x0, x0, :lo12:lo12_sym	/* LD-DEFSYM lo12_sym=0x123456789fff */
	add	w1, w1, #:lo12:lo12_sym - 0x7ff
	add	x3, x3, :lo12:a64_data + 0x10
	ldrb	w0, [x1, :lo12:lo12_sym]
	strb	w2, [x3, #:lo12:lo12_sym - 0xffe]
	ldrh	w0, [x1, :lo12:ldst16_sym]	/* LD-DEFSYM ldst16_sym=0x40000ffe */
	strh	w4, [x5, :lo12:ldst16_sym - 0x800]
	ldr	w0, [x1, :lo12:ldst32_sym]	/* LD-DEFSYM ldst32_sym=0x40001ffc */
	ldrsw	x6, [x7, :lo12:ldst32_sym - 0x10]
	ldr	x0, [x1, :lo12:ldst64_sym]	/* LD-DEFSYM ldst64_sym=0x40002ff8 */
	prfm	pldl1keep, [x2, :lo12:ldst64_sym - 0x8]
	str	x9, [x3, :lo12:a64_data + 8]
	ldr	q0, [x1, :lo12:ldst128_sym]	/* LD-DEFSYM ldst128_sym=0x40003ff0 */
	str	q1, [x2, :lo12:ldst128_sym - 0xfe0]

	/* MOVW_UABS_Gn: 0 <= S+A < 2^(16(n+1)); _NC and G3 unchecked */
	movz	x0, #:abs_g0:uabs_g0	/* LD-DEFSYM uabs_g0=0xffff */
	movz	x1, #:abs_g1:uabs_g1	/* LD-DEFSYM uabs_g1=0xffffffff */
	movz	x2, #:abs_g2:uabs_g2	/* LD-DEFSYM uabs_g2=0xffffffffffff */
	movz	x3, #:abs_g3:big_sym	/* LD-DEFSYM big_sym=0xfedcba9876543210 */
	movk	x3, #:abs_g2_nc:big_sym
	movk	x3, #:abs_g1_nc:big_sym
	movk	x3, #:abs_g0_nc:big_sym
	movz	w4, #:abs_g0:uabs_g0 - 0xffff

	/* MOVW_SABS_Gn: -2^(16(n+1)) <= S+A < 2^(16(n+1)), MOVN if negative */
	movz	x0, #:abs_g0_s:sabs_g0_min	/* LD-DEFSYM sabs_g0_min=-0x10000 */
	movn	x1, #:abs_g0_s:sabs_g0_max	/* LD-DEFSYM sabs_g0_max=0xffff */
	movz	x2, #:abs_g1_s:sabs_g1_min	/* LD-DEFSYM sabs_g1_min=-0x100000000 */
	movn	x3, #:abs_g1_s:sabs_g1_max	/* LD-DEFSYM sabs_g1_max=0xffffffff */
	movz	x4, #:abs_g2_s:sabs_g2_min	/* LD-DEFSYM sabs_g2_min=-0x1000000000000 */
	movn	x5, #:abs_g2_s:sabs_g2_max	/* LD-DEFSYM sabs_g2_max=0xffffffffffff */
	movz	x6, #:abs_g0_s:sabs_g0_max - 0x10000

	/* MOVW_PREL_Gn: S+A-P, signed as SABS; _NC unchecked (MOVK), G3 unchecked */
	.globl	prel_g0_max_site, prel_g0_min_site, prel_g1_max_site, prel_g1_min_site
	.globl	prel_g2_max_site, prel_g2_min_site, prel_g3_site
prel_g0_max_site:	movn	x0, #:prel_g0:prel_g0_max	/* LD-DEFSYM prel_g0_max=prel_g0_max_site+0xffff */
prel_g0_min_site:	movz	x1, #:prel_g0:prel_g0_min	/* LD-DEFSYM prel_g0_min=prel_g0_min_site-0x10000 */
prel_g1_max_site:	movz	x2, #:prel_g1:prel_g1_max	/* LD-DEFSYM prel_g1_max=prel_g1_max_site+0xffffffff */
prel_g1_min_site:	movz	x3, #:prel_g1:prel_g1_min	/* LD-DEFSYM prel_g1_min=prel_g1_min_site-0x100000000 */
prel_g2_max_site:	movn	x4, #:prel_g2:prel_g2_max	/* LD-DEFSYM prel_g2_max=prel_g2_max_site+0xffffffffffff */
prel_g2_min_site:	movz	x5, #:prel_g2:prel_g2_min	/* LD-DEFSYM prel_g2_min=prel_g2_min_site-0x1000000000000 */
prel_g3_site:	movz	x6, #:prel_g3:prel_g3_far	/* LD-DEFSYM prel_g3_far=prel_g3_site-0x123456789abcdef0 */
	movk	x6, #:prel_g2_nc:prel_g3_far
	movk	x6, #:prel_g1_nc:prel_g3_far
	movk	x6, #:prel_g0_nc:prel_g3_far
	movz	x7, #:prel_g3:big_sym

	.reloc	., R_AARCH64_NONE, big_sym
local_target:
	ret

	/*
	 * Data: the psABI lets ABSn and PRELn (n < 64) take -2^(n-1) <= X < 2^n,
	 * as the engine does; GNU ld is narrower (ABSn unsigned, PRELn signed),
	 * so the ends here are those both accept.  The unit tests take the rest.
	 */
	.data
	.balign	8
	.globl	a64_data, p64_site, p32_max_site, p32_min_site, p16_max_site, p16_min_site
a64_data:
	.xword	big_sym
	.xword	a64_text + 0x18
	.word	abs32_max	/* LD-DEFSYM abs32_max=0xffffffff */
	.word	abs32_min	/* LD-DEFSYM abs32_min=0 */
	.hword	abs16_max	/* LD-DEFSYM abs16_max=0xffff */
	.hword	abs16_min	/* LD-DEFSYM abs16_min=0 */
	.balign	8
p64_site:	.xword	big_sym - .
p32_max_site:	.word	p32_max - .	/* LD-DEFSYM p32_max=p32_max_site+0x7fffffff */
p32_min_site:	.word	p32_min - .	/* LD-DEFSYM p32_min=p32_min_site-0x80000000 */
p16_max_site:	.hword	p16_max - .	/* LD-DEFSYM p16_max=p16_max_site+0x7fff */
p16_min_site:	.hword	p16_min - .	/* LD-DEFSYM p16_min=p16_min_site-0x8000 */
	.word	local_target - .
