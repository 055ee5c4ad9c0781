/* SPDX-License-Identifier: MIT */
/*
 * Hypervisor state most tests start from, and helpers to act as a guest:
 * a guest argument area in the fake guest address space, and hypercalls
 * made from a chosen domain's vCPU.
 */
#ifndef UNIT_FIXTURE_H
#define UNIT_FIXTURE_H

#include <hv/domain.h>

#define FIXTURE_MACHINE_SIZE MiB(64)
/* Where the guest argument area appears in guest address space. */
#define FIXTURE_GUEST_BASE 0x7f000000UL
#define FIXTURE_GUEST_SIZE KiB(64)

/* What start_hypervisor() does before building domains: RAM [1M, 64M),
 * and live-patch signatures only logged (livepatch_sig=log). */
void fixture_boot(void);
/* A new domain (the first privileged one is dom0); the test fails if not. */
struct domain *fixture_domain(bool privileged);
/* Makes @d's vCPU 0 the one running on CPU 0, as if it made the hypercall. */
void fixture_run_as(struct domain *d);
/* fixture_boot(), then dom0 (running, making the hypercalls) and one domU. */
void fixture_boot_dom0_and_domu(struct domain **control, struct domain **domu);

/* The guest argument area: host pointers into it and their guest addresses. */
void *guest_area(size_t offset);
uint64_t guest_addr(const void *p);

long hypercall(unsigned long nr, unsigned long a0, unsigned long a1, unsigned long a2);

/* The hypervisor's view of @d's RAM at guest address @gaddr (within a page). */
unsigned char *guest_ram(const struct domain *d, uint64_t gaddr);

#endif /* UNIT_FIXTURE_H */
