/* SPDX-License-Identifier: MIT */
/*
 * The architecture contract.  common/ calls only these functions and the
 * definitions in <arch/config.h>, <arch/atomic.h> and <arch/vcpu.h>; every
 * architecture under arch/ supplies all of them.  The build binds the arch:
 * there are no ops tables and no #ifdef ARCH in common/.
 */
#ifndef HV_ARCH_H
#define HV_ARCH_H

#include <hv/types.h>
#include <arch/config.h>
#include <arch/atomic.h>
#include <arch/vcpu.h>

struct domain;
struct vcpu;
struct boot_info;

/* --- Boot ------------------------------------------------------------ */

/* Switches to the final hypervisor page tables: W^X image, full direct map. */
void arch_mm_init(const struct boot_info *bi);
/* Interrupt controller, timer, clock and this CPU's stacks. */
void arch_platform_init(void);

/* --- CPUs, interrupts, time ------------------------------------------- */

/* Index of the CPU running this code, 0 .. NR_CPUS-1. */
unsigned int arch_cpu_id(void);
/* Halts until an interrupt arrives unless a softirq is already pending. */
void arch_idle(void);
/* Makes @cpu run its pending softirqs soon (an IPI unless it is us). */
void arch_send_event_check(unsigned int cpu);
/* CPU clock rate in kHz, as far as the arch knows it. */
unsigned int arch_cpu_khz(void);
/* Nanoseconds since boot, monotonic and consistent across CPUs. */
uint64_t arch_now_ns(void);
/* Arms this CPU's one-shot timer interrupt for @deadline_ns (0 disarms). */
void arch_timer_program(uint64_t deadline_ns);
/* Starts every other CPU; each ends in the idle loop.  Returns how many run. */
unsigned int arch_start_secondary_cpus(void);

__noreturn void arch_poweroff(void);
__noreturn void arch_reboot(void);
/* Stops this CPU for good (interrupts off). */
__noreturn void arch_halt_cpu(void);
/* Asks every other CPU to halt (used by panic). */
void arch_stop_other_cpus(void);

/* --- Console device -------------------------------------------------- */

void arch_console_write(const char *s, size_t len);
/* A byte of console input, or -1 if none is waiting. */
int arch_console_getc(void);

/* --- Hypervisor mappings ---------------------------------------------- */

enum map_perm { MAP_RO, MAP_RW, MAP_RX, MAP_MMIO };

/* Maps @nr pages at @va to machine frames from @pa; 0 or -ENOMEM. */
int arch_map_pages(unsigned long va, paddr_t pa, unsigned long nr, enum map_perm perm);
/* Unmaps @nr pages at @va and flushes them from every CPU's TLB. */
void arch_unmap_pages(unsigned long va, unsigned long nr);
/* Flushes [va, va + nr pages) from every CPU's TLB after changing mappings. */
void arch_flush_mappings(unsigned long va, unsigned long nr);

/* --- Domains and vCPUs ------------------------------------------------ */

/* Builds the domain's (empty) guest address space. */
int arch_domain_init(struct domain *d);
void arch_domain_destroy(struct domain *d);
/* Maps guest RAM page @index (at GUEST_RAM_BASE + index pages) to @pa. */
int arch_guest_map_page(struct domain *d, unsigned long index, paddr_t pa);
/*
 * Maps the arch's shared_info page (if it has one) into @d; *@gaddr is its
 * guest address for start_info, 0 if none.  0 or -ENOMEM.
 */
int arch_guest_map_shared_info(struct domain *d, uint64_t *gaddr);
/* Removes every guest RAM mapping of @d, e.g. after a failed load. */
void arch_guest_unmap_all(struct domain *d);
/* Sets the vCPU to start at @entry with @arg as the boot argument. */
void arch_vcpu_init_entry(struct vcpu *v, unsigned long entry, unsigned long stack,
                          unsigned long arg);
/* Does the ELF header describe an image this arch can run as a guest? */
bool arch_guest_elf_machine_ok(unsigned int machine, unsigned int elf_class);
/* Saves @prev's guest state (unless idle) and loads @next's. */
void arch_context_switch(struct vcpu *prev, struct vcpu *next);
/* Discards the current stack and enters the idle loop or the guest. */
__noreturn void arch_reset_stack_and_jump_idle(void);
__noreturn void arch_reset_stack_and_resume_guest(void);

/* --- Time published to guests ---------------------------------------- */

/* Tells guests the wall clock's Unix time at system time 0 (hv/wallclock.h). */
void arch_wallclock_publish(uint64_t sec, uint32_t nsec);

/* --- Device passthrough (see hv/passthrough.h) ------------------------ */

/*
 * Lets @d use I/O ports @first..@last directly until it is destroyed.
 * -EPERM for ports of the hypervisor's own devices, -EBUSY if another
 * domain has one of them, -EOPNOTSUPP where the arch has no I/O ports.
 */
int arch_domain_permit_ioports(struct domain *d, unsigned int first, unsigned int last);
/*
 * Routes device interrupt line @irq (< NR_DEVICE_IRQS) to the hypervisor,
 * which then calls passthrough_irq_raised(@irq).  -EPERM for a line the
 * hypervisor keeps, -ENODEV or -EOPNOTSUPP if it cannot be delivered.
 */
int arch_device_irq_enable(unsigned int irq);
void arch_device_irq_disable(unsigned int irq);

/* --- Guest memory access (see hv/guest_access.h) ---------------------- */

/* Copy helpers that never fault the hypervisor: bytes NOT copied. */
size_t arch_copy_from_guest(void *dst, uint64_t gaddr, size_t len);
size_t arch_copy_to_guest(uint64_t gaddr, const void *src, size_t len);

/* --- Diagnostics ------------------------------------------------------ */

/* Prints a backtrace of the calling context. */
void arch_dump_stack(void);

#endif /* HV_ARCH_H */
