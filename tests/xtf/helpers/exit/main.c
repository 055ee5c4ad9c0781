/* SPDX-License-Identifier: MIT */
/*
 * Helper guest: prints a line and shuts down with the reason given as
 * "reason=N" on its command line (default poweroff), so its creator can
 * see that it ran and that its command line arrived.
 */
#include <xtf.h>

const char test_title[] = "Helper: exit";

void test_main(void)
{
    unsigned long long reason = SHUTDOWN_poweroff;
    const char *val;
    size_t len;

    if (test_option("reason", &val, &len))
        parse_size(val, NULL, &reason);
    printk("exit helper: shutting down with reason %llu\n", reason);
    hypercall_shutdown((unsigned int)reason);
    panic("still running after shutdown");
}
