/* SPDX-License-Identifier: MIT */
/*
 * The fake arch's controls, for host unit tests (Hafnium's src/arch/fake):
 * machine memory, a guest address space made of host buffers, the captured
 * console, a settable clock, failure injection, and a way to catch the arch
 * functions that never return.  The fake runs one CPU, CPU 0.
 *
 * Host-only: this header uses libc and is never included by common/.
 */
#ifndef FAKE_H
#define FAKE_H

#include <setjmp.h>
#include <hv/types.h>

struct domain;

/*
 * Maps @size bytes (a page multiple) of zeroed machine memory at machine
 * address 0 and reserves the vmap area.  Once per process.
 */
void fake_machine_init(size_t size);

/*
 * What start_hypervisor() does with memory before anything else, on @size
 * bytes of machine memory: fake_machine_init(@size), RAM [1 MiB, @size),
 * the page allocator, arch_mm_init() and the vmap area.  Once per process.
 */
void fake_boot_memory(size_t size);

/*
 * Makes guest addresses [@gaddr, @gaddr + @len) read and write @buf.  The
 * copy helpers copy all of a request or nothing; there is one guest address
 * space, whichever vCPU is current.
 */
void fake_guest_map(uint64_t gaddr, void *buf, size_t len);

/* Everything written to the console so far, NUL-terminated. */
const char *fake_console_output(void);
void fake_console_clear(void);
/* Bytes arch_console_getc() returns next; @s must outlive its use. */
void fake_console_set_input(const char *s);

/* Sets the clock; past the armed deadline, the timer "interrupt" fires. */
void fake_clock_set(uint64_t ns);
/* The last deadline given to arch_timer_program() (0: disarmed). */
uint64_t fake_timer_deadline(void);

/*
 * Live patching: host memory that stands for the hypervisor's text, and
 * how often the patching window opened and the post-action step ran.  The
 * fake writes x86_64 instructions (arch/x86_64/livepatch_insn.c) directly.
 */
void fake_text_set(void *buf, size_t len);
struct fake_livepatch_counts {
    unsigned int quiesce, revive, post_action;
};
const struct fake_livepatch_counts *fake_livepatch_counts(void);

/*
 * Device passthrough as the arch saw it: the I/O port grants (dropped when
 * their domain is destroyed) and a bit per enabled interrupt line.  Line 0
 * is refused with -EPERM, as a line the hypervisor keeps.
 */
#define FAKE_MAX_PORT_GRANTS 4
struct fake_port_grant {
    const struct domain *d; /* NULL: free */
    unsigned int first, last;
};
extern struct fake_port_grant fake_port_grants[FAKE_MAX_PORT_GRANTS];
extern unsigned long fake_irqs_enabled;

/* What arch_wallclock_publish() was last given. */
extern uint64_t fake_wallclock_sec;
extern uint32_t fake_wallclock_nsec;

/* The next arch_domain_init() fails with @err (a negative errno). */
void fake_fail_next_domain_init(int err);

/* The embedded symbol table at __image_start: see fake.c. */
extern const char __image_start[];
/* The descriptor of the hypervisor's GNU build-id note. */
#define FAKE_BUILD_ID "fake-hypervisor-id20"
#define FAKE_BUILD_ID_LEN 20

/* How a FAKE_RUN() ended: the statements returned, or which exit. */
enum fake_exit {
    FAKE_RETURNED,
    FAKE_EXIT_POWEROFF,   /* arch_poweroff() */
    FAKE_EXIT_REBOOT,     /* arch_reboot(): also where panic() ends */
    FAKE_EXIT_HALT,       /* arch_halt_cpu() */
    FAKE_EXIT_TO_IDLE,    /* arch_reset_stack_and_jump_idle() */
    FAKE_EXIT_TO_GUEST,   /* arch_reset_stack_and_resume_guest() */
    FAKE_EXIT_IDLE_SLEEP, /* arch_idle() with no softirq pending */
};

extern jmp_buf fake_exit_jmp;
void fake_exit_arm(void);
enum fake_exit fake_exit_disarm(void);

/*
 * Runs the statements; an arch function that never returns jumps back here
 * instead.  Evaluates to how they ended.  An exit outside FAKE_RUN() is a
 * test failure: the fake prints the console and aborts.  Locals assigned by
 * the statements are indeterminate after an exit unless volatile.
 */
#define FAKE_RUN(...)                     \
    ({                                    \
        fake_exit_arm();                  \
        if (setjmp(fake_exit_jmp) == 0) { \
            __VA_ARGS__;                  \
        }                                 \
        fake_exit_disarm();               \
    })

#endif /* FAKE_H */
