/* SPDX-License-Identifier: MIT */
/*
 * The arch-neutral boot (common/setup.c, start_hypervisor()) from boot
 * modules in fake machine memory, as a boot loader leaves them: dom0 from
 * the first module, a later module handed to dom0 or started as a domU
 * ("domu"), "mem=" and "--" on module command lines, boot memory given
 * back, and a panic when there is nothing sensible to boot.
 */
#include <stdio.h>
#include <string.h>

#include <hv/bootinfo.h>
#include <hv/cmdline.h>
#include <hv/domain.h>
#include <hv/mm.h>
#include <hv/percpu.h>

#include "elf_image.h"
#include "fake.h"
#include "fixture.h"
#include "unit.h"

#define MODULE_BASE MiB(40) /* each module gets 1 MiB from here */

static struct boot_info bi;

static void machine(const char *cmdline)
{
    fake_machine_init(MiB(64));
    bi.cmdline = cmdline;
    bootinfo_add_ram(&bi, MiB(1), MiB(64));
}

/* Places a module in machine memory and reserves it, as a boot loader does. */
static void add_module(const void *data, size_t size, const char *cmdline)
{
    paddr_t pa = MODULE_BASE + bi.nr_modules * MiB(1);

    memcpy(__va(pa), data, size);
    bootinfo_reserve(&bi, pa, pa + size);
    bi.modules[bi.nr_modules++] = (struct boot_module){ pa, size, cmdline };
}

static void add_image_module(const char *cmdline)
{
    struct image64 img;

    image64_init(&img, GUEST_RAM_BASE);
    add_module(&img, sizeof(img), cmdline);
}

static const start_info_t *start_info_of(const struct domain *d)
{
    return (const start_info_t *)guest_ram(d, d->vcpu[0]->arch.arg);
}

TEST(boots_dom0_and_goes_idle)
{
    machine("loglvl=all");
    add_image_module("dom0.elf");
    CHECK_EQ(FAKE_RUN(start_hypervisor(&bi)), FAKE_EXIT_TO_IDLE);
    REQUIRE(dom0 != NULL);
    CHECK_EQ(dom0->domid, 0);
    CHECK(dom0->is_privileged);
    CHECK_EQ(dom0->nr_pages, MiB(4) / PAGE_SIZE); /* the default */
    CHECK_EQ(dom0->pause_count, 0);
    CHECK(dom0->vcpu[0]->on_runq); /* the idle loop will pick it */
    CHECK_EQ(start_info_of(dom0)->flags, SIF_PRIVILEGED | SIF_INITDOMAIN);
    CHECK(domain_by_id(1) == NULL);
    CHECK(cpu_data[0].online);
    CHECK_STR(boot_cmdline(), "loglvl=all");
}

TEST(banner_shows_version_and_build_id)
{
    char expect[64] = "Build-id: ";

    machine("");
    add_image_module("dom0.elf");
    CHECK_EQ(FAKE_RUN(start_hypervisor(&bi)), FAKE_EXIT_TO_IDLE);
    CHECK(strstr(fake_console_output(), "(XEN) Hypervisor version 4.17.0-hv (Xen 4.17 ABI)"));
    for (unsigned int i = 0; i < FAKE_BUILD_ID_LEN; i++)
        snprintf(expect + strlen(expect), 3, "%02x", (unsigned char)FAKE_BUILD_ID[i]);
    CHECK(strstr(fake_console_output(), expect));
}

TEST(boot_modules_are_given_back_to_the_allocator)
{
    static unsigned char data[3 * PAGE_SIZE + 100];
    unsigned long ram_pages = MiB(63) / PAGE_SIZE;

    machine("");
    add_image_module("dom0.elf"); /* less than a page */
    add_module(data, sizeof(data), "data.bin");
    CHECK_EQ(FAKE_RUN(start_hypervisor(&bi)), FAKE_EXIT_TO_IDLE);
    /* The bitmap and each module's partial last page stay out; the rest is back. */
    CHECK_EQ(total_pages(), ram_pages - 1 - 1 - 1);
}

TEST(a_plain_module_is_dom0s_and_a_domu_module_its_own_domain)
{
    static const char blob[] = "module bytes";
    const start_info_t *si;
    struct domain *du;

    machine("");
    add_image_module("dom0.elf mem=8M -- console=hvc0 x");
    add_image_module("guest.elf domu mem=1M -- role=guest");
    add_module(blob, sizeof(blob), "blob.bin");
    CHECK_EQ(FAKE_RUN(start_hypervisor(&bi)), FAKE_EXIT_TO_IDLE);
    REQUIRE(dom0 != NULL);
    CHECK_EQ(dom0->nr_pages, MiB(8) / PAGE_SIZE);
    si = start_info_of(dom0);
    CHECK_STR((const char *)si->cmd_line, "console=hvc0 x");
    CHECK_EQ(si->mod_len, sizeof(blob));
    CHECK(!memcmp(guest_ram(dom0, si->mod_start), blob, sizeof(blob)));

    du = domain_by_id(1);
    REQUIRE(du != NULL);
    CHECK(!du->is_privileged);
    CHECK_EQ(du->nr_pages, MiB(1) / PAGE_SIZE);
    CHECK_EQ(du->pause_count, 0);
    si = start_info_of(du);
    CHECK_STR((const char *)si->cmd_line, "role=guest");
    CHECK_EQ(si->mod_len, 0);
    CHECK_EQ(si->flags, 0);
    CHECK(domain_by_id(2) == NULL); /* the blob is no domain */
}

TEST(no_module_panics)
{
    machine("");
    CHECK_EQ(FAKE_RUN(start_hypervisor(&bi)), FAKE_EXIT_REBOOT);
    CHECK(strstr(fake_console_output(), "no boot modules"));
}

TEST(unloadable_dom0_panics_and_noreboot_halts)
{
    static const char junk[] = "not an ELF file at all, just text";

    machine("noreboot");
    add_module(junk, sizeof(junk), "junk.bin");
    CHECK_EQ(FAKE_RUN(start_hypervisor(&bi)), FAKE_EXIT_HALT);
    CHECK(strstr(fake_console_output(), "cannot load boot module 'junk.bin'"));
}
