/* SPDX-License-Identifier: MIT */
/*
 * The domctl hypercall as dom0 uses it: the privilege and ABI gate, then
 * the domain lifecycle (create, load an image, get info, pause counting,
 * unpause, destroy) with Xen's error values, and no memory leaked on any
 * path.
 */
#include <string.h>

#include <hv/errno.h>
#include <hv/hypercall.h>
#include <hv/mm.h>
#include <hv/percpu.h>
#include <public/domctl-ext.h>
#include <public/xen.h>

#include "elf_image.h"
#include "fake.h"
#include "fixture.h"
#include "unit.h"

#define UNMAPPED_GUEST_ADDR 0xdead0000UL
#define IMAGE_OFFSET KiB(4)   /* in the guest argument area */
#define CMDLINE_OFFSET KiB(8) /* in the guest argument area */
#define LOAD_MEM_KB 256

static struct domain *dom0_d, *domu;

static void setup(void)
{
    fixture_boot_dom0_and_domu(&dom0_d, &domu);
    fake_console_clear();
}

/* A domctl in the guest argument area; fill op->u, then issue(). */
static struct xen_domctl *domctl_op(uint32_t cmd, domid_t domid)
{
    struct xen_domctl *op = guest_area(0);

    memset(op, 0, sizeof(*op));
    op->cmd = cmd;
    op->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    op->domain = domid;
    return op;
}

static long issue(const struct xen_domctl *op)
{
    return hypercall(__HYPERVISOR_domctl, guest_addr(op), 0, 0);
}

static long domctl(uint32_t cmd, domid_t domid)
{
    return issue(domctl_op(cmd, domid));
}

/* Creates a domain through domctl; returns its ID or a negative error. */
static long create(domid_t wanted)
{
    struct xen_domctl *op = domctl_op(XEN_DOMCTL_createdomain, wanted);
    long rc;

    op->u.createdomain.max_vcpus = 1;
    memset(op->u.createdomain.handle, 0xab, sizeof(op->u.createdomain.handle));
    rc = issue(op);
    return rc ? rc : op->domain;
}

/* getdomaininfo for the first domain >= @domid, into *info. */
static long info(domid_t domid, struct xen_domctl_getdomaininfo *info)
{
    struct xen_domctl *op = domctl_op(XEN_DOMCTL_getdomaininfo, domid);
    long rc = issue(op);

    *info = op->u.getdomaininfo;
    return rc;
}

/* A load_image domctl for @domid with a valid image and "console=hvc0". */
static struct xen_domctl *load_op(domid_t domid)
{
    struct image64 *img = guest_area(IMAGE_OFFSET);
    char *cmdline = guest_area(CMDLINE_OFFSET);
    struct xen_domctl *op = domctl_op(XEN_DOMCTL_load_image, domid);
    struct xen_domctl_load_image *li = (struct xen_domctl_load_image *)&op->u;

    image64_init(img, GUEST_RAM_BASE);
    strcpy(cmdline, "console=hvc0");
    li->image.p = (uint8_t *)(uintptr_t)guest_addr(img);
    li->image_size = sizeof(*img);
    li->mem_kb = LOAD_MEM_KB;
    li->cmdline.p = (char *)(uintptr_t)guest_addr(cmdline);
    li->cmdline_size = (uint32_t)strlen(cmdline) + 1;
    return op;
}

static struct xen_domctl_load_image *load_args(struct xen_domctl *op)
{
    return (struct xen_domctl_load_image *)&op->u;
}

/* --- The gate ----------------------------------------------------------------- */

TEST(domctl_from_a_domu_is_eperm)
{
    setup();
    fixture_run_as(domu);
    CHECK_EQ(create(0), -EPERM);
    CHECK_EQ(domctl(XEN_DOMCTL_pausedomain, 0), -EPERM);
    CHECK_EQ(hypercall(__HYPERVISOR_domctl, UNMAPPED_GUEST_ADDR, 0, 0), -EPERM);
    CHECK(domain_by_id(2) == NULL);
    CHECK_EQ(dom0_d->pause_count, 1);
}

TEST(domctl_checks_pointer_version_and_command)
{
    struct xen_domctl *op;

    setup();
    CHECK_EQ(hypercall(__HYPERVISOR_domctl, UNMAPPED_GUEST_ADDR, 0, 0), -EFAULT);
    op = guest_area(FIXTURE_GUEST_SIZE - sizeof(*op) + 8); /* runs off guest memory */
    CHECK_EQ(hypercall(__HYPERVISOR_domctl, guest_addr(op), 0, 0), -EFAULT);
    op = domctl_op(XEN_DOMCTL_createdomain, 0);
    op->u.createdomain.max_vcpus = 1;
    op->interface_version = XEN_DOMCTL_INTERFACE_VERSION + 1;
    CHECK_EQ(issue(op), -EACCES);
    CHECK(domain_by_id(2) == NULL);
    CHECK_EQ(domctl(0x7777, 1), -ENOSYS);
    CHECK_EQ(domctl(XEN_DOMCTL_max_mem, 1), -ENOSYS);
}

/* --- Create and get info -------------------------------------------------------------- */

TEST(create_picks_a_free_id_or_takes_the_one_asked_for)
{
    setup();
    CHECK_EQ(create(0), 2);
    CHECK_EQ(create(7), 7);
    CHECK_EQ(create(0), 3);
    CHECK_EQ(create(7), -EEXIST);
    CHECK_EQ(create(DOMID_FIRST_RESERVED), -EINVAL);
    CHECK_EQ(create(DOMID_SELF), -EINVAL);
    REQUIRE(domain_by_id(7) != NULL);
    CHECK(!domain_by_id(7)->is_privileged);
    CHECK_EQ(domain_by_id(7)->handle[0], 0xab);
}

TEST(create_refuses_what_this_hypervisor_cannot_do)
{
    struct xen_domctl *op;

    setup();
    op = domctl_op(XEN_DOMCTL_createdomain, 0);
    op->u.createdomain.max_vcpus = 1;
    op->u.createdomain.flags = XEN_DOMCTL_CDF_hvm | XEN_DOMCTL_CDF_hap;
    CHECK_EQ(issue(op), -EOPNOTSUPP);
    op = domctl_op(XEN_DOMCTL_createdomain, 0);
    op->u.createdomain.max_vcpus = 0;
    CHECK_EQ(issue(op), -EINVAL);
    op = domctl_op(XEN_DOMCTL_createdomain, 0);
    op->u.createdomain.max_vcpus = MAX_VCPUS_PER_DOMAIN + 1;
    CHECK_EQ(issue(op), -EINVAL);
    CHECK(domain_by_id(2) == NULL);
}

TEST(create_failing_in_the_arch_leaks_nothing)
{
    size_t heap_before;
    unsigned long pages_before;

    setup();
    domain_destroy(domain_by_id((domid_t)create(0))); /* warm the heap's size classes up */
    heap_before = xmalloc_in_use();
    pages_before = free_page_count();
    fake_fail_next_domain_init(-ENOMEM);
    CHECK_EQ(create(0), -ENOMEM);
    CHECK(domain_by_id(2) == NULL);
    CHECK_EQ(xmalloc_in_use(), heap_before);
    CHECK_EQ(free_page_count(), pages_before);
    CHECK_EQ(create(0), 2); /* and the ID was not used up */
}

TEST(getdomaininfo_describes_a_new_domain)
{
    struct xen_domctl_getdomaininfo di;

    setup();
    CHECK_EQ(info(1, &di), 0);
    CHECK_EQ(di.domain, 1);
    CHECK(di.flags & XEN_DOMINF_paused); /* created paused */
    CHECK(!(di.flags & (XEN_DOMINF_dying | XEN_DOMINF_shutdown | XEN_DOMINF_running)));
    CHECK_EQ(di.tot_pages, 0);
    CHECK_EQ(di.nr_online_vcpus, 0); /* no image: no context yet */
    CHECK_EQ(di.max_vcpu_id, 0);
}

TEST(getdomaininfo_gives_the_next_domain_up)
{
    struct xen_domctl_getdomaininfo di;

    setup();
    CHECK_EQ(create(9), 9);
    CHECK_EQ(info(0, &di), 0);
    CHECK_EQ(di.domain, 0);
    CHECK(di.flags & XEN_DOMINF_running); /* dom0 is the caller */
    CHECK_EQ(info(2, &di), 0);            /* as Xen: the first domain at or above */
    CHECK_EQ(di.domain, 9);
    CHECK_EQ(info(10, &di), -ESRCH);
}

/* --- Pause and unpause ---------------------------------------------------------------- */

TEST(pause_and_unpause_count)
{
    struct xen_domctl_getdomaininfo di;

    setup();
    CHECK_EQ(domctl(XEN_DOMCTL_unpausedomain, 1), 0); /* the creation pause */
    CHECK_EQ(domu->pause_count, 0);
    CHECK_EQ(info(1, &di), 0);
    CHECK(!(di.flags & XEN_DOMINF_paused));
    CHECK_EQ(domctl(XEN_DOMCTL_unpausedomain, 1), -EINVAL); /* not paused */
    CHECK_EQ(domctl(XEN_DOMCTL_pausedomain, 1), 0);
    CHECK_EQ(domctl(XEN_DOMCTL_pausedomain, 1), 0);
    CHECK_EQ(domu->pause_count, 2);
    CHECK_EQ(domctl(XEN_DOMCTL_unpausedomain, 1), 0);
    CHECK_EQ(info(1, &di), 0);
    CHECK(di.flags & XEN_DOMINF_paused); /* one pause still holds it */
    CHECK_EQ(domctl(XEN_DOMCTL_unpausedomain, 1), 0);
    CHECK_EQ(domu->pause_count, 0);
}

TEST(pause_count_saturates)
{
    long rc = 0;
    unsigned int n = 0;

    setup();
    while (n < 1000 && (rc = domctl(XEN_DOMCTL_pausedomain, 1)) == 0)
        n++;
    CHECK_EQ(rc, -EOVERFLOW);
    CHECK_EQ(domu->pause_count, 255);
    CHECK_EQ(n, 254); /* on top of the creation pause */
}

TEST(pause_refuses_self_and_missing_domains)
{
    setup();
    CHECK_EQ(domctl(XEN_DOMCTL_pausedomain, 0), -EINVAL);
    CHECK_EQ(domctl(XEN_DOMCTL_unpausedomain, 0), -EINVAL);
    CHECK_EQ(dom0_d->pause_count, 1);
    CHECK_EQ(domctl(XEN_DOMCTL_pausedomain, 5), -ESRCH);
    CHECK_EQ(domctl(XEN_DOMCTL_unpausedomain, 5), -ESRCH);
}

/* --- Load an image ---------------------------------------------------------------------- */

TEST(load_image_builds_the_guest)
{
    const start_info_t *si;
    const struct vcpu *v;
    struct xen_domctl_getdomaininfo di;

    setup();
    CHECK_EQ(issue(load_op(1)), 0);
    v = domu->vcpu[0];
    CHECK_EQ(domu->nr_pages, LOAD_MEM_KB / 4);
    CHECK_EQ(domu->arch.pages_mapped, LOAD_MEM_KB / 4);
    CHECK_EQ(v->arch.entry, GUEST_RAM_BASE + IMAGE_ENTRY_OFF);
    CHECK_EQ(v->arch.stack, GUEST_RAM_BASE + LOAD_MEM_KB * 1024);
    CHECK_EQ(v->arch.arg, GUEST_RAM_BASE + IMAGE_MEMSZ); /* start_info after the image */
    CHECK(!(v->pause_flags & VPF_down));
    for (size_t i = 0; i < IMAGE_DATA_SIZE; i++)
        if (!CHECK_EQ(*guest_ram(domu, GUEST_RAM_BASE + i), image_data_byte(i)))
            break;
    for (size_t i = IMAGE_DATA_SIZE; i < IMAGE_MEMSZ; i++) /* bss */
        if (!CHECK_EQ(*guest_ram(domu, GUEST_RAM_BASE + i), 0))
            break;
    si = (const start_info_t *)guest_ram(domu, v->arch.arg);
    CHECK_STR(si->magic, GUEST_START_INFO_MAGIC);
    CHECK_EQ(si->nr_pages, LOAD_MEM_KB / 4);
    CHECK_EQ(si->flags, 0); /* not privileged */
    CHECK_STR((const char *)si->cmd_line, "console=hvc0");
    CHECK_EQ(info(1, &di), 0);
    CHECK_EQ(di.tot_pages, LOAD_MEM_KB / 4);
    CHECK_EQ(di.nr_online_vcpus, 1);
}

TEST(loaded_domain_runs_once_unpaused)
{
    setup();
    CHECK_EQ(issue(load_op(1)), 0);
    CHECK(!domu->vcpu[0]->on_runq); /* still paused */
    CHECK_EQ(domctl(XEN_DOMCTL_unpausedomain, 1), 0);
    CHECK(domu->vcpu[0]->on_runq);
    CHECK_EQ(domctl(XEN_DOMCTL_pausedomain, 1), 0);
    CHECK(!domu->vcpu[0]->on_runq);
}

TEST(load_image_refuses_bad_arguments)
{
    struct xen_domctl *op;
    char *cmdline = guest_area(CMDLINE_OFFSET);

    setup();
    op = load_op(1);
    load_args(op)->pad = 1;
    CHECK_EQ(issue(op), -EINVAL);
    op = load_op(1);
    load_args(op)->mem_kb = 0;
    CHECK_EQ(issue(op), -EINVAL);
    op = load_op(1);
    load_args(op)->mem_kb = DOMAIN_MAX_MEM / 1024 + 1;
    CHECK_EQ(issue(op), -EINVAL);
    op = load_op(1);
    load_args(op)->image_size = 0;
    CHECK_EQ(issue(op), -EINVAL);
    op = load_op(1);
    load_args(op)->image_size = XEN_DOMCTL_LOAD_IMAGE_MAX + 1;
    CHECK_EQ(issue(op), -EINVAL);
    op = load_op(1);
    load_args(op)->cmdline_size = MAX_GUEST_CMDLINE + 1;
    CHECK_EQ(issue(op), -EINVAL);
    op = load_op(1);
    cmdline[load_args(op)->cmdline_size - 1] = 'X'; /* not NUL-terminated */
    CHECK_EQ(issue(op), -EINVAL);
    op = load_op(1);
    load_args(op)->image.p = (uint8_t *)UNMAPPED_GUEST_ADDR;
    CHECK_EQ(issue(op), -EFAULT);
    op = load_op(1);
    load_args(op)->cmdline.p = (char *)UNMAPPED_GUEST_ADDR;
    CHECK_EQ(issue(op), -EFAULT);
    op = load_op(1);
    load_args(op)->mem_kb = 16; /* below the guest minimum */
    CHECK_EQ(issue(op), -EINVAL);
    CHECK(domu->frames == NULL);
    CHECK(domu->vcpu[0]->pause_flags & VPF_down);
}

TEST(load_image_refuses_images_this_arch_cannot_run)
{
    struct xen_domctl *op;
    struct image64 *img;

    setup();
    op = load_op(1);
    img = guest_area(IMAGE_OFFSET);
    img->eh.e_machine = EM_AARCH64;
    CHECK_EQ(issue(op), -ENOEXEC);
    op = load_op(1);
    img->eh.e_type = ET_REL;
    CHECK_EQ(issue(op), -ENOEXEC);
    CHECK(domu->frames == NULL);
}

TEST(load_image_refuses_self_missing_and_loaded_domains)
{
    setup();
    CHECK_EQ(issue(load_op(0)), -EINVAL);
    CHECK_EQ(issue(load_op(6)), -ESRCH);
    CHECK_EQ(issue(load_op(1)), 0);
    CHECK_EQ(issue(load_op(1)), -EBUSY);
}

TEST(load_image_out_of_memory_leaks_nothing)
{
    struct xen_domctl *op;
    size_t heap_before;
    unsigned long pages_before;

    setup();
    heap_before = xmalloc_in_use();
    pages_before = free_page_count();
    op = load_op(1);
    load_args(op)->mem_kb = DOMAIN_MAX_MEM / 1024; /* more than the machine has */
    CHECK_EQ(issue(op), -ENOMEM);
    CHECK(domu->frames == NULL);
    CHECK_EQ(domu->nr_pages, 0);
    /* Freed frames must not stay mapped into the guest. */
    CHECK_EQ(domu->arch.pages_mapped, 0);
    CHECK_EQ(xmalloc_in_use(), heap_before);
    CHECK_EQ(free_page_count(), pages_before);
    CHECK_EQ(issue(load_op(1)), 0); /* a smaller one still fits */
    CHECK_EQ(domu->arch.pages_mapped, LOAD_MEM_KB / 4);
}

/* --- Destroy ------------------------------------------------------------------------------- */

TEST(destroy_removes_the_domain)
{
    setup();
    CHECK_EQ(domctl(XEN_DOMCTL_destroydomain, 1), 0);
    CHECK(domain_by_id(1) == NULL);
    CHECK_EQ(domctl(XEN_DOMCTL_destroydomain, 1), -ESRCH);
    CHECK_EQ(domctl(XEN_DOMCTL_pausedomain, 1), -ESRCH);
    CHECK_EQ(issue(load_op(1)), -ESRCH);
    CHECK(strstr(fake_console_output(), "Domain 1 destroyed"));
    CHECK_EQ(create(0), 1); /* the ID is free again */
}

TEST(destroy_refuses_dom0)
{
    setup();
    CHECK_EQ(domctl(XEN_DOMCTL_destroydomain, 0), -EINVAL);
    CHECK(domain_by_id(0) == dom0_d);
}

TEST(dom0_cannot_be_destroyed_whoever_asks)
{
    setup();
    fixture_run_as(domu);
    CHECK_EQ(domain_destroy(dom0_d), -EINVAL);
    CHECK_EQ(domain_destroy(domu), -EINVAL); /* nor the caller itself */
    CHECK(domain_by_id(0) == dom0_d);
    CHECK(domain_by_id(1) == domu);
}

TEST(create_load_destroy_leaks_nothing)
{
    size_t heap_before;
    unsigned long pages_before;
    long id;

    setup();
    /* Once to warm the heap's size classes up, then measured. */
    for (int round = 0; round < 2; round++) {
        heap_before = xmalloc_in_use();
        pages_before = free_page_count();
        id = create(0);
        REQUIRE(id == 2);
        CHECK_EQ(issue(load_op(2)), 0);
        CHECK(free_page_count() < pages_before - LOAD_MEM_KB / 4);
        CHECK_EQ(domctl(XEN_DOMCTL_unpausedomain, 2), 0);
        CHECK_EQ(domctl(XEN_DOMCTL_destroydomain, 2), 0);
    }
    CHECK_EQ(xmalloc_in_use(), heap_before);
    CHECK_EQ(free_page_count(), pages_before);
}
