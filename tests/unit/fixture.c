/* SPDX-License-Identifier: MIT */
/* Common test state: see fixture.h. */
#include <hv/hypercall.h>
#include <hv/livepatch.h>
#include <hv/mm.h>
#include <hv/percpu.h>
#include <hv/sched.h>
#include <hv/smp.h>

#include "fake.h"
#include "fixture.h"
#include "unit.h"

static _Alignas(64) unsigned char guest_mem[FIXTURE_GUEST_SIZE];

void fixture_boot(void)
{
    fake_boot_memory(FIXTURE_MACHINE_SIZE);
    domain_subsystem_init();
    sched_init();
    cpu_common_prepare(0);
    cpu_data[0].online = true;
    /* The loader's tests upload unsigned payloads built in memory;
     * test_lp_sig.c boots with livepatch_sig=enforce itself. */
    livepatch_sig_init("livepatch_sig=log");
    fake_guest_map(FIXTURE_GUEST_BASE, guest_mem, sizeof(guest_mem));
}

struct domain *fixture_domain(bool privileged)
{
    struct domain *d = NULL;

    if (!CHECK_EQ(domain_create(0, privileged, 1, &d), 0))
        unit_stop();
    return d;
}

void fixture_run_as(struct domain *d)
{
    struct vcpu *prev = current;

    if (!is_idle_vcpu(prev))
        prev->is_running = false;
    d->vcpu[0]->is_running = true;
    d->vcpu[0]->processor = 0;
    current = d->vcpu[0];
}

void *guest_area(size_t offset)
{
    return guest_mem + offset;
}

uint64_t guest_addr(const void *p)
{
    return FIXTURE_GUEST_BASE + (uint64_t)((const unsigned char *)p - guest_mem);
}

long hypercall(unsigned long nr, unsigned long a0, unsigned long a1, unsigned long a2)
{
    const unsigned long args[HYPERCALL_MAX_ARGS] = { a0, a1, a2, 0, 0 };

    return hypercall_dispatch(nr, args);
}

unsigned char *guest_ram(const struct domain *d, uint64_t gaddr)
{
    uint64_t off = gaddr - GUEST_RAM_BASE;

    return (unsigned char *)__va(d->frames[off >> PAGE_SHIFT]) + (off & (PAGE_SIZE - 1));
}

void fixture_boot_dom0_and_domu(struct domain **control, struct domain **domu)
{
    fixture_boot();
    *control = fixture_domain(true);
    *domu = fixture_domain(false);
    fixture_run_as(*control);
}
