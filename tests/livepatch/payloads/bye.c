/* SPDX-License-Identifier: MIT */
/* Stacks on hello (its .livepatch.depends is hello's build-id): "Bye World!". */
#include "payload.h"

static const char *bye_world(void)
{
    return "Bye World!";
}

LIVEPATCH_FUNC(xen_extra_version, bye_world);
LIVEPATCH_MODINFO("name=bye");
