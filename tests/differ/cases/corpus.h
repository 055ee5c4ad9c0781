/* SPDX-License-Identifier: MIT */
/*
 * What the differ corpus shares: the hypervisor functions its sources call
 * (stubs.c defines them in every case's fake xen-syms), and, per arch, an
 * exception-table entry and a bug frame in the hypervisor's formats
 * (hv/extable.h, hv/bug.h: 32-bit fields holding target minus field).
 * x86_64 uses the hypervisor's own WARN().
 */
#ifndef CORPUS_H
#define CORPUS_H

int printk(const char *fmt, ...);
void log_event(int what);
void report(int code) __attribute__((cold));
extern int hv_state;

/* Loads *@p into @v; a fault there resumes after the load. */
#if defined(__x86_64__)
#define EXTABLE_INSN "movl (%1), %0"
#elif defined(__aarch64__)
#define EXTABLE_INSN "ldr %w0, [%1]"
#else
#define EXTABLE_INSN "ldr %0, [%1]"
#endif
#define EXTABLE_LOAD(v, p)                                                              \
    __asm__ volatile("1: " EXTABLE_INSN "\n2:\n"                                        \
                     ".pushsection .ex_table, \"a\"\n.balign 4\n.long 1b - ., 2b - .\n" \
                     ".popsection"                                                      \
                     : "=r"(v)                                                          \
                     : "r"(p))

#if defined(__x86_64__)
#include <hv/bug.h>
#define CORPUS_WARN() WARN()
#else
#if defined(__aarch64__)
#define TRAP_INSN "brk #0x800"
#else
#define TRAP_INSN ".inst 0xe7f000f0" /* udf #0 */
#endif
#define CORPUS_WARN()                                                        \
    __asm__ volatile("1: " TRAP_INSN "\n"                                    \
                     ".pushsection .bug_frames, \"a\"\n.balign 4\n"          \
                     ".long 1b - ., 3f - .\n.long %c0, 0\n.popsection\n"     \
                     ".pushsection .rodata.str1.1, \"aMS\", %%progbits, 1\n" \
                     "3: .asciz \"" __FILE__ "\"\n.popsection" ::"i"(__LINE__))
#endif

/* A hook run when the payload is applied (hv/livepatch_payload.h's format). */
#define CORPUS_LOAD_HOOK(fn)                \
    static void (*const lp_hook_##fn)(void) \
        __attribute__((used, section(".livepatch.hooks.load"))) = fn

#endif /* CORPUS_H */
