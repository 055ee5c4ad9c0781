/* SPDX-License-Identifier: MIT */
/*
 * The relay's end of the control channel: a 16550 UART passed through to
 * this domain (its I/O ports and interrupt line).  Waiting for input blocks
 * the vCPU until the UART's interrupt or a deadline wakes it.
 */
#ifndef RELAY_UART_H
#define RELAY_UART_H

#include <xtf.h>

#define UART_NO_DEADLINE 0

/* Programs the UART at I/O port @base: 8N1, FIFO, receive interrupt. */
void uart_init(uint16_t base);
/*
 * Waits for a byte until system time @deadline_ns (UART_NO_DEADLINE: for
 * ever): the byte, or -1 once the deadline passed.
 */
int uart_getc(uint64_t deadline_ns);
/* Sends @len bytes (blocks while the transmitter is full). */
void uart_write(const void *buf, size_t len);

#endif /* RELAY_UART_H */
