/* SPDX-License-Identifier: MIT */
/* Symbolic errno names (see errno_name.h): the <xen/errno.h> set. */
#include <errno.h>
#include <stddef.h>

#include "errno_name.h"

#define E(x)  \
    {         \
        x, #x \
    }

static const struct {
    int value;
    const char *name;
} names[] = {
    E(EPERM),        E(ENOENT),    E(ESRCH),   E(EINTR),      E(EIO),          E(ENXIO),
    E(E2BIG),        E(ENOEXEC),   E(EBADF),   E(ECHILD),     E(EAGAIN),       E(ENOMEM),
    E(EACCES),       E(EFAULT),    E(EBUSY),   E(EEXIST),     E(EXDEV),        E(ENODEV),
    E(ENOTDIR),      E(EISDIR),    E(EINVAL),  E(ENFILE),     E(EMFILE),       E(ENOSPC),
    E(ESPIPE),       E(EROFS),     E(EMLINK),  E(EDOM),       E(ERANGE),       E(EDEADLK),
    E(ENAMETOOLONG), E(ENOLCK),    E(ENOSYS),  E(ENOTEMPTY),  E(ENODATA),      E(ETIME),
    E(EBADMSG),      E(EOVERFLOW), E(EILSEQ),  E(ENOTSOCK),   E(EOPNOTSUPP),   E(EADDRINUSE),
    E(ENETDOWN),     E(ENOBUFS),   E(EISCONN), E(ENOTCONN),   E(ETIMEDOUT),    E(ECONNREFUSED),
    E(EFBIG),        E(EPROTO),    E(EPIPE),   E(ECONNRESET), E(ECONNABORTED),
};

const char *errno_name(int err)
{
    if (err < 0)
        err = -err;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (names[i].value == err)
            return names[i].name;
    return NULL;
}
