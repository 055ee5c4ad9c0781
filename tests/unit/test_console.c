/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor console (common/console.c, panic.c, shutdown.c): line
 * prefixes, log levels, timestamps, guest lines never glued to a partial
 * hypervisor line, and how panic() ends.
 */
#include <stdio.h>
#include <string.h>

#include <hv/console.h>
#include <hv/shutdown.h>

#include "fake.h"
#include "unit.h"

TEST(every_line_gets_the_xen_prefix_once)
{
    printk("one\ntwo\n");
    printk("three ");
    printk("continued\n");
    CHECK_STR(fake_console_output(), "(XEN) one\n(XEN) two\n(XEN) three continued\n");
}

TEST(levels_above_the_threshold_are_dropped)
{
    printk(XENLOG_ERR "e\n");
    printk(XENLOG_WARNING "w\n");
    printk(XENLOG_INFO "i\n");
    printk(XENLOG_DEBUG "d\n");
    CHECK_STR(fake_console_output(), "(XEN) e\n(XEN) w\n(XEN) i\n");
}

TEST(loglvl_option_sets_the_threshold)
{
    console_init("loglvl=err");
    printk(XENLOG_WARNING "w\n");
    printk(XENLOG_ERR "e\n");
    printk("plain is info\n");
    CHECK_STR(fake_console_output(), "(XEN) e\n");
    fake_console_clear();
    console_init("loglvl=all");
    printk(XENLOG_DEBUG "d\n");
    CHECK_STR(fake_console_output(), "(XEN) d\n");
    fake_console_clear();
    console_init("loglvl=warning");
    console_init("loglvl=bogus"); /* unknown: left as it was */
    printk(XENLOG_INFO "i\n");
    printk(XENLOG_WARNING "w\n");
    CHECK_STR(fake_console_output(), "(XEN) w\n");
}

TEST(boot_timestamps_prefix_each_line)
{
    console_init("console_timestamps=boot");
    fake_clock_set(1234567890123ULL);
    printk("x\n");
    fake_clock_set(5000);
    console_guest_write(2, "g", 1);
    CHECK_STR(fake_console_output(), "[ 1234.567890] (XEN) x\n[    0.000005] (d2) g\n");
}

TEST(guest_line_starts_on_a_fresh_line)
{
    printk("partial");
    console_guest_write(3, "hi", 2);
    printk("next\n");
    CHECK_STR(fake_console_output(), "(XEN) partial\n(d3) hi\n(XEN) next\n");
}

TEST(long_messages_are_cut_not_overflowed)
{
    char msg[1000];

    memset(msg, 'm', sizeof(msg) - 1);
    msg[sizeof(msg) - 1] = '\0';
    printk("%s", msg);
    CHECK_EQ(strlen(fake_console_output()), strlen("(XEN) ") + 511);
}

TEST(console_read_takes_what_input_there_is)
{
    char buf[8];

    fake_console_set_input("abcdefghij");
    CHECK_EQ(console_read(buf, 4), 4);
    CHECK(!memcmp(buf, "abcd", 4));
    CHECK_EQ(console_read(buf, sizeof(buf)), 6);
    CHECK(!memcmp(buf, "efghij", 6));
    CHECK_EQ(console_read(buf, sizeof(buf)), 0);
}

TEST(panic_reports_and_reboots)
{
    CHECK_EQ(FAKE_RUN(panic("boom %d", 42)), FAKE_EXIT_REBOOT);
    CHECK(strstr(fake_console_output(), "(XEN) Panic on CPU 0:\n(XEN) boom 42\n"));
    CHECK(strstr(fake_console_output(), "Rebooting."));
}

TEST(panic_with_noreboot_halts)
{
    shutdown_init("console=com1 noreboot");
    CHECK_EQ(FAKE_RUN(panic("stop")), FAKE_EXIT_HALT);
    CHECK(strstr(fake_console_output(), "'noreboot' set"));
}

TEST(failed_assertion_panics_with_file_and_line)
{
    volatile int answer = 41;
    char where[64];
    int line = __LINE__ + 2;

    CHECK_EQ(FAKE_RUN(ASSERT(answer == 42)), FAKE_EXIT_REBOOT);
    snprintf(where, sizeof(where), "BUG at %s:%d", __FILE__, line);
    CHECK(strstr(fake_console_output(), where));
}

TEST(warning_reports_and_carries_on)
{
    volatile int answer = 41;
    char where[64];
    int line = __LINE__ + 2;

    CHECK_EQ(FAKE_RUN(CHECK(WARN_ON(answer != 42))), FAKE_RETURNED);
    snprintf(where, sizeof(where), "Warning at %s:%d", __FILE__, line);
    CHECK(strstr(fake_console_output(), where));
    CHECK(!WARN_ON(answer == 42));
}
