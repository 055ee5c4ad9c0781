/* SPDX-License-Identifier: MIT */
/*
 * The scheduler (common/sched.c) on the fake's one CPU: runnable vCPUs
 * are picked in FIFO order for 10 ms slices, blocked, paused and shut-down
 * ones are not, the idle vCPU runs when nothing else can, and CPU time is
 * accounted.  schedule() ends in the fake's "resume guest" or "jump to
 * idle" exits, which FAKE_RUN() catches.
 */
#include <hv/percpu.h>
#include <hv/sched.h>
#include <hv/softirq.h>
#include <hv/timer.h>
#include <public/sched.h>

#include "fake.h"
#include "fixture.h"
#include "unit.h"

static struct domain *d1, *d2;

/* Two unprivileged domains, ready to run but still paused; the CPU is idle. */
static void setup(void)
{
    fixture_boot();
    (void)fixture_domain(true);
    d1 = fixture_domain(false);
    d2 = fixture_domain(false);
    d1->vcpu[0]->pause_flags = 0; /* as if an image were loaded */
    d2->vcpu[0]->pause_flags = 0;
}

/* Runs pending softirqs as the CPU would on its way back to a guest. */
static enum fake_exit run_softirqs_at(uint64_t now)
{
    fake_clock_set(now);
    return FAKE_RUN(process_softirqs());
}

TEST(an_unpaused_domain_runs_on_the_idle_cpu)
{
    setup();
    CHECK(is_idle_vcpu(current));
    CHECK(!softirq_pending(0));
    domain_unpause_by_controller(d1);
    CHECK(softirq_pending(0)); /* the idle CPU is kicked */
    CHECK_EQ(run_softirqs_at(0), FAKE_EXIT_TO_GUEST);
    CHECK(current == d1->vcpu[0]);
    CHECK(d1->vcpu[0]->is_running);
    CHECK_EQ(d1->vcpu[0]->arch.loads, 1);
    CHECK_EQ(fake_timer_deadline(), SCHED_SLICE_NS); /* the slice timer */
}

TEST(vcpus_share_the_cpu_in_slices)
{
    setup();
    domain_unpause_by_controller(d1);
    domain_unpause_by_controller(d2);
    CHECK_EQ(run_softirqs_at(0), FAKE_EXIT_TO_GUEST);
    CHECK(current == d1->vcpu[0]);
    CHECK(d2->vcpu[0]->on_runq);
    CHECK_EQ(run_softirqs_at(SCHED_SLICE_NS - 1), FAKE_RETURNED); /* nothing due yet */
    CHECK_EQ(run_softirqs_at(SCHED_SLICE_NS), FAKE_EXIT_TO_GUEST);
    CHECK(current == d2->vcpu[0]);
    CHECK(!d1->vcpu[0]->is_running);
    CHECK(d1->vcpu[0]->on_runq);
    CHECK_EQ(run_softirqs_at(2 * SCHED_SLICE_NS), FAKE_EXIT_TO_GUEST);
    CHECK(current == d1->vcpu[0]);
    CHECK_EQ(d1->vcpu[0]->arch.loads, 2);
    CHECK_EQ(domain_cpu_time(d1), SCHED_SLICE_NS);
    CHECK_EQ(domain_cpu_time(d2), SCHED_SLICE_NS);
}

TEST(a_lone_vcpu_keeps_the_cpu_when_its_slice_ends)
{
    setup();
    domain_unpause_by_controller(d1);
    CHECK_EQ(run_softirqs_at(0), FAKE_EXIT_TO_GUEST);
    CHECK_EQ(run_softirqs_at(SCHED_SLICE_NS), FAKE_RETURNED);
    CHECK(current == d1->vcpu[0]);
    CHECK_EQ(fake_timer_deadline(), 2 * SCHED_SLICE_NS); /* a fresh slice */
}

TEST(yield_hands_the_cpu_over_early)
{
    setup();
    domain_unpause_by_controller(d1);
    domain_unpause_by_controller(d2);
    CHECK_EQ(run_softirqs_at(0), FAKE_EXIT_TO_GUEST);
    CHECK_EQ(hypercall(__HYPERVISOR_sched_op, SCHEDOP_yield, 0, 0), 0);
    CHECK_EQ(run_softirqs_at(1000), FAKE_EXIT_TO_GUEST);
    CHECK(current == d2->vcpu[0]);
}

TEST(blocked_vcpu_gives_way_to_idle_and_an_event_wakes_it)
{
    setup();
    domain_unpause_by_controller(d1);
    CHECK_EQ(run_softirqs_at(0), FAKE_EXIT_TO_GUEST);
    CHECK_EQ(hypercall(__HYPERVISOR_sched_op, SCHEDOP_block, 0, 0), 0);
    CHECK_EQ(run_softirqs_at(MILLISECS(3)), FAKE_EXIT_TO_IDLE);
    CHECK(is_idle_vcpu(current));
    CHECK(!d1->vcpu[0]->is_running && !d1->vcpu[0]->on_runq);
    CHECK_EQ(domain_cpu_time(d1), MILLISECS(3));
    vcpu_send_event(d1->vcpu[0]);
    CHECK(d1->vcpu[0]->on_runq);
    CHECK_EQ(run_softirqs_at(MILLISECS(4)), FAKE_EXIT_TO_GUEST);
    CHECK(current == d1->vcpu[0]);
}

TEST(paused_and_shut_down_domains_are_not_picked)
{
    setup();
    domain_unpause_by_controller(d1);
    domain_unpause_by_controller(d2);
    domain_pause_by_controller(d1); /* taken off the run queue */
    CHECK(!d1->vcpu[0]->on_runq);
    CHECK_EQ(run_softirqs_at(0), FAKE_EXIT_TO_GUEST);
    CHECK(current == d2->vcpu[0]);
    domain_shutdown(d2, SHUTDOWN_poweroff);
    CHECK_EQ(run_softirqs_at(1000), FAKE_EXIT_TO_IDLE);
    CHECK(!d2->vcpu[0]->on_runq);
    domain_unpause_by_controller(d1);
    CHECK_EQ(run_softirqs_at(2000), FAKE_EXIT_TO_GUEST);
    CHECK(current == d1->vcpu[0]);
}

TEST(an_event_does_not_run_a_paused_domain)
{
    setup();
    d1->vcpu[0]->pause_flags = VPF_blocked; /* blocked, and still paused */
    vcpu_send_event(d1->vcpu[0]);
    CHECK(!d1->vcpu[0]->on_runq);
    CHECK_EQ(run_softirqs_at(0), FAKE_RETURNED);
    CHECK(is_idle_vcpu(current));
}

TEST(idle_cpu_with_nothing_to_run_sleeps)
{
    setup();
    CHECK_EQ(FAKE_RUN(idle_loop()), FAKE_EXIT_IDLE_SLEEP);
    domain_unpause_by_controller(d1);
    CHECK_EQ(FAKE_RUN(idle_loop()), FAKE_EXIT_TO_GUEST); /* the kick is seen first */
}
