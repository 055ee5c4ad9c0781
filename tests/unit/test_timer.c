/* SPDX-License-Identifier: MIT */
/*
 * One-shot timers (common/timer.c) with the fake clock: deadline order,
 * the arch timer armed for the earliest one, stop and re-arm, and
 * callbacks run from the timer softirq only once due.
 */
#include <hv/percpu.h>
#include <hv/softirq.h>
#include <hv/timer.h>

#include "fake.h"
#include "unit.h"

static char fired[8]; /* names of the timers that fired, in order */
static unsigned int nr_fired;
static struct timer ta, tb, tc;

static void record(void *name)
{
    if (nr_fired < sizeof(fired) - 1)
        fired[nr_fired++] = *(const char *)name;
}

static void setup(void)
{
    static const char a = 'a', b = 'b', c = 'c';

    timers_init_cpu(0);
    timer_init(&ta, record, (void *)&a);
    timer_init(&tb, record, (void *)&b);
    timer_init(&tc, record, (void *)&c);
}

static void run_timers_at(uint64_t now)
{
    fake_clock_set(now);
    raise_softirq(SOFTIRQ_TIMER);
    process_softirqs();
}

TEST(arch_timer_follows_the_earliest_deadline)
{
    setup();
    timer_set(&ta, 300);
    CHECK_EQ(fake_timer_deadline(), 300);
    timer_set(&tb, 100);
    CHECK_EQ(fake_timer_deadline(), 100);
    timer_set(&tc, 200); /* not the earliest: the arch timer stays */
    CHECK_EQ(fake_timer_deadline(), 100);
}

TEST(timers_fire_once_due_and_in_deadline_order)
{
    setup();
    timer_set(&ta, 300);
    timer_set(&tb, 100);
    timer_set(&tc, 200);
    run_timers_at(99);
    CHECK_STR(fired, "");
    run_timers_at(150);
    CHECK_STR(fired, "b");
    CHECK_EQ(fake_timer_deadline(), 200); /* re-armed for the next one */
    run_timers_at(1000);
    CHECK_STR(fired, "bca");
    CHECK_EQ(fake_timer_deadline(), 0); /* none left: disarmed */
    CHECK(!ta.armed && !tb.armed && !tc.armed);
}

TEST(equal_deadlines_fire_in_the_order_set)
{
    setup();
    timer_set(&tc, 50);
    timer_set(&ta, 50);
    timer_set(&tb, 50);
    run_timers_at(50);
    CHECK_STR(fired, "cab");
}

TEST(stopped_timers_do_not_fire)
{
    setup();
    timer_set(&ta, 100);
    timer_set(&tb, 200);
    timer_stop(&ta);
    timer_stop(&ta); /* stopping twice is harmless */
    timer_stop(&tc); /* as is stopping one never set */
    run_timers_at(500);
    CHECK_STR(fired, "b");
}

TEST(setting_an_armed_timer_moves_it)
{
    setup();
    timer_set(&ta, 100);
    timer_set(&tb, 200);
    timer_set(&ta, 300);
    run_timers_at(250);
    CHECK_STR(fired, "b");
    timer_set(&ta, 260);
    CHECK_EQ(fake_timer_deadline(), 260);
    run_timers_at(1000);
    CHECK_STR(fired, "ba"); /* once, though it was set three times */
}

static struct timer periodic;
static unsigned int ticks;

static void tick(void *data)
{
    (void)data;
    ticks++;
    timer_set(&periodic, now_ns() + 10);
}

TEST(a_callback_may_rearm_its_own_timer)
{
    setup();
    timer_init(&periodic, tick, NULL);
    timer_set(&periodic, 10);
    run_timers_at(10);
    run_timers_at(15);
    run_timers_at(20);
    CHECK_EQ(ticks, 2);
    CHECK_EQ(fake_timer_deadline(), 30);
}
