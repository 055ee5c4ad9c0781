/* SPDX-License-Identifier: MIT */
/*
 * Helper guest: calls xen_version in a tight loop while dom0 patches the
 * code behind it on another CPU.  Every answer must be a well-formed string
 * and the version unchanged; anything else, or a hypervisor crash, fails
 * the test that started it.  With "interval=US" it sleeps that many
 * microseconds between calls instead of hogging its CPU.
 */
#include <xtf.h>
#include <xtf/time.h>

const char test_title[] = "Helper: xen_version in a loop";

void test_main(void)
{
    unsigned long long interval_us = 0;
    const char *val;
    size_t len;

    if (test_option("interval", &val, &len))
        parse_number(val, NULL, &interval_us);
    for (;;) {
        char extra[16];
        long version;

        memset(extra, 0xff, sizeof(extra));
        if (hypercall_xen_version(XENVER_extraversion, extra) ||
            !memchr(extra, '\0', sizeof(extra)))
            panic("bad extra version");
        version = hypercall_xen_version(XENVER_version, NULL);
        if ((version >> 16) != 4)
            panic("bad major version %#lx", version);
        if (interval_us)
            xtf_sleep_until(xtf_now_ns() + interval_us * 1000);
    }
}
