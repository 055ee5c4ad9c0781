/* SPDX-License-Identifier: MIT */
/* Everything a test needs: include this one header. */
#ifndef XTF_H
#define XTF_H

#include <xtf/lib.h>
#include <xtf/hypercall.h>
#include <xtf/report.h>
#include <xtf/test.h>
#include <xtf/exinfo.h>

#endif /* XTF_H */
