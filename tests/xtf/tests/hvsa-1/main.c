/* SPDX-License-Identifier: MIT */
/*
 * HVSA-1: the XENVER_*2 string sub-ops disclose stale hypervisor data.
 * They assemble each answer in one scratch buffer shared by every domain
 * and copy out as much as the caller's buffer holds instead of the
 * string's length, so the tail of an earlier, longer answer (another
 * domain's XENVER_commandline2, for one) comes along.  We leave a longer
 * string there ourselves (capabilities2), then ask for the short extra
 * version with room to spare.  Runs unprivileged.
 */
#include <xtf.h>

const char test_title[] = "HVSA-1: XENVER_*2 copy more than the string";

#define ROOM 512
#define FILL 0xa5

static union {
    xen_varbuf_t vb;
    char bytes[sizeof(xen_varbuf_t) + ROOM];
} answer;

static long ask(unsigned int cmd)
{
    memset(&answer, FILL, sizeof(answer));
    answer.vb.len = ROOM;
    memset(answer.vb.pad, 0, sizeof(answer.vb.pad));
    return hypercall_xen_version(cmd, &answer.vb);
}

void test_main(void)
{
    char extra[XEN_EXTRAVERSION_LEN] = { 0 };
    size_t n, stale = 0;
    long rc;

    if (hypercall_xen_version(XENVER_extraversion, extra))
        return xtf_error("XENVER_extraversion failed");
    n = strlen(extra);
    rc = ask(XENVER_capabilities2);
    if (rc < 0)
        return xtf_error("XENVER_capabilities2: %ld", rc);
    rc = ask(XENVER_extraversion2);
    if (rc < 0)
        return xtf_error("XENVER_extraversion2: %ld", rc);
    if (memcmp(answer.vb.buf, extra, n))
        return xtf_error("XENVER_extraversion2 does not start with '%s'", extra);
    for (size_t i = n; i < ROOM; i++)
        stale += (unsigned char)answer.vb.buf[i] != FILL;
    if (rc != (long)n || stale)
        return xtf_failure("Vulnerable: XENVER_extraversion2 returned %ld bytes for the %zu of "
                           "'%s', %zu of them past its end (after it: '%.24s')",
                           rc, n, extra, stale, answer.vb.buf + n + 1);
    xtf_success("XENVER_extraversion2 copied exactly the %zu bytes of '%s'", n, extra);
}
