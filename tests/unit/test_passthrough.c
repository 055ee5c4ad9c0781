/* SPDX-License-Identifier: MIT */
/*
 * Device passthrough from boot module options (common/passthrough.c):
 * port ranges and interrupt lines reach the arch only when well formed,
 * a line has one owner, a line that fires notifies its owner through the
 * device softirq, and destroying the owner takes the line back.
 */
#include <string.h>

#include <hv/errno.h>
#include <hv/passthrough.h>
#include <hv/softirq.h>

#include "fake.h"
#include "fixture.h"
#include "unit.h"

static struct domain *owner, *other;

static void setup(void)
{
    fixture_boot();
    (void)fixture_domain(true);
    owner = fixture_domain(false);
    other = fixture_domain(false);
}

TEST(port_ranges_and_a_line_are_granted)
{
    setup();
    CHECK_EQ(passthrough_setup(owner, "relay.elf mem=8M ioports=0x2f8-0x2ff,1000-1003 irq=3"), 0);
    CHECK(fake_port_grants[0].d == owner);
    CHECK_EQ(fake_port_grants[0].first, 0x2f8);
    CHECK_EQ(fake_port_grants[0].last, 0x2ff);
    CHECK(fake_port_grants[1].d == owner);
    CHECK_EQ(fake_port_grants[1].first, 1000);
    CHECK_EQ(fake_port_grants[1].last, 1003);
    CHECK(fake_port_grants[2].d == NULL);
    CHECK_EQ(fake_irqs_enabled, 1UL << 3);
}

TEST(no_options_grant_nothing)
{
    setup();
    CHECK_EQ(passthrough_setup(owner, "guest.elf domu mem=4M"), 0);
    CHECK(fake_port_grants[0].d == NULL);
    CHECK_EQ(fake_irqs_enabled, 0);
}

TEST(malformed_port_ranges_are_refused)
{
    static const char *const bad[] = {
        "ioports=",          "ioports=0x2f8",        "ioports=0x2ff-0x2f8",
        "ioports=0-0x10000", "ioports=0x2f8-0x2ff,", "ioports=0x2f8-0x2ffk",
        "ioports=a-b",       "ioports=0x2f8--0x2ff",
    };

    setup();
    for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (!CHECK_EQ(passthrough_setup(owner, bad[i]), -EINVAL))
            unit_check(false, __FILE__, __LINE__, "accepted '%s'", bad[i]);
        CHECK(fake_port_grants[0].d == NULL); /* not even the well-formed part */
    }
    CHECK_EQ(passthrough_setup(owner, "ioports=1-2,3-4,5-6,7-8,9-10"), -EINVAL); /* too many */
    CHECK(fake_port_grants[0].d == NULL);
}

TEST(malformed_or_reserved_lines_are_refused)
{
    setup();
    CHECK_EQ(passthrough_setup(owner, "irq=16"), -EINVAL);
    CHECK_EQ(passthrough_setup(owner, "irq=3x"), -EINVAL);
    CHECK_EQ(passthrough_setup(owner, "irq="), -EINVAL);
    CHECK_EQ(passthrough_setup(owner, "irq=0"), -EPERM);
    CHECK_EQ(fake_irqs_enabled, 0);
    CHECK(strstr(fake_console_output(), "cannot pass through irq=0: error -1"));
}

TEST(a_line_has_one_owner)
{
    setup();
    CHECK_EQ(passthrough_setup(owner, "irq=5"), 0);
    CHECK_EQ(passthrough_setup(other, "irq=5"), -EBUSY);
}

TEST(a_fired_line_notifies_its_owner_only)
{
    setup();
    REQUIRE(passthrough_setup(owner, "irq=3") == 0);
    owner->vcpu[0]->event_pending = other->vcpu[0]->event_pending = false;
    passthrough_irq_raised(3);
    passthrough_irq_raised(7); /* nobody's line */
    CHECK(softirq_pending(0));
    CHECK_EQ(FAKE_RUN(process_softirqs()), FAKE_RETURNED);
    CHECK(owner->vcpu[0]->event_pending);
    CHECK(!other->vcpu[0]->event_pending);
}

TEST(destroying_the_owner_takes_its_devices_back)
{
    setup();
    REQUIRE(passthrough_setup(owner, "ioports=0x2f8-0x2ff irq=3") == 0);
    CHECK_EQ(domain_destroy(owner), 0);
    CHECK_EQ(fake_irqs_enabled, 0);
    CHECK(fake_port_grants[0].d == NULL);
    /* A late interrupt of the line notifies nobody, and it can be given again. */
    passthrough_irq_raised(3);
    CHECK_EQ(FAKE_RUN(process_softirqs()), FAKE_RETURNED);
    CHECK_EQ(passthrough_setup(other, "irq=3"), 0);
}
