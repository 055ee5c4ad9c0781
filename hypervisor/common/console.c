/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor console.
 *
 * Lines from the hypervisor are prefixed "(XEN) ", lines from guests
 * "(dN) "; a whole line is written under console_lock so lines from
 * different CPUs never interleave.  Boot options: loglvl=err|warning|info|
 * debug|all (default info), console_timestamps=boot.
 */
#include <hv/console.h>
#include <hv/arch.h>
#include <hv/cmdline.h>
#include <hv/lib.h>
#include <hv/spinlock.h>
#include <hv/timer.h>

static spinlock_t console_lock = SPIN_LOCK_UNLOCKED;
static int log_threshold = 2; /* XENLOG_INFO */
static bool timestamps;
static bool at_line_start = true;

static const char *const level_names[] = { "err", "warning", "info", "debug" };

void console_init(const char *cmdline)
{
    char buf[16];

    if (cmdline_string(cmdline, "loglvl", buf, sizeof(buf))) {
        if (!strcmp(buf, "all"))
            log_threshold = 3;
        for (int i = 0; i < (int)ARRAY_SIZE(level_names); i++)
            if (!strcmp(buf, level_names[i]))
                log_threshold = i;
    }
    timestamps =
        cmdline_string(cmdline, "console_timestamps", buf, sizeof(buf)) && !strcmp(buf, "boot");
}

void console_force_unlock(void)
{
    spin_lock_init(&console_lock);
}

static void write_prefix(const char *who)
{
    char stamp[32];

    if (timestamps) {
        uint64_t ns = now_ns();
        int n = snprintf(stamp, sizeof(stamp), "[%5lu.%06lu] ", (unsigned long)(ns / 1000000000ULL),
                         (unsigned long)(ns / 1000ULL % 1000000ULL));

        arch_console_write(stamp, (size_t)n);
    }
    arch_console_write(who, strlen(who));
}

/* Writes @s, adding the "(XEN) " prefix at the start of each line. */
static void write_hv_text(const char *s)
{
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);

        if (at_line_start)
            write_prefix("(XEN) ");
        arch_console_write(s, n);
        at_line_start = nl != NULL;
        s += n;
    }
}

void vprintk(const char *fmt, va_list ap)
{
    char buf[512];
    int level = 2;

    if (fmt[0] == '<' && fmt[1] >= '0' && fmt[1] <= '3' && fmt[2] == '>') {
        level = fmt[1] - '0';
        fmt += 3;
    }
    if (level > log_threshold)
        return;
    vsnprintf(buf, sizeof(buf), fmt, ap);
    spin_lock(&console_lock);
    write_hv_text(buf);
    spin_unlock(&console_lock);
}

void printk(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vprintk(fmt, ap);
    va_end(ap);
}

void console_guest_write(unsigned int domid, const char *buf, size_t len)
{
    char prefix[16];

    snprintf(prefix, sizeof(prefix), "(d%u) ", domid);
    spin_lock(&console_lock);
    if (!at_line_start) {
        arch_console_write("\n", 1);
        at_line_start = true;
    }
    write_prefix(prefix);
    arch_console_write(buf, len);
    arch_console_write("\n", 1);
    spin_unlock(&console_lock);
}

size_t console_read(char *buf, size_t len)
{
    size_t n = 0;

    while (n < len) {
        int c = arch_console_getc();

        if (c < 0)
            break;
        buf[n++] = (char)c;
    }
    return n;
}
