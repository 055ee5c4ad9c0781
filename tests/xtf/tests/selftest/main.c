/* SPDX-License-Identifier: MIT */
/*
 * Self-test of the guest runtime: formatted output, exception probing
 * through the exception table (and return with HYPERVISOR_iret), the start
 * information, and the result bookkeeping rules.
 */
#include <xtf.h>
#include <arch/setup.h>

const char test_title[] = "XTF selftests";

static void check_format(void)
{
    char buf[64];

    snprintf(buf, sizeof(buf), "%d|%5u|%-4x|%08lx|%s|%c|%%", -42, 7u, 0xabu, 0x1234UL, "str", 'z');
    if (strcmp(buf, "-42|    7|ab  |00001234|str|z|%"))
        xtf_failure("snprintf gave '%s'", buf);
}

static void check_probes(void)
{
    char text[48];
    exinfo_t ex;

    ex = probe_read(GUEST_RAM_START);
    if (ex)
        xtf_failure("reading our own RAM faulted: %s", exinfo_str(ex, text, sizeof(text)));
    ex = probe_read(0);
    if (EXINFO_VEC(ex) != VEC_PF || !(ex & EXINFO_EXPECTED))
        xtf_failure("reading address 0 gave %s, not a page fault",
                    exinfo_str(ex, text, sizeof(text)));
    ex = probe_write(guest_ram_end());
    if (EXINFO_VEC(ex) != VEC_PF)
        xtf_failure("writing past our RAM gave %s, not a page fault",
                    exinfo_str(ex, text, sizeof(text)));
}

/* Callee-saved registers must survive a fault and the return from it. */
static void check_registers_survive(void)
{
    if (!arch_registers_survive_fault())
        xtf_failure("a callee-saved register changed across a handled fault");
}

static void check_start_info(void)
{
    if (strncmp(start_info->magic, "xen-3.0-", 8))
        xtf_failure("start_info magic '%.32s'", start_info->magic);
    if (start_info->nr_pages * PAGE_SIZE < 64 * 1024)
        xtf_failure("start_info says only %lu pages", start_info->nr_pages);
}

static void check_report_rules(void)
{
    if (status_worse(STATUS_SUCCESS, STATUS_SKIP) != STATUS_SKIP ||
        status_worse(STATUS_FAILURE, STATUS_ERROR) != STATUS_FAILURE ||
        strcmp(status_result_line(STATUS_SUCCESS, true), "SUCCESS with warnings") ||
        strcmp(status_result_line(STATUS_RUNNING, false), "ERROR"))
        xtf_failure("result rules are wrong");
}

void test_main(void)
{
    check_format();
    check_probes();
    check_registers_survive();
    check_start_info();
    check_report_rules();
    if (!xtf_status_reported())
        xtf_success(NULL);
}
