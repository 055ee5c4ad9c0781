/* SPDX-License-Identifier: MIT */
/* What the build knows about the machine (one table per QEMU machine). */
#ifndef ARCH_PLATFORM_H
#define ARCH_PLATFORM_H

#include <stdint.h>

struct x86_platform {
    const char *name;
    uint16_t uart_port;     /* 16550 at this I/O port */
    uint8_t uart_irq;       /* and its ISA interrupt line */
    uint16_t s5_sleep_type; /* SLP_TYP for soft-off in PM1a_CNT */
    uint16_t reset_port;    /* reset control register */
    uint8_t reset_value;
    uint32_t trampoline_pa; /* where secondary CPUs start (below 1 MiB) */
};

extern const struct x86_platform platform;

#endif /* ARCH_PLATFORM_H */
