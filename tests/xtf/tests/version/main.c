/* SPDX-License-Identifier: MIT */
/*
 * The xen_version hypercall with Xen's structures: version 4.17, a
 * NUL-terminated extraversion, compile information, the page size, the
 * feature map, the platform parameters and the GNU build-id (size query
 * and contents).  The build-id is printed so the runner's log shows it.
 */
#include <xtf.h>
#include <arch/setup.h>

const char test_title[] = "xen_version";

void test_main(void)
{
    static char big[1024];
    xen_extraversion_t extra;
    xen_compile_info_t ci;
    xen_platform_parameters_t pp;
    xen_feature_info_t fi = { .submap_idx = 0, .submap = ~0u };
    xen_build_id_t *id = (xen_build_id_t *)big;
    long v = hypercall_xen_version(XENVER_version, NULL), len;
    char hex[2 * 64 + 1] = "";

    if (v != ((4 << 16) | 17))
        xtf_failure("version %#lx, expected 4.17", v);
    if (hypercall_xen_version(XENVER_extraversion, extra) || !memchr(extra, 0, sizeof(extra)))
        xtf_failure("extraversion missing or not terminated");
    if (hypercall_xen_version(XENVER_compile_info, &ci) || strncmp(ci.compiler, "gcc", 3))
        xtf_failure("compile_info.compiler '%.16s'", ci.compiler);
    if (hypercall_xen_version(XENVER_pagesize, NULL) != (long)PAGE_SIZE)
        xtf_failure("page size");
    if (hypercall_xen_version(XENVER_get_features, &fi) || fi.submap != 0)
        xtf_failure("get_features");
    if (hypercall_xen_version(XENVER_platform_parameters, &pp) || pp.virt_start < guest_ram_end())
        xtf_failure("platform_parameters virt_start %#lx", (unsigned long)pp.virt_start);
    if (hypercall_xen_version(XENVER_commandline, big) || !memchr(big, 0, sizeof(big)))
        xtf_failure("commandline");

    len = hypercall_xen_version(XENVER_build_id, NULL);
    if (len != 20)
        xtf_failure("build-id size %ld, expected 20 (SHA-1)", len);
    id->len = sizeof(big) - sizeof(*id);
    if (hypercall_xen_version(XENVER_build_id, id) != len)
        xtf_failure("build-id fetch");
    for (long i = 0; i < len && i < 64; i++)
        snprintf(hex + 2 * i, 3, "%02x", id->buf[i]);
    printk("Xen %ld.%ld%s, build-id %s\n", v >> 16, v & 0xffff, extra, hex);
    if (!xtf_status_reported())
        xtf_success(NULL);
}
