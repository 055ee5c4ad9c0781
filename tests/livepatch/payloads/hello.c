/* SPDX-License-Identifier: MIT */
/*
 * The first payload of every walk: xen_extra_version() says "Hello World".
 * Its load hook counts, checks that its own exception-table entry turns a
 * fault into a fixup, and trips its own WARN() (a payload bug frame): the
 * new string is only "Hello World" if all of that worked, so a test that
 * reads the extra version checks them too.  The counter is writable data,
 * so this payload cannot be re-applied after a revert without a reload.
 */
#include "payload.h"

static int loaded;
static bool extable_fixed_up;

/* Reads address 0 (never mapped for the hypervisor) through a fixup. */
static bool fault_is_fixed_up(void)
{
    unsigned long value = 0;
    int faulted = 0;

    __asm__ volatile("1: mov (%[addr]), %[value]\n\t"
                     "2:\n\t"
                     ".pushsection .ex_table, \"a\"\n\t"
                     ".balign 4\n\t"
                     ".long 1b - ., 3f - .\n\t"
                     ".popsection\n\t"
                     ".pushsection .text.fixup, \"ax\"\n\t"
                     "3: movl $1, %[faulted]\n\t"
                     "jmp 2b\n\t"
                     ".popsection"
                     : [value] "+r"(value), [faulted] "+r"(faulted)
                     : [addr] "r"(0UL)
                     : "memory");
    return faulted;
}

static void hello_load(void)
{
    loaded++;
    extable_fixed_up = fault_is_fixed_up();
    WARN_ON(!loaded); /* never true: the frame itself is what's checked below */
    WARN();           /* a payload bug frame: reported, and we carry on */
    printk(XENLOG_INFO "hello: loaded %d time(s), fixup %s\n", loaded,
           extable_fixed_up ? "worked" : "FAILED");
}

static void hello_unload(void)
{
    loaded--;
}

static const char *hello_world(void)
{
    return loaded == 1 && extable_fixed_up ? "Hello World" : "Hello BROKEN";
}

LIVEPATCH_FUNC(xen_extra_version, hello_world);
LIVEPATCH_LOAD_HOOK(hello_load);
LIVEPATCH_UNLOAD_HOOK(hello_unload);
LIVEPATCH_MODINFO("name=hello\0purpose=test payload");
