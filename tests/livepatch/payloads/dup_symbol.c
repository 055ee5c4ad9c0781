/* SPDX-License-Identifier: MIT */
/* Defines a new global with the name of a hypervisor function: refused at upload. */
#include "payload.h"

void print_banner(void)
{
}

static const char *dup_world(void)
{
    print_banner();
    return "dup";
}

LIVEPATCH_FUNC(xen_extra_version, dup_world);
