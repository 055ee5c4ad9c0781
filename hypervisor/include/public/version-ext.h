/* SPDX-License-Identifier: MIT */
/*
 * xen_version sub-ops that Xen 4.19 added and 4.17's headers lack: the
 * strings of XENVER_extraversion, _capabilities, _changeset and
 * _commandline without their fixed-size truncation, in a buffer the
 * caller sizes.  Numbers and layout are Xen 4.19's.
 *
 * arg NULL: returns the string's length.  Otherwise arg is a struct
 * xen_varbuf: len (IN) is the size of buf; pad must be zero.  Returns the
 * string's length and writes that many bytes to buf (no NUL), -ENOBUFS if
 * len is too small.  XENVER_commandline2 is for the control domain only.
 */
#ifndef PUBLIC_VERSION_EXT_H
#define PUBLIC_VERSION_EXT_H

#include <public/version.h>

#define XENVER_extraversion2 0x80000001
#define XENVER_capabilities2 0x80000002
#define XENVER_changeset2 0x80000003
#define XENVER_commandline2 0x80000004

struct xen_varbuf {
    uint32_t len;         /* IN: size of buf[] in bytes */
    unsigned char pad[4]; /* IN: must be zero */
    char buf[];           /* OUT: the string, without its NUL */
};
typedef struct xen_varbuf xen_varbuf_t;

#endif /* PUBLIC_VERSION_EXT_H */
