/* SPDX-License-Identifier: MIT */
/*
 * Domains and their vCPUs.
 *
 * Locking: domlist_lock protects the domain list and ID allocation;
 * d->lock protects a domain's pause count and shutdown state.  The scheduler
 * lock (sched.c) is taken inside d->lock, never the other way round.
 */
#ifndef HV_DOMAIN_H
#define HV_DOMAIN_H

#include <hv/types.h>
#include <hv/arch.h>
#include <hv/list.h>
#include <hv/spinlock.h>
#include <hv/timer.h>
#include <public/xen.h>

#define MAX_VCPUS_PER_DOMAIN 1
#define MAX_DOMAINS 64
#define DOMAIN_MAX_MEM MiB(64)
#define CONSOLE_LINE_MAX 256

/* vCPU pause_flags bits */
#define VPF_blocked (1UL << 0) /* waiting for an event (SCHEDOP_block) */
#define VPF_down (1UL << 1)    /* has no context yet */

struct vcpu {
    unsigned int vcpu_id;
    struct domain *domain;
    unsigned int processor; /* CPU it runs on or last ran on */
    bool is_running;        /* state is live on a CPU right now */
    bool on_runq;
    unsigned long pause_flags;
    bool event_pending;            /* consumed by SCHEDOP_block */
    struct timer singleshot_timer; /* HYPERVISOR_set_timer_op */
    struct list_head runq_link;
    uint64_t cpu_time;  /* ns of CPU consumed, not counting the current run */
    uint64_t run_start; /* when the current run began; both under the scheduler's lock */
    struct arch_vcpu arch;
};

struct domain {
    domid_t domid;
    bool is_privileged;
    bool is_dying;
    bool is_shutdown;
    uint8_t shutdown_code;
    unsigned int pause_count; /* pauses by the control domain */
    spinlock_t lock;
    struct list_head link; /* on the domain list, ordered by ID */
    xen_domain_handle_t handle;

    unsigned int max_vcpus;
    struct vcpu *vcpu[MAX_VCPUS_PER_DOMAIN];

    /* Guest RAM: nr_pages machine frames mapped from GUEST_RAM_BASE. */
    unsigned long nr_pages;
    paddr_t *frames;

    char console_line[CONSOLE_LINE_MAX];
    size_t console_len;

    struct arch_domain arch;
};

extern struct domain *dom0;
extern struct domain *idle_domain;

static inline bool is_idle_vcpu(const struct vcpu *v)
{
    return v->domain == idle_domain;
}

void domain_subsystem_init(void);
struct vcpu *idle_vcpu_create(unsigned int cpu);

/*
 * Creates a paused domain with no memory.  @domid 0 means "pick a free ID"
 * (except for the very first domain, which is dom0 and privileged).
 */
int domain_create(domid_t domid, bool privileged, unsigned int max_vcpus, struct domain **out);
/* Gives the domain @mem bytes of RAM and loads an ELF image into it. */
int domain_load_image(struct domain *d, const void *image, size_t size, size_t mem,
                      const char *cmdline, const void *module, size_t module_size);
int domain_pause_by_controller(struct domain *d);
int domain_unpause_by_controller(struct domain *d);
void domain_shutdown(struct domain *d, unsigned int reason);
/* Kills a misbehaving guest with a report; the rest of the system goes on. */
void domain_crash(struct domain *d, const char *why);
int domain_destroy(struct domain *d);

/* Looks a domain up by ID; NULL if none.  Does not take a reference. */
struct domain *domain_by_id(domid_t domid);
/* The first domain with ID >= @domid, or NULL. */
struct domain *domain_next_from(domid_t domid);
void domlist_lock_acquire(void);
void domlist_lock_release(void);

/* The vCPU's set_timer_op timer (vcpu_timer.c). */
void vcpu_timer_init(struct vcpu *v);
void vcpu_timer_kill(struct vcpu *v);

/* Notifies @d: its vCPU's SCHEDOP_block returns. */
void domain_notify(struct domain *d);
/* Wakes the control domain because another domain changed state. */
void domain_notify_controller(void);

/* Nanoseconds of CPU time the domain's vCPUs have used so far. */
uint64_t domain_cpu_time(const struct domain *d);

#endif /* HV_DOMAIN_H */
