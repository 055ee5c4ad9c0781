/* SPDX-License-Identifier: MIT */
/* printk and panic, through the console_io hypercall. */
#include <xtf.h>

void vprintk(const char *fmt, va_list ap)
{
    char buf[512];
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);

    if (n > (int)sizeof(buf) - 1)
        n = sizeof(buf) - 1;
    hypercall_console_write(buf, (unsigned long)n);
}

void printk(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vprintk(fmt, ap);
    va_end(ap);
}

void panic(const char *fmt, ...)
{
    va_list ap;

    printk("******************************\n");
    printk("PANIC: ");
    va_start(ap, fmt);
    vprintk(fmt, ap);
    va_end(ap);
    printk("\n******************************\n");
    hypercall_shutdown(SHUTDOWN_crash);
    for (;;)
        hypercall_yield();
}
