/* SPDX-License-Identifier: MIT */
/*
 * Device passthrough on x86: dom0 boots with "ioports=0x2f8-0x2ff irq=3",
 * the second UART.  Its ports work and the ones around them, the console
 * UART's, the PIT's and the reset port do not; a domU probing the same
 * ports again and again while dom0 uses them, on the same CPUs, is always
 * refused; and the UART's interrupt, raised through its loopback mode,
 * wakes dom0 from SCHEDOP_block.
 */
#include <xtf.h>
#include <xtf/time.h>
#include <arch/io.h>

const char test_title[] = "Device passthrough: I/O ports and an interrupt line";

#define UART 0x2f8
#define UART_THR 0
#define UART_RBR 0
#define UART_IER 1
#define UART_IIR 2
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_SCR 7
#define LSR_DR 0x01
#define IIR_NO_INT 0x01
#define MS 1000000ULL

static bool scratch_works(uint8_t v)
{
    outb(UART + UART_SCR, v);
    return inb(UART + UART_SCR) == v;
}

static void check_ports(void)
{
    static const uint16_t denied[] = { UART - 1, UART + 8, 0x3f8, 0x3fd, 0x40, 0x43, 0xcf9, 0x92 };
    char text[48];

    if (!scratch_works(0x5a) || !scratch_works(0xa5))
        xtf_failure("the UART's scratch register does not keep what we write");
    for (unsigned int i = 0; i < ARRAY_SIZE(denied); i++) {
        uint8_t v;
        exinfo_t ex = probe_inb(denied[i], &v);

        if (EXINFO_VEC(ex) != 13 || !(ex & EXINFO_EXPECTED))
            xtf_failure("inb %#x: got %s, expected #GP", denied[i],
                        exinfo_str(ex, text, sizeof(text)));
        ex = probe_outb(denied[i], 0);
        if (EXINFO_VEC(ex) != 13 || !(ex & EXINFO_EXPECTED))
            xtf_failure("outb %#x: got %s, expected #GP", denied[i],
                        exinfo_str(ex, text, sizeof(text)));
    }
}

/* Uses the ports while the port-probe domU (d1) tries them, until it is done. */
static void check_other_domain_refused(void)
{
    struct xen_domctl_getdomaininfo info = { 0 };
    unsigned int rounds = 0;

    for (;;) {
        if (domctl_getinfo(1, &info) || info.domain != 1)
            return xtf_error("the port-probe domain d1 is missing");
        if (info.flags & XEN_DOMINF_shutdown)
            break;
        if (!scratch_works((uint8_t)rounds++))
            return xtf_failure("lost our own ports after %u context switches", rounds);
        hypercall_yield();
    }
    if (((info.flags >> XEN_DOMINF_shutdownshift) & XEN_DOMINF_shutdownmask) != SHUTDOWN_poweroff)
        xtf_failure("d1 read our ports (shutdown flags %#x)", info.flags);
    printk("d1 was refused while we used the ports for %u rounds\n", rounds);
}

static void uart_loopback_init(void)
{
    outb(UART + UART_LCR, 0x80); /* divisor latch */
    outb(UART + 0, 1);
    outb(UART + 1, 0);
    outb(UART + UART_LCR, 0x03); /* 8N1 */
    outb(UART + UART_FCR, 0x07); /* FIFO on and cleared, interrupt at 1 byte */
    outb(UART + UART_MCR, 0x18); /* loopback, OUT2 */
    outb(UART + UART_IER, 0x01); /* received data */
    while (inb(UART + UART_LSR) & LSR_DR)
        (void)inb(UART + UART_RBR);
}

/* Each looped-back byte must wake us well before the safety timer. */
static void check_interrupt(void)
{
    uart_loopback_init();
    for (unsigned int i = 0; i < 20; i++) {
        uint8_t sent = (uint8_t)('a' + i);
        uint64_t deadline;

        hypercall_set_timer_op(1); /* consume any notification still pending */
        hypercall_block();
        deadline = xtf_now_ns() + 2000 * MS;
        hypercall_set_timer_op(deadline);
        outb(UART + UART_THR, sent);
        hypercall_block();
        if (xtf_now_ns() >= deadline)
            return xtf_failure("byte %u: no interrupt woke us within 2 s", i);
        if (!(inb(UART + UART_LSR) & LSR_DR) || inb(UART + UART_RBR) != sent)
            return xtf_failure("byte %u: woken, but the byte did not arrive", i);
        if (!(inb(UART + UART_IIR) & IIR_NO_INT))
            return xtf_failure("byte %u: the UART still has an interrupt pending", i);
    }
    hypercall_set_timer_op(0);
    outb(UART + UART_IER, 0);
}

void test_main(void)
{
    check_ports();
    check_other_domain_refused();
    check_interrupt();
    if (!xtf_status_reported())
        xtf_success("our ports and interrupt work, and nobody else's ports do");
}
