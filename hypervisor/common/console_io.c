/* SPDX-License-Identifier: MIT */
/*
 * The console_io hypercall.  Every domain may write (as on a debug build of
 * Xen); output is collected into lines and printed "(dN) line", with
 * non-printable bytes replaced so a guest cannot drive the terminal.  Only
 * the control domain may read console input.
 */
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/percpu.h>
#include <public/xen.h>

#define CHUNK 128

static void flush_line(struct domain *d)
{
    console_guest_write(d->domid, d->console_line, d->console_len);
    d->console_len = 0;
}

static void put_guest_char(struct domain *d, char c)
{
    if (c == '\n') {
        flush_line(d);
        return;
    }
    if (c == '\r')
        return;
    if (c != '\t' && (c < 0x20 || c > 0x7e))
        c = '?';
    d->console_line[d->console_len++] = c;
    if (d->console_len == sizeof(d->console_line))
        flush_line(d);
}

static long console_write(unsigned int count, guest_ptr_t buf)
{
    struct domain *d = current->domain;
    char chunk[CHUNK];

    while (count) {
        unsigned int n = count < CHUNK ? count : CHUNK;

        if (copy_from_guest(chunk, buf, n))
            return -EFAULT;
        for (unsigned int i = 0; i < n; i++)
            put_guest_char(d, chunk[i]);
        buf = guest_ptr_add(buf, n);
        count -= n;
    }
    return 0;
}

static long console_read_to_guest(unsigned int count, guest_ptr_t buf)
{
    char chunk[CHUNK] = { 0 };
    size_t want = count < CHUNK ? count : CHUNK, n;

    if (!current->domain->is_privileged)
        return -EPERM;
    /* Check the buffer before taking input, so a bad one loses none. */
    if (want && copy_to_guest(buf, chunk, want))
        return -EFAULT;
    n = console_read(chunk, want);
    if (n && copy_to_guest(buf, chunk, n))
        return -EFAULT;
    return (long)n;
}

long do_console_io(unsigned int cmd, unsigned int count, guest_ptr_t buf)
{
    switch (cmd) {
    case CONSOLEIO_write:
        return console_write(count, buf);
    case CONSOLEIO_read:
        return console_read_to_guest(count, buf);
    default:
        return -ENOSYS;
    }
}
