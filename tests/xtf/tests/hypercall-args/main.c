/* SPDX-License-Identifier: MIT */
/*
 * Every hypercall given bad pointers, lengths, numbers and versions must
 * fail cleanly with Xen's error values (-EFAULT, -EINVAL, -ENOSYS, ...)
 * and leave the hypervisor running: the test reporting at all proves the
 * latter.  Runs as dom0 so the privileged hypercalls get past the
 * privilege check.
 */
#include <xtf.h>
#include <arch/setup.h>

const char test_title[] = "Hypercall argument validation";

static char buf[256];

/* Addresses that are never valid guest buffers. */
static unsigned long bad_addrs[4];

static void init_bad_addrs(void)
{
    bad_addrs[0] = 0;                    /* below guest RAM */
    bad_addrs[1] = HYPERVISOR_TEXT_ADDR; /* the hypervisor itself */
    bad_addrs[2] = guest_ram_end();      /* just past our RAM */
    bad_addrs[3] = NONCANONICAL_ADDR;
}

static void test_console_io(void)
{
    unsigned long end = guest_ram_end();

    for (unsigned int i = 0; i < ARRAY_SIZE(bad_addrs); i++)
        XTF_EXPECT(hypercall_console_io(CONSOLEIO_write, 16, bad_addrs[i]), -XEN_EFAULT);
    /* A buffer running off the end of RAM: the valid part prints, then -EFAULT. */
    memset((char *)end - 8, 'x', 7);
    ((char *)end)[-1] = '\n';
    XTF_EXPECT(hypercall_console_io(CONSOLEIO_write, 1u << 20, end - 8), -XEN_EFAULT);
    XTF_EXPECT(hypercall_console_io(CONSOLEIO_write, 0, (unsigned long)buf), 0);
    XTF_EXPECT(hypercall_console_io(99, 1, (unsigned long)buf), -XEN_ENOSYS);
}

static void test_xen_version(void)
{
    xen_build_id_t *id = (xen_build_id_t *)buf;

    for (unsigned int i = 0; i < ARRAY_SIZE(bad_addrs); i++) {
        XTF_EXPECT(hypercall_xen_version(XENVER_extraversion, (void *)bad_addrs[i]), -XEN_EFAULT);
        XTF_EXPECT(hypercall_xen_version(XENVER_compile_info, (void *)bad_addrs[i]), -XEN_EFAULT);
        XTF_EXPECT(hypercall_xen_version(XENVER_commandline, (void *)bad_addrs[i]), -XEN_EFAULT);
        XTF_EXPECT(hypercall_xen_version(XENVER_get_features, (void *)bad_addrs[i]), -XEN_EFAULT);
        if (bad_addrs[i]) /* NULL asks for the size: Xen's ABI */
            XTF_EXPECT(hypercall_xen_version(XENVER_build_id, (void *)bad_addrs[i]), -XEN_EFAULT);
    }
    XTF_EXPECT(hypercall_xen_version(XENVER_build_id, NULL), 20);
    id->len = 0;
    XTF_EXPECT(hypercall_xen_version(XENVER_build_id, id), -XEN_EINVAL);
    id->len = 1;
    XTF_EXPECT(hypercall_xen_version(XENVER_build_id, id), -XEN_ENOBUFS);
    XTF_EXPECT(hypercall_xen_version(99, buf), -XEN_ENOSYS);
}

static void test_sched_op(void)
{
    struct sched_shutdown sd = { .reason = SHUTDOWN_MAX + 1 };
    struct sched_remote_shutdown rs = { .domain_id = 1234, .reason = SHUTDOWN_poweroff };

    for (unsigned int i = 0; i < ARRAY_SIZE(bad_addrs); i++) {
        XTF_EXPECT(hypercall_sched_op(SCHEDOP_shutdown, (void *)bad_addrs[i]), -XEN_EFAULT);
        XTF_EXPECT(hypercall_sched_op(SCHEDOP_remote_shutdown, (void *)bad_addrs[i]), -XEN_EFAULT);
    }
    XTF_EXPECT(hypercall_sched_op(SCHEDOP_shutdown, &sd), -XEN_EINVAL);
    XTF_EXPECT(hypercall_sched_op(SCHEDOP_remote_shutdown, &rs), -XEN_ESRCH);
    rs.domain_id = 0;
    XTF_EXPECT(hypercall_sched_op(SCHEDOP_remote_shutdown, &rs), -XEN_EINVAL);
    XTF_EXPECT(hypercall_sched_op(99, NULL), -XEN_ENOSYS);
}

static void test_sysctl(void)
{
    struct xen_sysctl op = { .cmd = XEN_SYSCTL_physinfo };

    for (unsigned int i = 0; i < ARRAY_SIZE(bad_addrs); i++)
        XTF_EXPECT(hypercall_raw(__HYPERVISOR_sysctl, bad_addrs[i], 0, 0, 0, 0), -XEN_EFAULT);
    op.interface_version = XEN_SYSCTL_INTERFACE_VERSION - 1;
    XTF_EXPECT(hypercall_raw(__HYPERVISOR_sysctl, (unsigned long)&op, 0, 0, 0, 0), -XEN_EACCES);
    op.cmd = 9999;
    XTF_EXPECT(hypercall_sysctl(&op), -XEN_ENOSYS);
}

static void test_domctl_basic(void)
{
    struct xen_domctl op = { .cmd = XEN_DOMCTL_getdomaininfo };

    for (unsigned int i = 0; i < ARRAY_SIZE(bad_addrs); i++)
        XTF_EXPECT(hypercall_raw(__HYPERVISOR_domctl, bad_addrs[i], 0, 0, 0, 0), -XEN_EFAULT);
    op.interface_version = XEN_DOMCTL_INTERFACE_VERSION + 1;
    XTF_EXPECT(hypercall_raw(__HYPERVISOR_domctl, (unsigned long)&op, 0, 0, 0, 0), -XEN_EACCES);
    op.cmd = 9999;
    XTF_EXPECT(hypercall_domctl(&op), -XEN_ENOSYS);
    op = (struct xen_domctl){ .cmd = XEN_DOMCTL_getdomaininfo, .domain = 0x7000 };
    XTF_EXPECT(hypercall_domctl(&op), -XEN_ESRCH);
    XTF_EXPECT(domctl_simple(XEN_DOMCTL_pausedomain, 1234), -XEN_ESRCH);
    XTF_EXPECT(domctl_simple(XEN_DOMCTL_destroydomain, 1234), -XEN_ESRCH);
    XTF_EXPECT(domctl_simple(XEN_DOMCTL_pausedomain, 0), -XEN_EINVAL);   /* ourselves */
    XTF_EXPECT(domctl_simple(XEN_DOMCTL_destroydomain, 0), -XEN_EINVAL); /* ourselves */
}

static void test_createdomain(void)
{
    struct xen_domctl op = { .cmd = XEN_DOMCTL_createdomain };

    op.u.createdomain.max_vcpus = 0;
    XTF_EXPECT(hypercall_domctl(&op), -XEN_EINVAL);
    op.u.createdomain.max_vcpus = 64;
    XTF_EXPECT(hypercall_domctl(&op), -XEN_EINVAL);
    op.u.createdomain.max_vcpus = 1;
    op.u.createdomain.flags = XEN_DOMCTL_CDF_hvm;
    XTF_EXPECT(hypercall_domctl(&op), -XEN_EOPNOTSUPP);
    op.u.createdomain.flags = 0;
    op.domain = DOMID_FIRST_RESERVED;
    XTF_EXPECT(hypercall_domctl(&op), -XEN_EINVAL);
}

static long load_raw(domid_t d, unsigned long image, uint64_t size, uint64_t mem_kb,
                     unsigned long cmdline, uint32_t cmdline_size, uint32_t pad)
{
    struct xen_domctl op = { .cmd = XEN_DOMCTL_load_image, .domain = d };
    struct xen_domctl_load_image *li = (struct xen_domctl_load_image *)&op.u;

    set_xen_guest_handle(li->image, (uint8_t *)image);
    li->image_size = size;
    li->mem_kb = mem_kb;
    set_xen_guest_handle(li->cmdline, (char *)cmdline);
    li->cmdline_size = cmdline_size;
    li->pad = pad;
    return hypercall_domctl(&op);
}

static void test_load_image(void)
{
    unsigned long img = (unsigned long)buf, cmd = (unsigned long)"x";
    char unterminated[4] = { 'a', 'b', 'c', 'd' };
    domid_t d;

    memset(buf, 0xcc, sizeof(buf)); /* not an ELF image */
    if (domctl_create(&d)) {
        xtf_error("cannot create a domain to load into");
        return;
    }
    for (unsigned int i = 0; i < ARRAY_SIZE(bad_addrs); i++)
        XTF_EXPECT(load_raw(d, bad_addrs[i], 64, 1024, 0, 0, 0), -XEN_EFAULT);
    XTF_EXPECT(load_raw(d, img, 0, 1024, 0, 0, 0), -XEN_EINVAL);
    XTF_EXPECT(load_raw(d, img, XEN_DOMCTL_LOAD_IMAGE_MAX + 1, 1024, 0, 0, 0), -XEN_EINVAL);
    XTF_EXPECT(load_raw(d, img, sizeof(buf), 0, 0, 0, 0), -XEN_EINVAL);
    XTF_EXPECT(load_raw(d, img, sizeof(buf), 1ULL << 40, 0, 0, 0), -XEN_EINVAL);
    XTF_EXPECT(load_raw(d, img, sizeof(buf), 1024, 0, 0, 1), -XEN_EINVAL);
    XTF_EXPECT(load_raw(d, img, sizeof(buf), 1024, cmd, 4096, 0), -XEN_EINVAL);
    XTF_EXPECT(load_raw(d, img, sizeof(buf), 1024, (unsigned long)unterminated, 4, 0), -XEN_EINVAL);
    XTF_EXPECT(load_raw(d, img, sizeof(buf), 1024, HYPERVISOR_TEXT_ADDR, 2, 0), -XEN_EFAULT);
    XTF_EXPECT(load_raw(d, img, sizeof(buf), 1024, cmd, 2, 0), -XEN_ENOEXEC);
    XTF_EXPECT(domctl_simple(XEN_DOMCTL_destroydomain, d), 0);
}

static void test_trap_table(void)
{
    struct trap_info bad_vector[2] = { { .vector = 200, .address = GUEST_RAM_START } };
    struct trap_info bad_target[2] = { { .vector = 3, .address = HYPERVISOR_TEXT_ADDR } };

    XTF_EXPECT(hypercall_raw(__HYPERVISOR_set_trap_table, HYPERVISOR_TEXT_ADDR, 0, 0, 0, 0),
               -XEN_EFAULT);
    XTF_EXPECT(hypercall_raw(__HYPERVISOR_set_trap_table, (unsigned long)bad_vector, 0, 0, 0, 0),
               -XEN_EINVAL);
    XTF_EXPECT(hypercall_raw(__HYPERVISOR_set_trap_table, (unsigned long)bad_target, 0, 0, 0, 0),
               -XEN_EINVAL);
}

static void test_numbers(void)
{
    XTF_EXPECT(hypercall_raw(50, 0, 0, 0, 0, 0), -XEN_ENOSYS);
    XTF_EXPECT(hypercall_raw(~0UL, 0, 0, 0, 0, 0), -XEN_ENOSYS);
    XTF_EXPECT(hypercall_raw(1UL << 40, 0, 0, 0, 0, 0), -XEN_ENOSYS);
}

void test_main(void)
{
    init_bad_addrs();
    test_console_io();
    test_xen_version();
    test_sched_op();
    test_sysctl();
    test_domctl_basic();
    test_createdomain();
    test_load_image();
    test_trap_table();
    test_numbers();
    if (!xtf_status_reported())
        xtf_success("every bad argument was refused and the host survived");
}
