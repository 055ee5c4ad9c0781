/* SPDX-License-Identifier: MIT */
/* Symbolic names of errno values (Xen's equal Linux's), for JSON and messages. */
#ifndef ERRNO_NAME_H
#define ERRNO_NAME_H

/* "EAGAIN" for 11 (sign ignored); NULL for 0 or a value without a name here. */
const char *errno_name(int err);

#endif /* ERRNO_NAME_H */
