/* SPDX-License-Identifier: MIT */
/* Calls a function that neither the hypervisor nor any payload has. */
#include "payload.h"

void no_such_function_anywhere(void);

static const char *unresolved_world(void)
{
    no_such_function_anywhere();
    return "unresolved";
}

LIVEPATCH_FUNC(xen_extra_version, unresolved_world);
