/* SPDX-License-Identifier: MIT */
/* QEMU's q35 machine (also right for "pc": the same ports and values). */
#include <arch/platform.h>

const struct x86_platform platform = {
    .name = "QEMU q35",
    .uart_port = 0x3f8, /* COM1 */
    .uart_irq = 4,
    .s5_sleep_type = 0,  /* QEMU's DSDT: _S5 = { 0, 0 } */
    .reset_port = 0xcf9, /* PCI reset control */
    .reset_value = 0x06, /* hard reset */
    .trampoline_pa = 0x8000,
};
