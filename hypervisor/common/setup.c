/* SPDX-License-Identifier: MIT */
/*
 * The arch-neutral boot sequence, and building the boot domains.
 *
 * Boot modules: the first is dom0's kernel.  Each later module's command
 * line is "<file> [options] [-- guest command line]" where options are
 *   domu       start it as an unprivileged domain at boot (default: it is
 *              passed to dom0 as its module, start_info.mod_start)
 *   mem=SIZE   guest RAM (default 4M)
 *   ioports=, irq=  devices passed through to it (hv/passthrough.h)
 * The first module takes the same options but "domu".
 */
#include <hv/bootinfo.h>
#include <hv/arch.h>
#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/lib.h>
#include <hv/livepatch.h>
#include <hv/mm.h>
#include <hv/passthrough.h>
#include <hv/percpu.h>
#include <hv/sched.h>
#include <hv/shutdown.h>
#include <hv/smp.h>
#include <hv/test_hooks.h>
#include <hv/timer.h>
#include <hv/version.h>

#define DEFAULT_GUEST_MEM MiB(4)

struct cpu_data cpu_data[NR_CPUS];
static char saved_cmdline[1024];

const char *boot_cmdline(void)
{
    return saved_cmdline;
}

unsigned int num_online_cpus(void)
{
    unsigned int n = 0;

    for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
        n += READ_ONCE(cpu_data[cpu].online);
    return n;
}

void bootinfo_add_ram(struct boot_info *bi, paddr_t start, paddr_t end)
{
    if (bi->nr_ram < MAX_MEM_RANGES && end > start)
        bi->ram[bi->nr_ram++] = (struct mem_range){ start, end };
}

void bootinfo_reserve(struct boot_info *bi, paddr_t start, paddr_t end)
{
    if (bi->nr_reserved == MAX_MEM_RANGES)
        panic("too many reserved memory ranges");
    if (end > start)
        bi->reserved[bi->nr_reserved++] = (struct mem_range){ start, end };
}

/* Splits a module command line into hypervisor options and the guest's. */
static const char *guest_cmdline_of(const char *mod_cmdline)
{
    const char *sep = mod_cmdline;

    while ((sep = strchr(sep, '-')) != NULL) {
        if (sep[1] == '-' && (sep == mod_cmdline || sep[-1] == ' ') &&
            (sep[2] == ' ' || sep[2] == '\0'))
            return sep[2] ? sep + 3 : sep + 2;
        sep++;
    }
    return "";
}

static void hv_options_of(const char *mod_cmdline, char *buf, size_t size)
{
    const char *guest = guest_cmdline_of(mod_cmdline);
    size_t n = *guest ? (size_t)(guest - mod_cmdline) : strlen(mod_cmdline);

    n = MIN(n, size - 1);
    memcpy(buf, mod_cmdline, n);
    buf[n] = '\0';
}

static struct domain *build_boot_domain(const struct boot_module *m, bool privileged,
                                        const struct boot_module *dom0_module)
{
    char opts[256];
    struct domain *d;
    size_t mem;
    int rc;

    hv_options_of(m->cmdline, opts, sizeof(opts));
    mem = (size_t)cmdline_size(opts, "mem", DEFAULT_GUEST_MEM);
    rc = domain_create(0, privileged, 1, &d);
    if (rc)
        panic("cannot create a domain for boot module '%s': error %d", m->cmdline, rc);
    rc = domain_load_image(d, __va(m->start), m->size, mem, guest_cmdline_of(m->cmdline),
                           dom0_module ? __va(dom0_module->start) : NULL,
                           dom0_module ? dom0_module->size : 0);
    if (rc)
        panic("cannot load boot module '%s' into d%u: error %d", m->cmdline, d->domid, rc);
    rc = passthrough_setup(d, opts);
    if (rc)
        panic("cannot give boot module '%s' its devices: error %d", m->cmdline, rc);
    return d;
}

static void build_boot_domains(const struct boot_info *bi)
{
    const struct boot_module *dom0_module = NULL;
    struct domain *started[MAX_BOOT_MODULES];
    unsigned int n = 0;

    if (!bi->nr_modules)
        panic("no boot modules: nothing to run as dom0");
    for (unsigned int i = 1; i < bi->nr_modules; i++) {
        char opts[256];

        hv_options_of(bi->modules[i].cmdline, opts, sizeof(opts));
        if (!cmdline_flag(opts, "domu") && !dom0_module)
            dom0_module = &bi->modules[i];
    }
    started[n++] = build_boot_domain(&bi->modules[0], true, dom0_module);
    for (unsigned int i = 1; i < bi->nr_modules; i++) {
        char opts[256];

        hv_options_of(bi->modules[i].cmdline, opts, sizeof(opts));
        if (cmdline_flag(opts, "domu"))
            started[n++] = build_boot_domain(&bi->modules[i], false, NULL);
    }
    for (unsigned int i = 0; i < bi->nr_modules; i++)
        free_boot_range(bi->modules[i].start, bi->modules[i].start + bi->modules[i].size);
    for (unsigned int i = 0; i < n; i++)
        domain_unpause_by_controller(started[i]);
}

void cpu_common_prepare(unsigned int cpu)
{
    struct cpu_data *c = &cpu_data[cpu];

    timers_init_cpu(cpu);
    sched_init_cpu(cpu);
    c->idle = c->curr = idle_vcpu_create(cpu);
}

void cpu_common_start(void)
{
    WRITE_ONCE(this_cpu()->online, true);
    arch_reset_stack_and_jump_idle();
}

void start_hypervisor(struct boot_info *bi)
{
    strlcpy(saved_cmdline, bi->cmdline ? bi->cmdline : "", sizeof(saved_cmdline));
    shutdown_init(saved_cmdline);
    print_banner();
    printk("Command line: %s\n", saved_cmdline);

    page_alloc_init(bi);
    arch_mm_init(bi);
    vmap_init();
    domain_subsystem_init();
    sched_init();
    cpu_common_prepare(0);
    arch_platform_init();
    WRITE_ONCE(this_cpu()->online, true);

    printk("Brought up %u CPUs\n", arch_start_secondary_cpus());
    livepatch_sig_init(saved_cmdline);
    test_hooks_boot(saved_cmdline);
    build_boot_domains(bi);
    printk(XENLOG_INFO "Boot done: %lu of %lu pages free\n", free_page_count(), total_pages());
    cpu_common_start();
}
