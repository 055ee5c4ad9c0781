/* SPDX-License-Identifier: MIT */
/*
 * What the boot loader told us, in arch-neutral form: the command line, RAM,
 * ranges that must not be allocated, and boot modules (guest images).
 */
#ifndef HV_BOOTINFO_H
#define HV_BOOTINFO_H

#include <hv/types.h>

#define MAX_MEM_RANGES 32
#define MAX_BOOT_MODULES 8

struct mem_range {
    paddr_t start, end; /* [start, end) */
};

struct boot_module {
    paddr_t start;
    size_t size;
    const char *cmdline; /* as given to the boot loader, file name first */
};

struct boot_info {
    const char *cmdline;
    struct mem_range ram[MAX_MEM_RANGES];
    unsigned int nr_ram;
    struct mem_range reserved[MAX_MEM_RANGES];
    unsigned int nr_reserved;
    struct boot_module modules[MAX_BOOT_MODULES];
    unsigned int nr_modules;
};

void bootinfo_add_ram(struct boot_info *bi, paddr_t start, paddr_t end);
void bootinfo_reserve(struct boot_info *bi, paddr_t start, paddr_t end);

/* Arch-neutral boot, entered by each arch once it can print and map. */
__noreturn void start_hypervisor(struct boot_info *bi);

#endif /* HV_BOOTINFO_H */
