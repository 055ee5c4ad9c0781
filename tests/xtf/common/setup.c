/* SPDX-License-Identifier: MIT */
/*
 * The framework's C entry: arch setup, the banner, the test, the result,
 * then shutdown.  The test runs as dom0 or as a domain dom0 created; the
 * start_info page says which.
 */
#include <xtf.h>
#include <arch/setup.h>
#include <hv/cmdline.h>

const start_info_t *start_info;

void xtf_main(const start_info_t *si);
void xtf_main(const start_info_t *si)
{
    start_info = si;
    arch_setup();
    printk("--- Xen Test Framework ---\n");
    printk("Environment: %s\n", ENVIRONMENT_DESCRIPTION);
    printk("%s\n", test_title);
    test_main();
    xtf_exit();
}

const char *test_cmdline(void)
{
    return (const char *)start_info->cmd_line;
}

bool test_option(const char *name, const char **val, size_t *len)
{
    return cmdline_find(test_cmdline(), name, val, len);
}

const void *test_module(size_t *size)
{
    *size = start_info->mod_len;
    return start_info->mod_len ? (const void *)start_info->mod_start : NULL;
}

unsigned long guest_ram_end(void)
{
    return GUEST_RAM_START + start_info->nr_pages * PAGE_SIZE;
}
