/* SPDX-License-Identifier: MIT */
/*
 * The fake arch: every arch_* function of hv/arch.h, done the simplest
 * faithful way on the host, so common/ runs in a unit-test process.
 *
 * - Machine memory is a memfd mapped at fake_machine_base; arch_map_pages()
 *   maps the same file pages again in the vmap area, so vmap aliases are
 *   real and unmapped (guard) pages really fault.
 * - Guest memory is host buffers the tests register (fake_guest_map()).
 * - The console is captured in a buffer; input comes from a test string.
 * - Time moves only when a test sets the clock; passing the deadline given
 *   to arch_timer_program() raises the timer softirq, as the interrupt does.
 * - Functions that never return longjmp to the test's FAKE_RUN().
 * One CPU, CPU 0, runs everything, so a spin-wait can never end: cpu_relax()
 * reports a deadlock instead of hanging the test.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <hv/arch.h>
#include <hv/bootinfo.h>
#include <hv/bug.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/elf.h>
#include <hv/extable.h>
#include <hv/errno.h>
#include <hv/hypercall.h>
#include <hv/livepatch_arch.h>
#include <hv/mm.h>
#include <hv/softirq.h>
#include <hv/symbols.h>

#include <arch/livepatch.h> /* x86_64 instruction building */

#include "fake.h"

#define MAX_GUEST_REGIONS 8
#define CONSOLE_CAPACITY (256 * 1024)
#define CONSOLE_TAIL_ON_ERROR 2048

unsigned char *fake_machine_base;
static size_t machine_size;
static int machine_fd = -1;

struct guest_region {
    uint64_t gaddr;
    size_t len;
    unsigned char *buf;
};
static struct guest_region guest_regions[MAX_GUEST_REGIONS];
static unsigned int nr_guest_regions;

static char console_buf[CONSOLE_CAPACITY];
static size_t console_len;
static const char *console_input;

static uint64_t clock_ns;
static uint64_t timer_deadline;
static int domain_init_error;

jmp_buf fake_exit_jmp;
static bool exit_armed;
static enum fake_exit exit_kind;

static const char *const exit_names[] = {
    [FAKE_RETURNED] = "return",
    [FAKE_EXIT_POWEROFF] = "arch_poweroff()",
    [FAKE_EXIT_REBOOT] = "arch_reboot()",
    [FAKE_EXIT_HALT] = "arch_halt_cpu()",
    [FAKE_EXIT_TO_IDLE] = "arch_reset_stack_and_jump_idle()",
    [FAKE_EXIT_TO_GUEST] = "arch_reset_stack_and_resume_guest()",
    [FAKE_EXIT_IDLE_SLEEP] = "arch_idle() with nothing to do",
};

/* A broken test or a hypervisor bug the fake cannot continue from. */
__noreturn __printf(1, 2) static void fake_fatal(const char *fmt, ...)
{
    size_t tail = console_len < CONSOLE_TAIL_ON_ERROR ? console_len : CONSOLE_TAIL_ON_ERROR;
    va_list ap;

    fprintf(stderr, "fake arch: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nfake arch: console so far:\n%.*s\n", (int)tail,
            console_buf + console_len - tail);
    abort();
}

/* --- Test controls (fake.h) --------------------------------------------- */

void fake_machine_init(size_t size)
{
    void *p;

    if (machine_fd >= 0 || size % PAGE_SIZE || size > DIRECTMAP_SIZE)
        fake_fatal("fake_machine_init(%zu): once per process, a page multiple", size);
    machine_fd = memfd_create("fake-machine-memory", MFD_CLOEXEC);
    if (machine_fd < 0 || ftruncate(machine_fd, (off_t)size))
        fake_fatal("cannot create %zu bytes of machine memory", size);
    p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, machine_fd, 0);
    if (p == MAP_FAILED)
        fake_fatal("cannot map machine memory");
    fake_machine_base = p;
    machine_size = size;
    p = mmap((void *)VMAP_START, VMAP_END - VMAP_START, PROT_NONE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != (void *)VMAP_START)
        fake_fatal("cannot reserve the vmap area at %#lx", VMAP_START);
}

void fake_boot_memory(size_t size)
{
    static struct boot_info bi;

    fake_machine_init(size);
    bootinfo_add_ram(&bi, MiB(1), size);
    page_alloc_init(&bi);
    arch_mm_init(&bi);
    vmap_init();
}

void fake_guest_map(uint64_t gaddr, void *buf, size_t len)
{
    if (nr_guest_regions == MAX_GUEST_REGIONS)
        fake_fatal("more than %d guest regions", MAX_GUEST_REGIONS);
    guest_regions[nr_guest_regions++] = (struct guest_region){ gaddr, len, buf };
}

const char *fake_console_output(void)
{
    console_buf[console_len] = '\0';
    return console_buf;
}

void fake_console_clear(void)
{
    console_len = 0;
}

void fake_console_set_input(const char *s)
{
    console_input = s;
}

void fake_clock_set(uint64_t ns)
{
    clock_ns = ns;
    if (timer_deadline && clock_ns >= timer_deadline)
        raise_softirq(SOFTIRQ_TIMER); /* what the timer interrupt does */
}

uint64_t fake_timer_deadline(void)
{
    return timer_deadline;
}

void fake_fail_next_domain_init(int err)
{
    domain_init_error = err;
}

void fake_exit_arm(void)
{
    exit_armed = true;
    exit_kind = FAKE_RETURNED;
}

enum fake_exit fake_exit_disarm(void)
{
    exit_armed = false;
    return exit_kind;
}

__noreturn static void fake_exit(enum fake_exit kind)
{
    if (!exit_armed)
        fake_fatal("unexpected %s outside FAKE_RUN()", exit_names[kind]);
    exit_armed = false;
    exit_kind = kind;
    longjmp(fake_exit_jmp, 1);
}

void fake_cpu_relax(void)
{
    fake_fatal("spin-wait on the only CPU: it can never end (deadlock)");
}

/* --- Boot, CPUs, interrupts, time ---------------------------------------- */

void arch_mm_init(const struct boot_info *bi)
{
    (void)bi;
    page_alloc_set_limit(0); /* as on x86_64: the final direct map covers all RAM */
}

void arch_platform_init(void)
{
}

unsigned int arch_cpu_id(void)
{
    return 0;
}

void arch_idle(void)
{
    if (!softirq_pending(arch_cpu_id()))
        fake_exit(FAKE_EXIT_IDLE_SLEEP); /* nothing could ever wake us */
}

void arch_send_event_check(unsigned int cpu)
{
    (void)cpu; /* no other CPU comes online: nobody to interrupt */
}

unsigned int arch_cpu_khz(void)
{
    return 1000000;
}

uint64_t arch_now_ns(void)
{
    return clock_ns;
}

void arch_timer_program(uint64_t deadline_ns)
{
    timer_deadline = deadline_ns;
    if (deadline_ns && deadline_ns <= clock_ns)
        raise_softirq(SOFTIRQ_TIMER); /* a deadline already past fires at once */
}

unsigned int arch_start_secondary_cpus(void)
{
    return 1; /* the boot CPU only */
}

void arch_poweroff(void)
{
    fake_exit(FAKE_EXIT_POWEROFF);
}

void arch_reboot(void)
{
    fake_exit(FAKE_EXIT_REBOOT);
}

void arch_halt_cpu(void)
{
    fake_exit(FAKE_EXIT_HALT);
}

void arch_stop_other_cpus(void)
{
}

/* --- Console -------------------------------------------------------------- */

void arch_console_write(const char *s, size_t len)
{
    if (len > CONSOLE_CAPACITY - 1 - console_len)
        fake_fatal("console capture full: clear it between steps");
    memcpy(console_buf + console_len, s, len);
    console_len += len;
}

int arch_console_getc(void)
{
    if (!console_input || !*console_input)
        return -1;
    return (unsigned char)*console_input++;
}

/* --- Hypervisor mappings ---------------------------------------------------- */

static bool vmap_range_ok(unsigned long va, unsigned long nr)
{
    return va >= VMAP_START && va % PAGE_SIZE == 0 && nr <= (VMAP_END - va) / PAGE_SIZE;
}

int arch_map_pages(unsigned long va, paddr_t pa, unsigned long nr, enum map_perm perm)
{
    /* Nothing executes from fake mappings: RX is observable only as RO. */
    int prot = perm == MAP_RO || perm == MAP_RX ? PROT_READ : PROT_READ | PROT_WRITE;
    size_t len = nr * PAGE_SIZE;

    if (!vmap_range_ok(va, nr) || pa % PAGE_SIZE || pa > machine_size || len > machine_size - pa)
        return -ENOMEM;
    if (mmap((void *)va, len, prot, MAP_SHARED | MAP_FIXED, machine_fd, (off_t)pa) == MAP_FAILED)
        return -ENOMEM;
    return 0;
}

void arch_flush_mappings(unsigned long va, unsigned long nr)
{
    (void)va;
    (void)nr; /* one CPU, no TLB */
}

void arch_unmap_pages(unsigned long va, unsigned long nr)
{
    void *p;

    if (!vmap_range_ok(va, nr))
        fake_fatal("arch_unmap_pages(%#lx, %lu) outside the vmap area", va, nr);
    p = mmap((void *)va, nr * PAGE_SIZE, PROT_NONE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
    if (p == MAP_FAILED)
        fake_fatal("cannot unmap %#lx", va);
}

/* --- Domains and vCPUs -------------------------------------------------------- */

int arch_domain_init(struct domain *d)
{
    void *root;
    int rc = domain_init_error;

    domain_init_error = 0;
    if (rc)
        return rc;
    root = alloc_xenheap_pages(1);
    if (!root)
        return -ENOMEM;
    d->arch.root_pa = __pa(root);
    d->arch.pages_mapped = 0;
    return 0;
}

struct fake_port_grant fake_port_grants[FAKE_MAX_PORT_GRANTS];
unsigned long fake_irqs_enabled;

/* Records the grant; the fake has no ports of its own to protect. */
int arch_domain_permit_ioports(struct domain *d, unsigned int first, unsigned int last)
{
    for (unsigned int i = 0; i < FAKE_MAX_PORT_GRANTS; i++) {
        if (!fake_port_grants[i].d) {
            fake_port_grants[i] = (struct fake_port_grant){ d, first, last };
            return 0;
        }
    }
    return -ENOSPC;
}

/* Line 0 stands for a line the hypervisor keeps. */
int arch_device_irq_enable(unsigned int irq)
{
    if (irq == 0)
        return -EPERM;
    fake_irqs_enabled |= 1UL << irq;
    return 0;
}

void arch_device_irq_disable(unsigned int irq)
{
    fake_irqs_enabled &= ~(1UL << irq);
}

void arch_domain_destroy(struct domain *d)
{
    for (unsigned int i = 0; i < FAKE_MAX_PORT_GRANTS; i++)
        if (fake_port_grants[i].d == d)
            fake_port_grants[i].d = NULL;
    free_xenheap_pages(__va(d->arch.root_pa), 1);
    d->arch.root_pa = 0;
}

int arch_guest_map_page(struct domain *d, unsigned long index, paddr_t pa)
{
    if (pa % PAGE_SIZE || pa >= machine_size)
        fake_fatal("d%u: guest page %lu mapped to bad frame %#llx", d->domid, index,
                   (unsigned long long)pa);
    d->arch.pages_mapped++;
    return 0;
}

uint64_t fake_wallclock_sec;
uint32_t fake_wallclock_nsec;

void arch_wallclock_publish(uint64_t sec, uint32_t nsec)
{
    fake_wallclock_sec = sec;
    fake_wallclock_nsec = nsec;
}

/* No shared_info page: guests of the fake arch have no clock to read. */
int arch_guest_map_shared_info(struct domain *d, uint64_t *gaddr)
{
    (void)d;
    *gaddr = 0;
    return 0;
}

void arch_guest_unmap_all(struct domain *d)
{
    d->arch.pages_mapped = 0;
}

void arch_vcpu_init_entry(struct vcpu *v, unsigned long entry, unsigned long stack,
                          unsigned long arg)
{
    v->arch.entry = entry;
    v->arch.stack = stack;
    v->arch.arg = arg;
}

bool arch_guest_elf_machine_ok(unsigned int machine, unsigned int elf_class)
{
    return machine == EM_X86_64 && elf_class == ELFCLASS64; /* as on x86_64 */
}

void arch_context_switch(struct vcpu *prev, struct vcpu *next)
{
    if (prev == next)
        fake_fatal("context switch from a vCPU to itself");
    next->arch.loads++;
}

void arch_reset_stack_and_jump_idle(void)
{
    fake_exit(FAKE_EXIT_TO_IDLE);
}

void arch_reset_stack_and_resume_guest(void)
{
    fake_exit(FAKE_EXIT_TO_GUEST);
}

long arch_do_hypercall(unsigned long nr, const unsigned long args[HYPERCALL_MAX_ARGS])
{
    (void)nr;
    (void)args;
    return -ENOSYS;
}

/* --- Guest memory access ------------------------------------------------------ */

/* The host address of guest range [gaddr, gaddr + len), or NULL if unmapped. */
static unsigned char *guest_range(uint64_t gaddr, size_t len)
{
    for (unsigned int i = 0; i < nr_guest_regions; i++) {
        const struct guest_region *r = &guest_regions[i];

        if (gaddr >= r->gaddr && gaddr - r->gaddr <= r->len && len <= r->len - (gaddr - r->gaddr))
            return r->buf + (gaddr - r->gaddr);
    }
    return NULL;
}

size_t arch_copy_from_guest(void *dst, uint64_t gaddr, size_t len)
{
    const unsigned char *src;

    if (!len)
        return 0;
    src = guest_range(gaddr, len);
    if (!src)
        return len;
    memcpy(dst, src, len);
    return 0;
}

size_t arch_copy_to_guest(uint64_t gaddr, const void *src, size_t len)
{
    unsigned char *dst;

    if (!len)
        return 0;
    dst = guest_range(gaddr, len);
    if (!dst)
        return len;
    memcpy(dst, src, len);
    return 0;
}

/* --- Live patching ------------------------------------------------------------ */

static uint8_t *fake_text;
static size_t fake_text_len;
static struct fake_livepatch_counts lp_counts;

void fake_text_set(void *buf, size_t len)
{
    fake_text = buf;
    fake_text_len = len;
}

const struct fake_livepatch_counts *fake_livepatch_counts(void)
{
    return &lp_counts;
}

bool arch_livepatch_in_hv_text(unsigned long addr, size_t len)
{
    unsigned long s = (unsigned long)fake_text;

    return fake_text && addr >= s && addr - s < fake_text_len && len <= fake_text_len - (addr - s);
}

void arch_livepatch_quiesce(void)
{
    lp_counts.quiesce++;
}

void arch_livepatch_revive(void)
{
    lp_counts.revive++;
}

void arch_livepatch_apply(const struct livepatch_func *f, struct lp_patch_site *site)
{
    uint8_t insn[LIVEPATCH_OPAQUE_SIZE], *at;

    site->offset = arch_livepatch_patch_offset(f);
    at = (uint8_t *)f->old_addr + site->offset;
    site->len = x86_livepatch_insn(f, (unsigned long)at, insn);
    memcpy(site->saved, at, site->len);
    memcpy(at, insn, site->len);
}

void arch_livepatch_revert(const struct livepatch_func *f, const struct lp_patch_site *site)
{
    memcpy((uint8_t *)f->old_addr + site->offset, site->saved, site->len);
}

void arch_livepatch_post_action(void)
{
    lp_counts.post_action++;
}

/* --- BUG and WARN ------------------------------------------------------------ */

void fake_bug(const char *file, unsigned int line, unsigned int kind)
{
    if (kind == BUG_KIND_WARN) {
        printk(XENLOG_ERR "Warning at %s:%u\n", file, line);
        return;
    }
    panic("BUG at %s:%u", file, line);
}

/* The image has no bug frames or exception-table entries of its own: the
 * unit-test Makefile makes each table's end symbol equal to its start. */
const struct bug_frame __bug_frames_start[1];
const struct extable_entry __ex_table_start[1];

/* --- Diagnostics ------------------------------------------------------------- */

void arch_dump_stack(void)
{
}

/* --- What the linker and tools/symtab-gen provide in a real image ------------ */

/*
 * A fake image of three symbols (offsets from __image_start):
 *   0x100 fake_boot  (function, 0x80 bytes)
 *   0x200 fake_idle  (local function, 0x40 bytes)
 *   0x800 fake_data  (object, 0x10 bytes)
 */
const char __image_start[0x1000];
const char symtab_names[] = "fake_boot\0fake_data\0fake_idle";
const struct symtab_entry symtab_entries[] = {
    { 0x100, 0x80, 0, SYMTAB_FUNC },
    { 0x200, 0x40, 20, SYMTAB_FUNC | SYMTAB_LOCAL },
    { 0x800, 0x10, 10, SYMTAB_OBJECT },
};
const uint32_t symtab_by_name[] = { 0, 2, 1 };
const uint32_t symtab_count = ARRAY_SIZE(symtab_entries);

/*
 * The build-id note.  Its section is named like a C identifier so the
 * linker defines __start_/__stop_fake_build_id; the unit-test Makefile
 * links __note_gnu_build_id_start/_end to those, as xen.lds does.
 */
struct build_id_note {
    Elf_Note hdr;
    char name[4];
    char desc[FAKE_BUILD_ID_LEN];
};
__used __section("fake_build_id") static const struct build_id_note hypervisor_build_id = {
    { 4, FAKE_BUILD_ID_LEN, NT_GNU_BUILD_ID },
    "GNU",
    FAKE_BUILD_ID,
};
