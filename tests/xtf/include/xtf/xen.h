/* SPDX-License-Identifier: MIT */
/* Xen's public interface, as installed by libxen-dev, for guests. */
#ifndef XTF_XEN_H
#define XTF_XEN_H

#include <hv/types.h>
#include <public/xen.h>
#include <public/version.h>
#include <public/version-ext.h>
#include <public/platform.h>
#include <public/sched.h>
#include <public/sysctl.h>
#include <public/domctl-ext.h>
#include <public/features.h>
#include <public/errno.h>

#endif /* XTF_XEN_H */
