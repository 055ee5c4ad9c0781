/* SPDX-License-Identifier: MIT */
/*
 * Hypercalls through hypercall_dispatch(), as a privileged dom0 and an
 * unprivileged d1 would make them: who may call what, bad guest pointers,
 * ABI version checks, console_io, xen_version, sched_op and sysctl.
 * Arguments live in the fake guest address space (fixture.h).  Domain
 * lifecycle through domctl is in test_domctl.c.
 */
#include <stdio.h>
#include <string.h>

#include <hv/errno.h>
#include <hv/hypercall.h>
#include <hv/mm.h>
#include <hv/percpu.h>
#include <hv/sched.h>
#include <hv/shutdown.h>
#include <hv/softirq.h>
#include <public/platform.h>
#include <public/sched.h>
#include <public/sysctl.h>
#include <hv/version.h>
#include <public/version.h>
#include <public/version-ext.h>
#include <public/xen.h>

#include "fake.h"
#include "fixture.h"
#include "unit.h"

/* Guest addresses no guest memory backs. */
#define UNMAPPED_GUEST_ADDR 0xdead0000UL
#define GUEST_END (FIXTURE_GUEST_BASE + FIXTURE_GUEST_SIZE)

static struct domain *dom0_d, *domu;

static void setup(void)
{
    fixture_boot_dom0_and_domu(&dom0_d, &domu);
    fake_console_clear();
}

/* --- console_io ------------------------------------------------------------ */

static long console_write(const char *s)
{
    char *buf = guest_area(0);

    memcpy(buf, s, strlen(s));
    return hypercall(__HYPERVISOR_console_io, CONSOLEIO_write, strlen(s), guest_addr(buf));
}

TEST(console_write_from_bad_pointer_is_efault)
{
    setup();
    fixture_run_as(domu);
    CHECK_EQ(hypercall(__HYPERVISOR_console_io, CONSOLEIO_write, 4, UNMAPPED_GUEST_ADDR), -EFAULT);
    CHECK_EQ(hypercall(__HYPERVISOR_console_io, CONSOLEIO_write, 8, GUEST_END - 4), -EFAULT);
    CHECK_EQ(hypercall(__HYPERVISOR_console_io, CONSOLEIO_write, 0, UNMAPPED_GUEST_ADDR), 0);
    CHECK_STR(fake_console_output(), "");
}

TEST(console_write_prints_whole_lines_prefixed_with_the_domain)
{
    setup();
    fixture_run_as(domu);
    CHECK_EQ(console_write("hello "), 0);
    CHECK_STR(fake_console_output(), ""); /* no newline yet: held back */
    CHECK_EQ(console_write("world\nsecond line\n"), 0);
    CHECK_STR(fake_console_output(), "(d1) hello world\n(d1) second line\n");
    fake_console_clear();
    fixture_run_as(dom0_d);
    CHECK_EQ(console_write("from dom0\n"), 0);
    CHECK_STR(fake_console_output(), "(d0) from dom0\n");
}

TEST(console_write_replaces_unprintable_bytes)
{
    setup();
    fixture_run_as(domu);
    CHECK_EQ(console_write("a\x01\x1b[2Jb\x7f\xff\tc\r\n"), 0);
    CHECK_STR(fake_console_output(), "(d1) a??[2Jb??\tc\n");
}

TEST(console_write_splits_overlong_lines)
{
    char line[301], expect[400];

    setup();
    fixture_run_as(domu);
    memset(line, 'x', 299); /* more than one 128-byte chunk and one 256-byte line */
    line[299] = '\n';
    line[300] = '\0';
    CHECK_EQ(console_write(line), 0);
    snprintf(expect, sizeof(expect), "(d1) %.256s\n(d1) %.43s\n", line, line);
    CHECK_STR(fake_console_output(), expect);
}

TEST(console_read_is_for_dom0_only)
{
    char *buf = guest_area(0);

    setup();
    fake_console_set_input("abc");
    fixture_run_as(domu);
    CHECK_EQ(hypercall(__HYPERVISOR_console_io, CONSOLEIO_read, 16, guest_addr(buf)), -EPERM);
    fixture_run_as(dom0_d);
    CHECK_EQ(hypercall(__HYPERVISOR_console_io, CONSOLEIO_read, 16, guest_addr(buf)), 3);
    CHECK(!memcmp(buf, "abc", 3));
    CHECK_EQ(hypercall(__HYPERVISOR_console_io, CONSOLEIO_read, 16, guest_addr(buf)), 0);
    fake_console_set_input("xyz");
    CHECK_EQ(hypercall(__HYPERVISOR_console_io, CONSOLEIO_read, 2, guest_addr(buf)), 2);
    CHECK_EQ(hypercall(__HYPERVISOR_console_io, CONSOLEIO_read, 16, UNMAPPED_GUEST_ADDR), -EFAULT);
}

TEST(unknown_console_io_command_is_enosys)
{
    setup();
    CHECK_EQ(hypercall(__HYPERVISOR_console_io, 99, 0, 0), -ENOSYS);
}

/* --- xen_version ------------------------------------------------------------- */

TEST(version_is_4_17_for_everyone)
{
    setup();
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_version, 0, 0), (4 << 16) | 17);
    fixture_run_as(domu);
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_version, 0, 0), (4 << 16) | 17);
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_pagesize, 0, 0), PAGE_SIZE);
}

TEST(version_strings_are_copied_out_whole)
{
    char *buf = guest_area(0);

    setup();
    fixture_run_as(domu);
    memset(buf, '~', 2048);
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_extraversion, guest_addr(buf), 0), 0);
    CHECK_STR(buf, ".0-hv");
    CHECK_EQ(buf[sizeof(xen_extraversion_t) - 1], '\0'); /* the rest is zeroed... */
    CHECK_EQ(buf[sizeof(xen_extraversion_t)], '~');      /* ...and nothing beyond */
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_capabilities, guest_addr(buf), 0), 0);
    CHECK_STR(buf, GUEST_START_INFO_MAGIC);
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_extraversion, UNMAPPED_GUEST_ADDR, 0),
             -EFAULT);
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_extraversion, GUEST_END - 8, 0), -EFAULT);
}

TEST(command_line_is_for_dom0_only)
{
    char *buf = guest_area(0);

    setup();
    fixture_run_as(domu);
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_commandline, guest_addr(buf), 0), -EPERM);
    fixture_run_as(dom0_d);
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_commandline, guest_addr(buf), 0), 0);
}

TEST(build_id_size_query_and_copy)
{
    xen_build_id_t *id = guest_area(0);

    setup();
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_build_id, 0, 0), FAKE_BUILD_ID_LEN);
    memset(id, 0, 64);
    id->len = 64;
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_build_id, guest_addr(id), 0),
             FAKE_BUILD_ID_LEN);
    CHECK(!memcmp(id->buf, FAKE_BUILD_ID, FAKE_BUILD_ID_LEN));
    id->len = FAKE_BUILD_ID_LEN; /* exactly enough */
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_build_id, guest_addr(id), 0),
             FAKE_BUILD_ID_LEN);
}

TEST(build_id_rejects_bad_lengths_pointers_and_domus)
{
    xen_build_id_t *id = guest_area(0);

    setup();
    id->len = 0;
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_build_id, guest_addr(id), 0), -EINVAL);
    id->len = FAKE_BUILD_ID_LEN - 1;
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_build_id, guest_addr(id), 0), -ENOBUFS);
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_build_id, UNMAPPED_GUEST_ADDR, 0), -EFAULT);
    /* The header is readable but the id would run off the end of guest memory. */
    id = (xen_build_id_t *)guest_area(FIXTURE_GUEST_SIZE - sizeof(*id) - 4);
    id->len = 64;
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_build_id, guest_addr(id), 0), -EFAULT);
    fixture_run_as(domu);
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_build_id, 0, 0), -EPERM);
}

/* An index past the submaps is advisory hvsa-4's bug (payloads/hvsa-4), tested there. */
TEST(feature_submap_zero_has_no_optional_features)
{
    xen_feature_info_t *fi = guest_area(0);

    setup();
    fi->submap_idx = 0;
    fi->submap = 0xffffffff;
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_get_features, guest_addr(fi), 0), 0);
    CHECK_EQ(fi->submap, 0);
}

/* The *2 string sub-ops; how much they copy is advisory hvsa-1's bug, tested there. */
TEST(varbuf_sub_ops_size_check_and_privilege)
{
    xen_varbuf_t *vb = guest_area(0);
    size_t n = strlen(xen_extra_version());

    setup();
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_extraversion2, 0, 0), n);
    memset(vb, 0, 64);
    vb->len = (uint32_t)n - 1;
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_extraversion2, guest_addr(vb), 0),
             -ENOBUFS);
    vb->len = 64;
    vb->pad[2] = 1;
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_extraversion2, guest_addr(vb), 0), -EINVAL);
    vb->pad[2] = 0;
    CHECK(hypercall(__HYPERVISOR_xen_version, XENVER_extraversion2, guest_addr(vb), 0) >= (long)n);
    CHECK(!memcmp(vb->buf, xen_extra_version(), n));
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_extraversion2, UNMAPPED_GUEST_ADDR, 0),
             -EFAULT);
    fixture_run_as(domu);
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, XENVER_commandline2, guest_addr(vb), 0), -EPERM);
}

TEST(unknown_version_command_and_hypercall_are_enosys)
{
    setup();
    CHECK_EQ(hypercall(__HYPERVISOR_xen_version, 1000, 0, 0), -ENOSYS);
    CHECK_EQ(hypercall(__HYPERVISOR_memory_op, 0, 0, 0), -ENOSYS);
    CHECK_EQ(hypercall(~0UL, 0, 0, 0), -ENOSYS);
}

/* --- sysctl: the gate and physinfo ---------------------------------------------- */

static struct xen_sysctl *sysctl_op(uint32_t cmd)
{
    struct xen_sysctl *op = guest_area(0);

    memset(op, 0, sizeof(*op));
    op->cmd = cmd;
    op->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    return op;
}

TEST(sysctl_from_a_domu_is_eperm)
{
    struct xen_sysctl *op;

    setup();
    fixture_run_as(domu);
    op = sysctl_op(XEN_SYSCTL_physinfo);
    CHECK_EQ(hypercall(__HYPERVISOR_sysctl, guest_addr(op), 0, 0), -EPERM);
    CHECK_EQ(op->u.physinfo.total_pages, 0); /* nothing was copied back */
    CHECK_EQ(hypercall(__HYPERVISOR_sysctl, UNMAPPED_GUEST_ADDR, 0, 0), -EPERM);
}

TEST(sysctl_checks_pointer_version_and_command)
{
    struct xen_sysctl *op;

    setup();
    CHECK_EQ(hypercall(__HYPERVISOR_sysctl, UNMAPPED_GUEST_ADDR, 0, 0), -EFAULT);
    CHECK_EQ(hypercall(__HYPERVISOR_sysctl, GUEST_END - sizeof(*op) + 1, 0, 0), -EFAULT);
    op = sysctl_op(XEN_SYSCTL_physinfo);
    op->interface_version = XEN_SYSCTL_INTERFACE_VERSION - 1;
    CHECK_EQ(hypercall(__HYPERVISOR_sysctl, guest_addr(op), 0, 0), -EACCES);
    op = sysctl_op(0xdead);
    CHECK_EQ(hypercall(__HYPERVISOR_sysctl, guest_addr(op), 0, 0), -ENOSYS);
}

TEST(sysctl_physinfo_reports_the_machine)
{
    struct xen_sysctl *op;

    setup();
    op = sysctl_op(XEN_SYSCTL_physinfo);
    CHECK_EQ(hypercall(__HYPERVISOR_sysctl, guest_addr(op), 0, 0), 0);
    CHECK_EQ(op->u.physinfo.nr_cpus, 1);
    CHECK_EQ(op->u.physinfo.max_cpu_id, NR_CPUS - 1);
    CHECK_EQ(op->u.physinfo.cpu_khz, 1000000);
    CHECK_EQ(op->u.physinfo.total_pages, total_pages());
    CHECK_EQ(op->u.physinfo.free_pages, free_page_count());
    CHECK_EQ(op->u.physinfo.max_mfn, FIXTURE_MACHINE_SIZE / PAGE_SIZE - 1);
}

/* --- sched_op ----------------------------------------------------------------------- */

static long shutdown_self(unsigned int reason)
{
    struct sched_shutdown *s = guest_area(0);

    s->reason = reason;
    return hypercall(__HYPERVISOR_sched_op, SCHEDOP_shutdown, guest_addr(s), 0);
}

TEST(shutdown_with_bad_reason_or_pointer_is_refused)
{
    setup();
    fixture_run_as(domu);
    CHECK_EQ(shutdown_self(SHUTDOWN_MAX + 1), -EINVAL);
    CHECK_EQ(shutdown_self(~0u), -EINVAL);
    CHECK_EQ(hypercall(__HYPERVISOR_sched_op, SCHEDOP_shutdown, UNMAPPED_GUEST_ADDR, 0), -EFAULT);
    CHECK(!domu->is_shutdown);
}

TEST(domu_shutdown_stops_it_and_tells_dom0)
{
    setup();
    fixture_run_as(domu);
    CHECK_EQ(shutdown_self(SHUTDOWN_poweroff), 0);
    CHECK(domu->is_shutdown);
    CHECK_EQ(domu->shutdown_code, SHUTDOWN_poweroff);
    CHECK(dom0_d->vcpu[0]->event_pending);
    CHECK(strstr(fake_console_output(), "Domain 1 shut down: reason poweroff"));
    CHECK(softirq_pending(0)); /* a reschedule, so d1 stops running */
    CHECK_EQ(FAKE_RUN(process_softirqs()), FAKE_EXIT_TO_IDLE);
    CHECK(is_idle_vcpu(current));
    CHECK(!domu->vcpu[0]->is_running);
    CHECK_EQ(shutdown_self(SHUTDOWN_reboot), 0); /* a second shutdown changes nothing */
    CHECK_EQ(domu->shutdown_code, SHUTDOWN_poweroff);
}

TEST(dom0_shutdown_stops_the_machine)
{
    setup();
    CHECK_EQ(FAKE_RUN(shutdown_self(SHUTDOWN_poweroff)), FAKE_EXIT_POWEROFF);
}

TEST(dom0_reboot_and_crash_reboot_the_machine)
{
    setup();
    CHECK_EQ(FAKE_RUN(shutdown_self(SHUTDOWN_reboot)), FAKE_EXIT_REBOOT);
    CHECK(strstr(fake_console_output(), "Dom0 requested a reboot"));
}

TEST(dom0_crash_with_noreboot_halts)
{
    setup();
    shutdown_init("noreboot");
    CHECK_EQ(FAKE_RUN(shutdown_self(SHUTDOWN_crash)), FAKE_EXIT_HALT);
}

static long remote_shutdown(domid_t domid, unsigned int reason)
{
    struct sched_remote_shutdown *s = guest_area(0);

    s->domain_id = domid;
    s->reason = reason;
    return hypercall(__HYPERVISOR_sched_op, SCHEDOP_remote_shutdown, guest_addr(s), 0);
}

TEST(remote_shutdown_is_dom0s_and_spares_dom0)
{
    setup();
    fixture_run_as(domu);
    CHECK_EQ(remote_shutdown(1, SHUTDOWN_poweroff), -EPERM);
    CHECK(!domu->is_shutdown);
    fixture_run_as(dom0_d);
    CHECK_EQ(remote_shutdown(0, SHUTDOWN_poweroff), -EINVAL);
    CHECK_EQ(remote_shutdown(42, SHUTDOWN_poweroff), -ESRCH);
    CHECK_EQ(remote_shutdown(1, SHUTDOWN_MAX + 1), -EINVAL);
    CHECK(!domu->is_shutdown);
    CHECK_EQ(remote_shutdown(1, SHUTDOWN_crash), 0);
    CHECK(domu->is_shutdown);
    CHECK_EQ(domu->shutdown_code, SHUTDOWN_crash);
}

TEST(yield_asks_for_a_reschedule)
{
    setup();
    fixture_run_as(domu);
    CHECK(!softirq_pending(0));
    CHECK_EQ(hypercall(__HYPERVISOR_sched_op, SCHEDOP_yield, 0, 0), 0);
    CHECK(softirq_pending(0));
}

TEST(block_returns_at_once_for_a_pending_event)
{
    struct vcpu *v;

    setup();
    fixture_run_as(domu);
    v = domu->vcpu[0];
    vcpu_send_event(v);
    CHECK_EQ(hypercall(__HYPERVISOR_sched_op, SCHEDOP_block, 0, 0), 0);
    CHECK(!(v->pause_flags & VPF_blocked));
    CHECK(!v->event_pending); /* consumed */
    CHECK(!softirq_pending(0));
    CHECK_EQ(hypercall(__HYPERVISOR_sched_op, SCHEDOP_block, 0, 0), 0);
    CHECK(v->pause_flags & VPF_blocked); /* no event this time: it sleeps */
    CHECK(softirq_pending(0));
    vcpu_send_event(v);
    CHECK(!(v->pause_flags & VPF_blocked));
}

TEST(unknown_sched_op_is_enosys)
{
    setup();
    CHECK_EQ(hypercall(__HYPERVISOR_sched_op, 1000, 0, 0), -ENOSYS);
}

/* Two xen_version calls and a nested multicall in one batch. */
TEST(multicall_runs_each_entry_and_writes_its_result)
{
    multicall_entry_t *e = guest_area(0);

    setup();
    memset(e, 0, 4 * sizeof(*e));
    e[0].op = __HYPERVISOR_xen_version;
    e[0].args[0] = XENVER_version;
    e[1].op = __HYPERVISOR_xen_version;
    e[1].args[0] = XENVER_pagesize;
    e[2].op = __HYPERVISOR_multicall;
    e[3].op = 999;
    CHECK_EQ(hypercall(__HYPERVISOR_multicall, guest_addr(e), 4, 0), 0);
    CHECK_EQ(e[0].result, (xen_major_version() << 16) | xen_minor_version());
    CHECK_EQ(e[1].result, PAGE_SIZE);
    CHECK_EQ((long)e[2].result, -EINVAL);
    CHECK_EQ((long)e[3].result, -ENOSYS);
}

/* The wrapping case of the size check is advisory hvsa-2's bug, tested there. */
TEST(multicall_batch_too_large_or_unreadable_is_refused)
{
    multicall_entry_t *e = guest_area(0);

    setup();
    memset(e, 0, sizeof(*e));
    e[0].op = __HYPERVISOR_xen_version;
    CHECK_EQ(hypercall(__HYPERVISOR_multicall, guest_addr(e), 65, 0), -EINVAL);
    CHECK_EQ(hypercall(__HYPERVISOR_multicall, UNMAPPED_GUEST_ADDR, 1, 0), -EFAULT);
    CHECK_EQ(hypercall(__HYPERVISOR_multicall, guest_addr(e), 0, 0), 0);
}

static struct xen_platform_op *settime_op(uint64_t secs, uint32_t nsecs, uint64_t system_time)
{
    struct xen_platform_op *op = guest_area(0);

    memset(op, 0, sizeof(*op));
    op->cmd = XENPF_settime64;
    op->interface_version = XENPF_INTERFACE_VERSION;
    op->u.settime64.secs = secs;
    op->u.settime64.nsecs = nsecs;
    op->u.settime64.system_time = system_time;
    return op;
}

/* Who may set it is advisory hvsa-3's bug, tested there. */
TEST(settime64_publishes_the_wall_clock_at_boot)
{
    struct xen_platform_op *op;

    setup();
    op = settime_op(1700000000, 250000000, 3500000000ULL); /* 3.5 s after boot */
    CHECK_EQ(hypercall(__HYPERVISOR_platform_op, guest_addr(op), 0, 0), 0);
    CHECK_EQ(fake_wallclock_sec, 1699999996);
    CHECK_EQ(fake_wallclock_nsec, 750000000);
    op = settime_op(1, 0, 2000000000ULL); /* before boot */
    CHECK_EQ(hypercall(__HYPERVISOR_platform_op, guest_addr(op), 0, 0), -EINVAL);
    op = settime_op(5, 1000000000, 0);
    CHECK_EQ(hypercall(__HYPERVISOR_platform_op, guest_addr(op), 0, 0), -EINVAL);
    op = settime_op(UINT64_MAX, 0, 0);
    CHECK_EQ(hypercall(__HYPERVISOR_platform_op, guest_addr(op), 0, 0), -EINVAL);
    op = settime_op(5, 0, 0);
    op->u.settime64.mbz = 1;
    CHECK_EQ(hypercall(__HYPERVISOR_platform_op, guest_addr(op), 0, 0), -EINVAL);
    CHECK_EQ(fake_wallclock_sec, 1699999996); /* the refused ones changed nothing */
    op = settime_op(5, 0, 0);
    op->interface_version = 0;
    CHECK_EQ(hypercall(__HYPERVISOR_platform_op, guest_addr(op), 0, 0), -EACCES);
    op = settime_op(5, 0, 0);
    op->cmd = XENPF_add_memtype;
    CHECK_EQ(hypercall(__HYPERVISOR_platform_op, guest_addr(op), 0, 0), -ENOSYS);
    CHECK_EQ(hypercall(__HYPERVISOR_platform_op, UNMAPPED_GUEST_ADDR, 0, 0), -EFAULT);
}
