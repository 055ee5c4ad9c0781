/* SPDX-License-Identifier: MIT */
/*
 * Fake per-vCPU, per-domain and per-CPU state: what the fake arch records
 * of the calls common/ makes, for tests to inspect.
 */
#ifndef ARCH_VCPU_H
#define ARCH_VCPU_H

#ifndef __ASSEMBLY__
#include <stdint.h>
#include <stdbool.h>

struct arch_vcpu {
    /* From arch_vcpu_init_entry(). */
    unsigned long entry, stack, arg;
    /* arch_context_switch() calls that loaded this vCPU's state. */
    unsigned int loads;
};

struct arch_domain {
    /* Stands for a page-table root, so leaks show in the page counts. */
    uint64_t root_pa;
    unsigned long pages_mapped; /* guest pages mapped now */
};

struct arch_cpu {
    unsigned int cpu_id;
};
#endif

#endif /* ARCH_VCPU_H */
