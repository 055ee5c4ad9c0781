/* SPDX-License-Identifier: MIT */
/*
 * Not a test: the guest half of bench/livepatch-hold.sh.  Applies and
 * reverts payloads patching 1 and 100 functions, timing each action from
 * the hypercall to GET reporting it done; the hypervisor logs how long the
 * CPUs were held.  Prints "bench: <payload> <action> <microseconds>" lines.
 */
#include <xtf.h>
#include <xtf/livepatch.h>
#include <arch/setup.h>

const char test_title[] = "Live-patch benchmark";

#define ROUNDS 10

static uint64_t khz;

static void timed(const char *name, uint32_t cmd, const char *what)
{
    uint64_t start = arch_cycles();
    int32_t rc;

    if (lp_run(name, cmd, &rc) || rc) {
        xtf_error("%s %s failed: rc %d", name, what, rc);
        return;
    }
    printk("bench: %s %s %lu\n", name, what, (unsigned long)((arch_cycles() - start) * 1000 / khz));
}

void test_main(void)
{
    static const char *const payloads[] = { "bench1", "bench100" };
    struct xen_sysctl_physinfo pi;

    if (sysctl_physinfo(&pi) || !pi.cpu_khz) {
        xtf_error("no CPU frequency");
        return;
    }
    khz = pi.cpu_khz;
    for (unsigned int i = 0; i < ARRAY_SIZE(payloads); i++) {
        char file[32];

        snprintf(file, sizeof(file), "%s.livepatch", payloads[i]);
        if (lp_upload_file(payloads[i], file)) {
            xtf_error("cannot upload %s", file);
            return;
        }
        for (int r = 0; r < ROUNDS; r++) {
            timed(payloads[i], LIVEPATCH_ACTION_APPLY, "apply");
            timed(payloads[i], LIVEPATCH_ACTION_REVERT, "revert");
        }
        lp_action(payloads[i], LIVEPATCH_ACTION_UNLOAD, 0, 0);
    }
    xtf_success(NULL);
}
