/* SPDX-License-Identifier: MIT */
/*
 * Domain lifecycle: creation, loading a kernel image into fresh RAM,
 * pause/unpause by the control domain, shutdown, crash and destruction.
 *
 * Locking: domlist_lock protects the domain list and ID allocation (it is
 * held while a domain is created, looked up for domctl, or unlinked);
 * d->lock serialises pause and shutdown state changes of one domain.
 */
#include <hv/domain.h>
#include <hv/console.h>
#include <hv/domain_build.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/passthrough.h>
#include <hv/percpu.h>
#include <hv/sched.h>
#include <hv/shutdown.h>
#include <hv/timer.h>
#include <public/sched.h>

#define GUEST_MIN_MEM KiB(64)
#define GUEST_MIN_STACK KiB(16)
#define MAX_PAUSE_COUNT 255

struct domain *dom0;
struct domain *idle_domain;
static struct domain idle_domain_storage;
static struct list_head domain_list = LIST_HEAD_INIT(domain_list);
static spinlock_t domlist_lock = SPIN_LOCK_UNLOCKED;
static unsigned int nr_domains;

static const char *const shutdown_reasons[] = {
    [SHUTDOWN_poweroff] = "poweroff", [SHUTDOWN_reboot] = "reboot",
    [SHUTDOWN_suspend] = "suspend",   [SHUTDOWN_crash] = "crash",
    [SHUTDOWN_watchdog] = "watchdog", [SHUTDOWN_soft_reset] = "soft_reset",
};

const char *shutdown_reason_name(unsigned int reason)
{
    return reason < ARRAY_SIZE(shutdown_reasons) && shutdown_reasons[reason]
               ? shutdown_reasons[reason]
               : "unknown";
}

void domlist_lock_acquire(void)
{
    spin_lock(&domlist_lock);
}

void domlist_lock_release(void)
{
    spin_unlock(&domlist_lock);
}

void domain_subsystem_init(void)
{
    idle_domain = &idle_domain_storage;
    idle_domain->domid = DOMID_IDLE;
    spin_lock_init(&idle_domain->lock);
    list_init(&idle_domain->link);
}

static struct vcpu *vcpu_alloc(struct domain *d, unsigned int id)
{
    struct vcpu *v = xzalloc(struct vcpu);

    if (!v)
        return NULL;
    v->vcpu_id = id;
    v->domain = d;
    list_init(&v->runq_link);
    vcpu_timer_init(v);
    return v;
}

struct vcpu *idle_vcpu_create(unsigned int cpu)
{
    struct vcpu *v = vcpu_alloc(idle_domain, cpu);

    if (!v)
        panic("cannot allocate the idle vCPU of CPU %u", cpu);
    v->processor = cpu;
    return v;
}

struct domain *domain_by_id(domid_t domid)
{
    struct domain *d;

    list_for_each_entry(d, &domain_list, link) if (d->domid == domid) return d;
    return NULL;
}

struct domain *domain_next_from(domid_t domid)
{
    struct domain *d;

    list_for_each_entry(d, &domain_list, link) if (d->domid >= domid) return d;
    return NULL;
}

/* Picks the domain's ID; called with domlist_lock held. */
static int choose_domid(domid_t wanted, bool privileged, domid_t *out)
{
    if (privileged) {
        if (dom0 || wanted != 0)
            return -EEXIST;
        *out = 0;
        return 0;
    }
    if (wanted) {
        if (wanted >= DOMID_FIRST_RESERVED)
            return -EINVAL;
        if (domain_by_id(wanted))
            return -EEXIST;
        *out = wanted;
        return 0;
    }
    for (domid_t id = 1; id < DOMID_FIRST_RESERVED; id++) {
        if (!domain_by_id(id)) {
            *out = id;
            return 0;
        }
    }
    return -ENOSPC;
}

static void domain_link(struct domain *d)
{
    struct domain *pos;

    list_for_each_entry(pos, &domain_list, link) if (pos->domid > d->domid) break;
    list_add_tail(&d->link, &pos->link);
    nr_domains++;
}

static void domain_free(struct domain *d)
{
    for (unsigned int i = 0; i < d->max_vcpus; i++)
        xfree(d->vcpu[i]);
    xfree(d);
}

int domain_create(domid_t domid, bool privileged, unsigned int max_vcpus, struct domain **out)
{
    struct domain *d;
    int rc;

    if (max_vcpus < 1 || max_vcpus > MAX_VCPUS_PER_DOMAIN)
        return -EINVAL;
    d = xzalloc(struct domain);
    if (!d)
        return -ENOMEM;
    spin_lock_init(&d->lock);
    list_init(&d->link);
    d->is_privileged = privileged;
    d->pause_count = 1; /* created paused */
    d->max_vcpus = max_vcpus;
    for (unsigned int i = 0; i < max_vcpus; i++) {
        d->vcpu[i] = vcpu_alloc(d, i);
        if (!d->vcpu[i]) {
            domain_free(d);
            return -ENOMEM;
        }
        d->vcpu[i]->pause_flags = VPF_down;
    }

    spin_lock(&domlist_lock);
    rc = nr_domains >= MAX_DOMAINS ? -ENOSPC : choose_domid(domid, privileged, &d->domid);
    if (!rc)
        rc = arch_domain_init(d);
    if (!rc) {
        domain_link(d);
        if (privileged)
            dom0 = d;
    }
    spin_unlock(&domlist_lock);
    if (rc) {
        domain_free(d);
        return rc;
    }
    *out = d;
    return 0;
}

/* Unmaps and frees guest RAM; the domain may be half-built. */
static void free_guest_ram(struct domain *d)
{
    arch_guest_unmap_all(d);
    for (unsigned long i = 0; i < d->nr_pages; i++)
        if (d->frames[i] != INVALID_PADDR)
            free_pages(d->frames[i], 1);
    xfree(d->frames);
    d->frames = NULL;
    d->nr_pages = 0;
}

static int alloc_guest_ram(struct domain *d, unsigned long nr)
{
    d->frames = xzalloc_array(paddr_t, nr);
    if (!d->frames)
        return -ENOMEM;
    d->nr_pages = nr;
    for (unsigned long i = 0; i < nr; i++)
        d->frames[i] = INVALID_PADDR;
    for (unsigned long i = 0; i < nr; i++) {
        paddr_t pa = alloc_pages(1, 1);

        if (pa == INVALID_PADDR)
            return -ENOMEM;
        memset(__va(pa), 0, PAGE_SIZE);
        d->frames[i] = pa;
        if (arch_guest_map_page(d, i, pa))
            return -ENOMEM;
    }
    return 0;
}

/* Copies @len bytes into guest RAM at byte offset @off (already bounded). */
static void guest_ram_write(struct domain *d, uint64_t off, const void *src, size_t len)
{
    const unsigned char *s = src;

    while (len) {
        size_t in_page = PAGE_SIZE - (off & (PAGE_SIZE - 1));
        size_t n = MIN(len, in_page);

        memcpy((char *)__va(d->frames[off >> PAGE_SHIFT]) + (off & (PAGE_SIZE - 1)), s, n);
        off += n;
        s += n;
        len -= n;
    }
}

static void write_start_info(struct domain *d, uint64_t si_off, uint64_t shared_info,
                             uint64_t mod_off, size_t module_size, const char *cmdline)
{
    start_info_t *si = xzalloc(start_info_t);

    if (!si)
        panic("out of memory building start_info");
    strlcpy(si->magic, GUEST_START_INFO_MAGIC, sizeof(si->magic));
    si->nr_pages = d->nr_pages;
    si->shared_info = shared_info;
    si->flags = d->is_privileged ? SIF_PRIVILEGED | SIF_INITDOMAIN : 0;
    if (module_size) {
        si->mod_start = GUEST_RAM_BASE + mod_off;
        si->mod_len = module_size;
    }
    if (cmdline)
        strlcpy((char *)si->cmd_line, cmdline, sizeof(si->cmd_line));
    guest_ram_write(d, si_off, si, sizeof(*si));
    xfree(si);
}

int domain_load_image(struct domain *d, const void *image, size_t size, size_t mem,
                      const char *cmdline, const void *module, size_t module_size)
{
    struct guest_image img;
    uint64_t si_off, mod_off, need, shared_info;
    int rc;

    if (d->frames)
        return -EBUSY;
    mem = ROUNDUP(mem, PAGE_SIZE);
    if (mem < GUEST_MIN_MEM || mem > DOMAIN_MAX_MEM)
        return -EINVAL;
    rc = guest_image_parse(image, size, GUEST_RAM_BASE, mem, &img);
    if (rc)
        return rc;
    if (!arch_guest_elf_machine_ok(img.machine, img.elf_class))
        return -ENOEXEC;
    si_off = ROUNDUP(img.highest - GUEST_RAM_BASE, PAGE_SIZE);
    mod_off = si_off + ROUNDUP(sizeof(start_info_t), PAGE_SIZE);
    need = mod_off + ROUNDUP(module_size, PAGE_SIZE) + GUEST_MIN_STACK;
    if (module_size > DOMAIN_MAX_MEM || need > mem) {
        printk(XENLOG_WARNING "d%u: %zu KiB of RAM is too small for the image\n", d->domid,
               mem >> 10);
        return -EINVAL;
    }

    rc = alloc_guest_ram(d, mem >> PAGE_SHIFT);
    if (!rc)
        rc = arch_guest_map_shared_info(d, &shared_info);
    if (rc) {
        free_guest_ram(d);
        return rc;
    }
    for (unsigned int i = 0; i < img.nr_segments; i++)
        guest_ram_write(d, img.seg[i].vaddr - GUEST_RAM_BASE,
                        (const char *)image + img.seg[i].offset, img.seg[i].filesz);
    if (module_size)
        guest_ram_write(d, mod_off, module, module_size);
    write_start_info(d, si_off, shared_info, mod_off, module_size, cmdline);
    arch_vcpu_init_entry(d->vcpu[0], img.entry, GUEST_RAM_BASE + mem, GUEST_RAM_BASE + si_off);
    __atomic_fetch_and(&d->vcpu[0]->pause_flags, ~VPF_down, __ATOMIC_SEQ_CST);
    printk(XENLOG_INFO "d%u: %zu KiB RAM, entry %#lx%s%s\n", d->domid, mem >> 10,
           (unsigned long)img.entry, cmdline && *cmdline ? ", cmdline: " : "",
           cmdline ? cmdline : "");
    return 0;
}

int domain_pause_by_controller(struct domain *d)
{
    spin_lock(&d->lock);
    if (d->pause_count >= MAX_PAUSE_COUNT) {
        spin_unlock(&d->lock);
        return -EOVERFLOW;
    }
    d->pause_count++;
    spin_unlock(&d->lock);
    for (unsigned int i = 0; i < d->max_vcpus; i++)
        vcpu_sleep_sync(d->vcpu[i]);
    return 0;
}

int domain_unpause_by_controller(struct domain *d)
{
    bool wake;

    spin_lock(&d->lock);
    if (!d->pause_count) {
        spin_unlock(&d->lock);
        return -EINVAL;
    }
    wake = --d->pause_count == 0;
    spin_unlock(&d->lock);
    if (wake)
        for (unsigned int i = 0; i < d->max_vcpus; i++)
            vcpu_wake(d->vcpu[i]);
    return 0;
}

void domain_shutdown(struct domain *d, unsigned int reason)
{
    spin_lock(&d->lock);
    if (d->is_shutdown) {
        spin_unlock(&d->lock);
        return;
    }
    d->shutdown_code = (uint8_t)reason;
    WRITE_ONCE(d->is_shutdown, true);
    spin_unlock(&d->lock);

    printk(XENLOG_INFO "Domain %u shut down: reason %s\n", d->domid, shutdown_reason_name(reason));
    for (unsigned int i = 0; i < d->max_vcpus; i++)
        vcpu_sleep_nosync(d->vcpu[i]);
    if (d == dom0)
        machine_shutdown_for_dom0(reason);
    domain_notify_controller();
}

void domain_crash(struct domain *d, const char *why)
{
    printk(XENLOG_ERR "Domain %u crashed: %s\n", d->domid, why);
    domain_shutdown(d, SHUTDOWN_crash);
}

int domain_destroy(struct domain *d)
{
    if (d == dom0 || d == current->domain)
        return -EINVAL;
    spin_lock(&d->lock);
    WRITE_ONCE(d->is_dying, true);
    spin_unlock(&d->lock);
    for (unsigned int i = 0; i < d->max_vcpus; i++) {
        vcpu_sleep_sync(d->vcpu[i]);
        vcpu_timer_kill(d->vcpu[i]);
    }

    spin_lock(&domlist_lock);
    list_del(&d->link);
    nr_domains--;
    spin_unlock(&domlist_lock);

    passthrough_release(d);
    free_guest_ram(d);
    arch_domain_destroy(d);
    printk(XENLOG_INFO "Domain %u destroyed\n", d->domid);
    domain_free(d);
    return 0;
}

void domain_notify(struct domain *d)
{
    vcpu_send_event(d->vcpu[0]);
}

void domain_notify_controller(void)
{
    if (dom0)
        domain_notify(dom0);
}

uint64_t domain_cpu_time(const struct domain *d)
{
    uint64_t t = 0;

    for (unsigned int i = 0; i < d->max_vcpus; i++)
        t += vcpu_cpu_time(d->vcpu[i]);
    return t;
}
