/* SPDX-License-Identifier: MIT */
/*
 * The control-domain relay: dom0 on this hypervisor, owning the UART that
 * QEMU binds to xen-livepatch's unix socket.  It serves one framed request
 * at a time, for ever; a frame it cannot take gets a RELAY_ERROR reply
 * and the next one is served as usual.
 *
 * Boot module line: "relay ioports=0x2f8-0x2ff irq=3 mem=12M -- uart=0x2f8"
 * (the hypervisor's options give it the UART; "uart=" says where it is).
 */
#include <xtf.h>

#include "link.h"
#include "service.h"
#include "uart.h"

const char test_title[] = "xen-livepatch relay";

#define DEFAULT_UART 0x2f8
#define ERROR_REPLY_MAX 256

/* Request and reply bodies: up to a 2 MiB payload each way. */
static uint8_t request_body[RELAY_MAX_BODY];
static uint8_t reply_body[RELAY_MAX_BODY];

static void reply_error(uint32_t id, int err, const char *why)
{
    uint8_t body[ERROR_REPLY_MAX];
    struct relay_cursor c;

    relay_cursor_init(&c, body, sizeof(body));
    relay_put_u32(&c, (uint32_t)err);
    relay_put_string(&c, why);
    link_send(RELAY_ERROR, id, body, (uint32_t)c.pos);
    printk("relay: frame %u refused: %s (%d)\n", id, why, err);
}

static void serve_one(void)
{
    struct link_request req;
    const char *why = "";
    long n = link_receive(&req, request_body, &why);

    if (!n)
        n = service_handle(&req, reply_body, &why);
    if (n < 0)
        reply_error(req.h.id, (int)n, why);
    else
        link_send((uint16_t)(RELAY_REPLY | req.h.type), req.h.id, reply_body, (uint32_t)n);
}

void test_main(void)
{
    unsigned long long port = DEFAULT_UART;
    const char *val;
    size_t len;

    if (test_option("uart", &val, &len) && (!parse_number(val, NULL, &port) || port > 0xfff8))
        panic("relay: bad uart=%.*s", (int)len, val);
    uart_init((uint16_t)port);
    printk("relay: serving on the UART at %#llx\n", port);
    for (;;)
        serve_one();
}
