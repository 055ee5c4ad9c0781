/* SPDX-License-Identifier: MIT */
/* A 16550 UART driver for the relay: see uart.h. */
#include "uart.h"

#include <arch/io.h>
#include <xtf/time.h>

#define RBR 0 /* receive buffer (read) */
#define THR 0 /* transmit holding (write) */
#define IER 1
#define FCR 2
#define LCR 3
#define MCR 4
#define LSR 5
#define DLL 0 /* divisor latch, with LCR_DLAB */
#define DLM 1

#define IER_RX_DATA 0x01
#define FCR_ENABLE_CLEAR_14 0xc7 /* FIFOs on and emptied, interrupt at 14 bytes */
#define LCR_8N1 0x03
#define LCR_DLAB 0x80
#define MCR_DTR_RTS_OUT2 0x0b /* OUT2 lets the interrupt reach the line */
#define LSR_DATA 0x01
#define LSR_THR_EMPTY 0x20
#define FIFO_SIZE 16

static uint16_t uart;

void uart_init(uint16_t base)
{
    uart = base;
    outb(uart + IER, 0);
    outb(uart + LCR, LCR_DLAB);
    outb(uart + DLL, 1); /* 115200 baud: the receive FIFO's timeout is 4 characters of it */
    outb(uart + DLM, 0);
    outb(uart + LCR, LCR_8N1);
    outb(uart + FCR, FCR_ENABLE_CLEAR_14);
    outb(uart + MCR, MCR_DTR_RTS_OUT2);
    while (inb(uart + LSR) & LSR_DATA)
        (void)inb(uart + RBR);
    outb(uart + IER, IER_RX_DATA);
}

static bool byte_waiting(void)
{
    return inb(uart + LSR) & LSR_DATA;
}

/*
 * Sleeps until the UART's interrupt (FIFO at its trigger level, or data
 * waiting for four characters' time) or the deadline; false once that
 * passed.  Not polling matters: each read of the FIFO makes QEMU refill it
 * at once, so reading it before the interrupt brings bytes one or two at a
 * time and is slower, besides burning a CPU.
 */
static bool wait_for_data(uint64_t deadline_ns)
{
    hypercall_set_timer_op(deadline_ns);
    while (!byte_waiting()) {
        if (deadline_ns != UART_NO_DEADLINE && xtf_now_ns() >= deadline_ns)
            return false;
        hypercall_block();
    }
    return true;
}

int uart_getc(uint64_t deadline_ns)
{
    if (!byte_waiting() && !wait_for_data(deadline_ns))
        return -1;
    return inb(uart + RBR);
}

void uart_write(const void *buf, size_t len)
{
    const uint8_t *p = buf;

    while (len) {
        size_t burst = len < FIFO_SIZE ? len : FIFO_SIZE;

        while (!(inb(uart + LSR) & LSR_THR_EMPTY))
            hypercall_yield();
        for (size_t i = 0; i < burst; i++)
            outb(uart + THR, p[i]);
        p += burst;
        len -= burst;
    }
}
