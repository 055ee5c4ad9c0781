/* SPDX-License-Identifier: MIT */
/*
 * Version information and the xen_version hypercall.  The build-id and the
 * command line are for the control domain only (-EPERM otherwise), as with
 * Xen's default security policy.  The untruncated *2 string sub-ops are
 * Xen 4.19's (public/version-ext.h).
 */
#include <hv/version.h>
#include <hv/build_id.h>
#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/lib.h>
#include <hv/percpu.h>
#include <hv/spinlock.h>
#include <public/version.h>
#include <public/version-ext.h>
#include <public/features.h>

#ifndef HV_COMPILE_BY
#define HV_COMPILE_BY "builder"
#endif
#ifndef HV_COMPILE_DOMAIN
#define HV_COMPILE_DOMAIN "localdomain"
#endif
#ifndef HV_COMPILE_DATE
#define HV_COMPILE_DATE "unknown"
#endif
#ifndef HV_CHANGESET
#define HV_CHANGESET "unavailable"
#endif

extern const char __note_gnu_build_id_start[], __note_gnu_build_id_end[];

__attribute__((noinline)) unsigned int xen_major_version(void)
{
    return HV_VERSION_MAJOR;
}

__attribute__((noinline)) unsigned int xen_minor_version(void)
{
    return HV_VERSION_MINOR;
}

__attribute__((noinline)) const char *xen_extra_version(void)
{
    return ".0-hv";
}

bool hv_build_id(const uint8_t **id, unsigned int *len)
{
    return !build_id_parse_note(__note_gnu_build_id_start,
                                (size_t)(__note_gnu_build_id_end - __note_gnu_build_id_start), id,
                                len);
}

void print_banner(void)
{
    const uint8_t *id;
    unsigned int len;
    char hex[2 * 64 + 1] = "none";

    if (hv_build_id(&id, &len))
        for (unsigned int i = 0; i < len && i < 64; i++)
            snprintf(hex + 2 * i, 3, "%02x", id[i]);
    printk("Hypervisor version %u.%u%s (Xen %u.%u ABI), gcc %s\n", xen_major_version(),
           xen_minor_version(), xen_extra_version(), HV_VERSION_MAJOR, HV_VERSION_MINOR,
           __VERSION__);
    printk("Build-id: %s\n", hex);
}

/* Copies @s into a guest string type of @size bytes, zero-padded. */
static long copy_string_out(guest_ptr_t arg, const char *s, size_t size)
{
    char buf[1024] = { 0 };

    BUG_ON(size > sizeof(buf));
    strlcpy(buf, s, size);
    return copy_to_guest(arg, buf, size) ? -EFAULT : 0;
}

static long version_build_id(guest_ptr_t arg)
{
    xen_build_id_t hdr;
    const uint8_t *id;
    unsigned int len;

    if (!hv_build_id(&id, &len))
        return -ENODATA;
    if (guest_ptr_is_null(arg))
        return len; /* size query */
    if (copy_from_guest(&hdr, arg, sizeof(hdr)))
        return -EFAULT;
    if (hdr.len == 0)
        return -EINVAL;
    if (len > hdr.len)
        return -ENOBUFS;
    if (copy_to_guest(guest_ptr_add(arg, sizeof(hdr)), id, len))
        return -EFAULT;
    return len;
}

/* XENFEAT_* bits, one 32-bit word per submap: no optional PV features. */
static const uint32_t pv_feature_submaps[XENFEAT_NR_SUBMAPS];

static long version_features(guest_ptr_t arg)
{
    xen_feature_info_t fi;

    if (copy_from_guest(&fi, arg, sizeof(fi)))
        return -EFAULT;
    fi.submap = pv_feature_submaps[fi.submap_idx];
    return copy_to_guest(arg, &fi, sizeof(fi)) ? -EFAULT : 0;
}

/* Where the *2 sub-ops assemble their answer, one call at a time. */
static char varbuf_scratch[1024];
static spinlock_t varbuf_lock = SPIN_LOCK_UNLOCKED;

/* XENVER_*2: @s, untruncated, into a struct xen_varbuf (public/version-ext.h). */
static long version_varbuf(guest_ptr_t arg, const char *s)
{
    size_t n = strlen(s);
    xen_varbuf_t hdr;
    long rc;

    if (guest_ptr_is_null(arg))
        return (long)n; /* size query */
    if (copy_from_guest(&hdr, arg, sizeof(hdr)))
        return -EFAULT;
    if (hdr.pad[0] | hdr.pad[1] | hdr.pad[2] | hdr.pad[3])
        return -EINVAL;
    if (hdr.len < n)
        return -ENOBUFS;
    spin_lock(&varbuf_lock);
    strlcpy(varbuf_scratch, s, sizeof(varbuf_scratch));
    n = MIN(hdr.len, sizeof(varbuf_scratch));
    rc = copy_to_guest(guest_ptr_add(arg, sizeof(hdr)), varbuf_scratch, n) ? -EFAULT : (long)n;
    spin_unlock(&varbuf_lock);
    return rc;
}

static long version_compile_info(guest_ptr_t arg)
{
    xen_compile_info_t info;

    memset(&info, 0, sizeof(info));
    strlcpy(info.compiler, "gcc " __VERSION__, sizeof(info.compiler));
    strlcpy(info.compile_by, HV_COMPILE_BY, sizeof(info.compile_by));
    strlcpy(info.compile_domain, HV_COMPILE_DOMAIN, sizeof(info.compile_domain));
    strlcpy(info.compile_date, HV_COMPILE_DATE, sizeof(info.compile_date));
    return copy_to_guest(arg, &info, sizeof(info)) ? -EFAULT : 0;
}

long do_xen_version(unsigned int cmd, guest_ptr_t arg)
{
    const struct domain *d = current->domain;

    switch (cmd) {
    case XENVER_version:
        return (long)((xen_major_version() << 16) | xen_minor_version());
    case XENVER_extraversion:
        return copy_string_out(arg, xen_extra_version(), sizeof(xen_extraversion_t));
    case XENVER_compile_info:
        return version_compile_info(arg);
    case XENVER_capabilities:
        return copy_string_out(arg, GUEST_START_INFO_MAGIC, sizeof(xen_capabilities_info_t));
    case XENVER_changeset:
        return copy_string_out(arg, HV_CHANGESET, sizeof(xen_changeset_info_t));
    case XENVER_platform_parameters: {
        xen_platform_parameters_t p = { .virt_start = PV_HYPERVISOR_VIRT_START };

        return copy_to_guest(arg, &p, sizeof(p)) ? -EFAULT : 0;
    }
    case XENVER_get_features:
        return version_features(arg);
    case XENVER_pagesize:
        return PAGE_SIZE;
    case XENVER_guest_handle:
        return copy_to_guest(arg, d->handle, sizeof(d->handle)) ? -EFAULT : 0;
    case XENVER_commandline:
        if (!d->is_privileged)
            return -EPERM;
        return copy_string_out(arg, boot_cmdline(), sizeof(xen_commandline_t));
    case XENVER_build_id:
        if (!d->is_privileged)
            return -EPERM;
        return version_build_id(arg);
    case XENVER_extraversion2:
        return version_varbuf(arg, xen_extra_version());
    case XENVER_capabilities2:
        return version_varbuf(arg, GUEST_START_INFO_MAGIC);
    case XENVER_changeset2:
        return version_varbuf(arg, HV_CHANGESET);
    case XENVER_commandline2:
        if (!d->is_privileged)
            return -EPERM;
        return version_varbuf(arg, boot_cmdline());
    default:
        return -ENOSYS;
    }
}
