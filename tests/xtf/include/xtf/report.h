/* SPDX-License-Identifier: MIT */
/*
 * Test results, with the Xen Test Framework's meaning and strings.  Each
 * call may print a message; the most severe status reported wins:
 * SUCCESS < SKIP < ERROR < FAILURE.  A warning only marks a success
 * "SUCCESS with warnings".  A test that reports nothing ends in ERROR.
 *
 * - success: everything went well;
 * - skip:    the test cannot run here (configuration);
 * - error:   the test or its environment is broken;
 * - failure: the code under test is broken (for an advisory test:
 *            "Vulnerable").
 */
#ifndef XTF_REPORT_H
#define XTF_REPORT_H

#include <hv/types.h>

enum test_status {
    STATUS_RUNNING,
    STATUS_SUCCESS,
    STATUS_SKIP,
    STATUS_ERROR,
    STATUS_FAILURE,
};

void xtf_success(const char *fmt, ...) __printf(1, 2);
void xtf_warning(const char *fmt, ...) __printf(1, 2);
void xtf_skip(const char *fmt, ...) __printf(1, 2);
void xtf_error(const char *fmt, ...) __printf(1, 2);
void xtf_failure(const char *fmt, ...) __printf(1, 2);

bool xtf_status_reported(void);
/* Prints the single "Test result: ..." line; called once at the end. */
void xtf_report_final(void);
/* Reports the final result now and shuts the domain down. */
__noreturn void xtf_exit(void);

/* Reports a failure unless @expr evaluates to @want (numbers). */
#define XTF_EXPECT(expr, want)                                                                  \
    do {                                                                                        \
        long xtf_rc_ = (long)(expr);                                                            \
        if (xtf_rc_ != (long)(want))                                                            \
            xtf_failure("%s: got %ld, expected %s (%ld)", #expr, xtf_rc_, #want, (long)(want)); \
    } while (0)

/* Pure helpers, unit-tested on the host. */
enum test_status status_worse(enum test_status a, enum test_status b);
const char *status_result_line(enum test_status s, bool warnings);

#endif /* XTF_REPORT_H */
