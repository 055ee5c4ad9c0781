/* SPDX-License-Identifier: MIT */
/*
 * Device passthrough: a boot domain may be given a device the hypervisor
 * does not use, for a driver of its own (the xen-livepatch relay owns the
 * second UART this way).  Boot module options:
 *   ioports=FIRST-LAST[,FIRST-LAST...]  I/O port ranges (x86)
 *   irq=N                               a device interrupt line; each time
 *                                       it fires, the domain is notified
 *                                       (its SCHEDOP_block returns)
 */
#ifndef HV_PASSTHROUGH_H
#define HV_PASSTHROUGH_H

#include <hv/types.h>

struct domain;

/* Gives @d the devices named in module options @opts; an error is explained on the console. */
int passthrough_setup(struct domain *d, const char *opts);
/* Takes @d's interrupt lines back (its ports go with the arch domain). */
void passthrough_release(struct domain *d);
/* Called by the arch, from interrupt context, when line @irq fired. */
void passthrough_irq_raised(unsigned int irq);
/* The SOFTIRQ_DEVICE handler: notifies the owners of lines that fired. */
void passthrough_softirq(void);

#endif /* HV_PASSTHROUGH_H */
