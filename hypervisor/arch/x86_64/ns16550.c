/* SPDX-License-Identifier: MIT */
/* The 16550 UART, polled, as the hypervisor console. */
#include <hv/arch.h>
#include <arch/platform.h>
#include <arch/x86.h>

#define UART_THR 0
#define UART_RBR 0
#define UART_IER 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_DLL 0
#define UART_DLM 1
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20

void ns16550_init(void);
void ns16550_init(void)
{
    uint16_t port = platform.uart_port;

    outb(port + UART_IER, 0);
    outb(port + UART_LCR, 0x80); /* divisor latch: 115200 baud */
    outb(port + UART_DLL, 1);
    outb(port + UART_DLM, 0);
    outb(port + UART_LCR, 0x03); /* 8N1 */
    outb(port + UART_FCR, 0xc7); /* FIFOs on and cleared */
    outb(port + UART_MCR, 0x0b);
}

static void uart_putc(char c)
{
    uint16_t port = platform.uart_port;

    while (!(inb(port + UART_LSR) & LSR_THR_EMPTY))
        ;
    outb(port + UART_THR, (uint8_t)c);
}

void arch_console_write(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n')
            uart_putc('\r');
        uart_putc(s[i]);
    }
}

int arch_console_getc(void)
{
    uint16_t port = platform.uart_port;

    return (inb(port + UART_LSR) & LSR_DATA_READY) ? inb(port + UART_RBR) : -1;
}
