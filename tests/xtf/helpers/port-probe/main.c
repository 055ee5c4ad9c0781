/* SPDX-License-Identifier: MIT */
/*
 * Helper guest: reads I/O port "port=N" (default 0x2ff) "tries=N" times
 * (default 1000), yielding in between so that it keeps running after other
 * domains on both CPUs, then shuts down with reason poweroff if every read
 * raised #GP and reboot if any went through.
 */
#include <xtf.h>
#include <arch/io.h>

const char test_title[] = "Helper: port-probe";

static unsigned long long option(const char *name, unsigned long long def)
{
    unsigned long long v = def;
    const char *val;
    size_t len;

    if (test_option(name, &val, &len))
        parse_size(val, NULL, &v);
    return v;
}

void test_main(void)
{
    uint16_t port = (uint16_t)option("port", 0x2ff);
    unsigned long long tries = option("tries", 1000), passed = 0;

    for (unsigned long long i = 0; i < tries; i++) {
        uint8_t v;
        exinfo_t ex = probe_inb(port, &v);

        if (!ex || EXINFO_VEC(ex) != 13)
            passed++;
        hypercall_yield();
    }
    printk("port-probe: %llu of %llu reads of port %#x were not refused\n", passed, tries, port);
    hypercall_shutdown(passed ? SHUTDOWN_reboot : SHUTDOWN_poweroff);
    panic("still running after shutdown");
}
