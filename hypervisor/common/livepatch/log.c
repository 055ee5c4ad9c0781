/* SPDX-License-Identifier: MIT */
/* Refusal messages: every one names the payload and the reason. */
#include "private.h"
#include <hv/console.h>
#include <hv/lib.h>

int lp_refuse(int rc, const char *who, const char *fmt, ...)
{
    char msg[200];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    printk(XENLOG_ERR "livepatch: %s: %s (error %d)\n", who, msg, rc);
    return rc;
}
