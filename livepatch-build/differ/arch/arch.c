/* SPDX-License-Identifier: MIT */
#include <stddef.h>

#include "../arch.h"

const struct arch *arch_for(uint16_t machine, uint8_t elf_class)
{
    static const struct arch *const all[] = { &arch_x86_64, &arch_arm64, &arch_arm32 };

    for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
        if (all[i]->machine == machine && all[i]->elf_class == elf_class)
            return all[i];
    return NULL;
}
