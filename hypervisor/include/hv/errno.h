/* SPDX-License-Identifier: MIT */
/*
 * Error numbers.  The hypervisor returns Xen's errno values to guests, so the
 * internal names are generated from Xen's public <xen/errno.h> list.
 */
#ifndef HV_ERRNO_H
#define HV_ERRNO_H

enum hv_errno {
#define XEN_ERRNO(name, value) name = value,
#include <public/errno.h>
};

#endif /* HV_ERRNO_H */
