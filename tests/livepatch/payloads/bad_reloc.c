/* SPDX-License-Identifier: MIT */
/*
 * A relocation that cannot be applied: a 32-bit zero-extended field
 * (R_X86_64_32) holding a hypervisor address in the top 2 GiB.
 */
#include "payload.h"

static const char *bad_world(void)
{
    return "bad";
}

__asm__(".pushsection .rodata.bad_reference, \"a\"\n\t"
        ".long xen_extra_version\n\t"
        ".popsection");

LIVEPATCH_FUNC(xen_extra_version, bad_world);
