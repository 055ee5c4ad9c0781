/* SPDX-License-Identifier: MIT */
/*
 * HVSA-4: XENVER_get_features reads past its table.  The submap index
 * from the guest is not checked against XENFEAT_NR_SUBMAPS, so a guest
 * reads hypervisor memory after the table, 4 bytes at a chosen offset (or
 * crashes the hypervisor with a far one).  We ask for the first index
 * past the end only.  Runs unprivileged.
 */
#include <xtf.h>

const char test_title[] = "HVSA-4: XENVER_get_features index out of bounds";

void test_main(void)
{
    xen_feature_info_t fi = { .submap_idx = 0 };
    long rc = hypercall_xen_version(XENVER_get_features, &fi);

    if (rc)
        return xtf_error("submap 0: %ld", rc);
    fi.submap_idx = XENFEAT_NR_SUBMAPS;
    fi.submap = 0;
    rc = hypercall_xen_version(XENVER_get_features, &fi);
    if (rc == -XEN_EINVAL)
        return xtf_success("submap index %u (of %u) refused", fi.submap_idx, XENFEAT_NR_SUBMAPS);
    if (rc == 0)
        return xtf_failure("Vulnerable: submap index %u (of %u) read %#x from past the table",
                           fi.submap_idx, XENFEAT_NR_SUBMAPS, fi.submap);
    xtf_error("submap index %u: %ld", fi.submap_idx, rc);
}
