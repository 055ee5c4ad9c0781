/* SPDX-License-Identifier: MIT */
/* Test status bookkeeping and the final "Test result:" line. */
#include <xtf.h>

static enum test_status status = STATUS_RUNNING;
static bool warned;

enum test_status status_worse(enum test_status a, enum test_status b)
{
    return a > b ? a : b;
}

const char *status_result_line(enum test_status s, bool warnings)
{
    switch (s) {
    case STATUS_SUCCESS:
        return warnings ? "SUCCESS with warnings" : "SUCCESS";
    case STATUS_SKIP:
        return "SKIP";
    case STATUS_FAILURE:
        return "FAILURE";
    case STATUS_ERROR:
    case STATUS_RUNNING:
    default:
        return "ERROR";
    }
}

static void report(enum test_status s, const char *prefix, const char *fmt, va_list ap)
{
    char msg[256];

    status = status_worse(status, s);
    if (fmt && *fmt) {
        vsnprintf(msg, sizeof(msg), fmt, ap);
        printk("%s%s\n", prefix, msg);
    }
}

#define DEFINE_REPORT(fn, st, prefix) \
    void fn(const char *fmt, ...)     \
    {                                 \
        va_list ap;                   \
        va_start(ap, fmt);            \
        report(st, prefix, fmt, ap);  \
        va_end(ap);                   \
    }

DEFINE_REPORT(xtf_success, STATUS_SUCCESS, "Success: ")
DEFINE_REPORT(xtf_skip, STATUS_SKIP, "Skip: ")
DEFINE_REPORT(xtf_error, STATUS_ERROR, "Error: ")
DEFINE_REPORT(xtf_failure, STATUS_FAILURE, "Failure: ")

void xtf_warning(const char *fmt, ...)
{
    char msg[256];
    va_list ap;

    warned = true;
    if (fmt && *fmt) {
        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        printk("Warning: %s\n", msg);
    }
}

bool xtf_status_reported(void)
{
    return status != STATUS_RUNNING;
}

void xtf_report_final(void)
{
    if (status == STATUS_RUNNING)
        printk("Test did not report a status\n");
    printk("Test result: %s\n", status_result_line(status, warned));
}

void xtf_exit(void)
{
    xtf_report_final();
    hypercall_shutdown(SHUTDOWN_poweroff);
    panic("shutdown hypercall returned");
}
