/* SPDX-License-Identifier: MIT */
/*
 * Every x86_64 relocation type the engine handles, at both ends of each
 * range where the field has one.  LD-DEFSYM lines define the targets at
 * link time, relative to the relocated place where the type is
 * PC-relative.
 */
	.text
	.globl	x86_text
x86_text:
	call	ext_call		/* PLT32; LD-DEFSYM ext_call=x86_text+0x12345670 */
	jmp	ext_call + 0x10		/* PLT32 */
	lea	pc32_sym(%rip), %rax	/* PC32; LD-DEFSYM pc32_sym=x86_text-0x7654321 */
	mov	x86_data + 8(%rip), %rdx	/* PC32 against .data */
	movl	$abs32_max, %eax	/* 32; LD-DEFSYM abs32_max=0xffffffff */
	movq	$s32_min, %rcx		/* 32S; LD-DEFSYM s32_min=-0x80000000 */
	movq	$s32_max, %rcx		/* 32S; LD-DEFSYM s32_max=0x7fffffff */
	movq	x86_data(,%rdi,8), %rsi	/* 32S against .data */
	movabs	$abs64_sym, %rax	/* 64; LD-DEFSYM abs64_sym=0x8123456789abcdef */
	.reloc	., R_X86_64_NONE, ext_call
	ret

	.data
	.balign	8
	.globl	x86_data, pc32_max_site, pc32_min_site, plt32_max_site, plt32_min_site, pc64_site
x86_data:
	.quad	abs64_sym
	.quad	x86_text + 0x18
	.long	abs32_max
	.long	abs32_min		/* LD-DEFSYM abs32_min=0 */
pc32_max_site:	.long	pc32_max - .	/* LD-DEFSYM pc32_max=pc32_max_site+0x7fffffff */
pc32_min_site:	.long	pc32_min - .	/* LD-DEFSYM pc32_min=pc32_min_site-0x80000000 */
plt32_max_site:	.reloc	., R_X86_64_PLT32, plt32_max	/* LD-DEFSYM plt32_max=plt32_max_site+0x7fffffff */
	.long	0
plt32_min_site:	.reloc	., R_X86_64_PLT32, plt32_min	/* LD-DEFSYM plt32_min=plt32_min_site-0x80000000 */
	.long	0
	.reloc	., R_X86_64_32S, s32_min
	.long	0
	.reloc	., R_X86_64_32S, s32_max
	.long	0
	.balign	8
pc64_site:	.quad	pc64_far - .	/* LD-DEFSYM pc64_far=pc64_site-0x7123456789abcdef */
	.quad	x86_text - .
