/* SPDX-License-Identifier: MIT */
/*
 * Device passthrough, the arch-neutral part: the boot module options, who
 * owns each device interrupt line, and turning a line that fired into a
 * notification of its owner.  Interrupt context only sets a bit; the
 * notification (which takes scheduler locks) runs as a softirq.
 *
 * Locking: owners_lock protects irq_owner[].
 */
#include <hv/passthrough.h>
#include <hv/arch.h>
#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/softirq.h>

#define MAX_PORT_RANGES 4

static struct domain *irq_owner[NR_DEVICE_IRQS];
static spinlock_t owners_lock = SPIN_LOCK_UNLOCKED;
static unsigned long irqs_raised; /* bit per line, set from interrupt context */

_Static_assert(NR_DEVICE_IRQS <= sizeof(irqs_raised) * 8, "one bit per line");

/* Parses "FIRST-LAST[,FIRST-LAST...]" into @r; the number of ranges or -EINVAL. */
static int parse_port_ranges(const char *val, size_t len, unsigned int r[][2], unsigned int max)
{
    const char *p = val, *end = val + len;

    for (unsigned int n = 0; n < max;) {
        unsigned long long first, last;

        if (!parse_number(p, &p, &first) || *p != '-' || !parse_number(p + 1, &p, &last) ||
            p > end || first > last || last > 0xffff)
            return -EINVAL;
        r[n][0] = (unsigned int)first;
        r[n++][1] = (unsigned int)last;
        if (p == end)
            return (int)n;
        if (*p++ != ',')
            return -EINVAL;
    }
    return -EINVAL;
}

/* Every range is checked before any is granted. */
static int grant_ioports(struct domain *d, const char *val, size_t len)
{
    unsigned int ranges[MAX_PORT_RANGES][2];
    int n = parse_port_ranges(val, len, ranges, MAX_PORT_RANGES);

    for (int i = 0; i < n; i++) {
        int rc = arch_domain_permit_ioports(d, ranges[i][0], ranges[i][1]);

        if (rc)
            return rc;
        printk(XENLOG_INFO "d%u: I/O ports %#x-%#x passed through\n", d->domid, ranges[i][0],
               ranges[i][1]);
    }
    return n < 0 ? n : 0;
}

static int grant_irq(struct domain *d, const char *val, size_t len)
{
    unsigned long long irq;
    const char *end;
    int rc;

    if (!parse_number(val, &end, &irq) || end != val + len || irq >= NR_DEVICE_IRQS)
        return -EINVAL;
    spin_lock(&owners_lock);
    rc = irq_owner[irq] ? -EBUSY : arch_device_irq_enable((unsigned int)irq);
    if (!rc)
        irq_owner[irq] = d;
    spin_unlock(&owners_lock);
    if (!rc)
        printk(XENLOG_INFO "d%u: interrupt line %llu passed through\n", d->domid, irq);
    return rc;
}

int passthrough_setup(struct domain *d, const char *opts)
{
    const char *val;
    size_t len;
    int rc = 0;

    if (cmdline_find(opts, "ioports", &val, &len)) {
        rc = grant_ioports(d, val, len);
        if (rc)
            printk(XENLOG_ERR "d%u: cannot pass through ioports=%.*s: error %d\n", d->domid,
                   (int)len, val, rc);
    }
    if (!rc && cmdline_find(opts, "irq", &val, &len)) {
        rc = grant_irq(d, val, len);
        if (rc)
            printk(XENLOG_ERR "d%u: cannot pass through irq=%.*s: error %d\n", d->domid, (int)len,
                   val, rc);
    }
    return rc;
}

void passthrough_release(struct domain *d)
{
    spin_lock(&owners_lock);
    for (unsigned int irq = 0; irq < NR_DEVICE_IRQS; irq++) {
        if (irq_owner[irq] == d) {
            arch_device_irq_disable(irq);
            irq_owner[irq] = NULL;
        }
    }
    spin_unlock(&owners_lock);
}

void passthrough_irq_raised(unsigned int irq)
{
    __atomic_fetch_or(&irqs_raised, 1UL << irq, __ATOMIC_SEQ_CST);
    raise_softirq(SOFTIRQ_DEVICE);
}

void passthrough_softirq(void)
{
    unsigned long raised = __atomic_exchange_n(&irqs_raised, 0, __ATOMIC_SEQ_CST);

    spin_lock(&owners_lock);
    for (; raised; raised &= raised - 1) {
        struct domain *d = irq_owner[__builtin_ctzl(raised)];

        if (d)
            domain_notify(d);
    }
    spin_unlock(&owners_lock);
}
