/* SPDX-License-Identifier: MIT */
/*
 * A payload of nearly the 2 MiB upload limit, for the relay's largest
 * frames (tests/cli): xen_extra_version() says "Big" if all of its ballast
 * arrived intact.
 */
#include "payload.h"

#define BALLAST_SIZE (2 * 1024 * 1024 - 24 * 1024)

static const unsigned char ballast[BALLAST_SIZE] = { [0 ... BALLAST_SIZE - 1] = 0x5a };

static const char *big_extra_version(void)
{
    unsigned int sum = 0;

    for (unsigned int i = 0; i < BALLAST_SIZE; i += 4096)
        sum += ballast[i];
    return sum == 0x5a * (BALLAST_SIZE / 4096) && ballast[BALLAST_SIZE - 1] == 0x5a ? "Big"
                                                                                    : "Big BROKEN";
}

LIVEPATCH_FUNC(xen_extra_version, big_extra_version);
LIVEPATCH_MODINFO("name=big");
