/* SPDX-License-Identifier: MIT */
/*
 * x86 I/O port access.  Guests run with IOPL 0: a port works only if the
 * hypervisor passed it through to the domain (boot option "ioports="),
 * else in/out raise #GP.
 */
#ifndef XTF_ARCH_IO_H
#define XTF_ARCH_IO_H

#include <xtf/exinfo.h>

static inline uint8_t inb(uint16_t port)
{
    uint8_t v;

    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline void outb(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" ::"a"(v), "Nd"(port));
}

/* inb/outb that may fault: exinfo, 0 if the access worked. */
exinfo_t probe_inb(uint16_t port, uint8_t *val);
exinfo_t probe_outb(uint16_t port, uint8_t val);

#endif /* XTF_ARCH_IO_H */
