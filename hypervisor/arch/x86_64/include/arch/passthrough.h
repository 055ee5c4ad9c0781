/* SPDX-License-Identifier: MIT */
/* I/O ports given to domains (passthrough.c). */
#ifndef ARCH_PASSTHROUGH_H
#define ARCH_PASSTHROUGH_H

struct domain;

/* Closes @prev's ports in this CPU's I/O bitmap and opens @next's. */
void ioports_switch(const struct domain *prev, const struct domain *next);
/* Forgets @d's ports (it no longer runs anywhere). */
void ioports_release(const struct domain *d);

#endif /* ARCH_PASSTHROUGH_H */
