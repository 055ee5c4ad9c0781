/* SPDX-License-Identifier: MIT */
/*
 * A domain can reach only its own RAM.  Reads, writes and jumps to the
 * hypervisor (text, direct map, vmap), to addresses just outside its RAM,
 * far away in the address space (where other guests' memory would have to
 * be mapped) and to non-canonical addresses must all fault; and the
 * hypervisor must refuse to read or write hypervisor memory on the guest's
 * behalf.  No I/O port is reachable either.  Runs unprivileged, created at run time by dom0.
 */
#include <xtf.h>
#include <arch/io.h>
#include <arch/setup.h>

const char test_title[] = "Guest memory isolation";

static void expect_fault(const char *what, unsigned long addr, exinfo_t ex, unsigned int vec)
{
    char text[48];

    if (!(ex & EXINFO_EXPECTED) || EXINFO_VEC(ex) != vec)
        xtf_failure("%s %#lx: got %s, expected vector %u", what, addr,
                    exinfo_str(ex, text, sizeof(text)), vec);
}

static void probe_outside(unsigned long addr, unsigned int vec)
{
    expect_fault("read", addr, probe_read(addr), vec);
    expect_fault("write", addr, probe_write(addr), vec);
}

void test_main(void)
{
    const unsigned long hv_data[] = HYPERVISOR_DATA_ADDRS;
    const unsigned long end = guest_ram_end();
    const unsigned long far[] = { 0,          GUEST_RAM_START - PAGE_SIZE,
                                  end,        end + PAGE_SIZE,
                                  64UL << 20, 1UL << 30,
                                  1UL << 40,  0x00007fffffffe000UL };
    const unsigned long ports[] = { 0x3f8, 0x2f8, 0x40, 0xcf9, 0x80 }; /* none given to us */
    long rc;

    if (probe_read(end - 1) || probe_write(end - 1) || probe_read(GUEST_RAM_START))
        xtf_error("cannot access our own RAM: the probes are broken");

    probe_outside(HYPERVISOR_TEXT_ADDR, VEC_PF);
    for (unsigned int i = 0; i < ARRAY_SIZE(hv_data); i++)
        probe_outside(hv_data[i], VEC_PF);
    for (unsigned int i = 0; i < ARRAY_SIZE(far); i++)
        probe_outside(far[i], VEC_PF);
    probe_outside(NONCANONICAL_ADDR, VEC_GP);
    expect_fault("execute", HYPERVISOR_TEXT_ADDR, probe_exec(HYPERVISOR_TEXT_ADDR), VEC_PF);

    for (unsigned int i = 0; i < ARRAY_SIZE(ports); i++) {
        uint8_t v;

        expect_fault("inb from port", ports[i], probe_inb((uint16_t)ports[i], &v), VEC_GP);
        expect_fault("outb to port", ports[i], probe_outb((uint16_t)ports[i], 0), VEC_GP);
    }

    rc = hypercall_console_write((const char *)HYPERVISOR_TEXT_ADDR, 16);
    if (rc != -XEN_EFAULT)
        xtf_failure("console write from hypervisor memory: %ld, expected -EFAULT", rc);
    rc = hypercall_xen_version(XENVER_extraversion, (void *)hv_data[0]);
    if (rc != -XEN_EFAULT)
        xtf_failure("xen_version into hypervisor memory: %ld, expected -EFAULT", rc);
    if (!xtf_status_reported())
        xtf_success("nothing outside our own RAM was reachable");
}
