/* SPDX-License-Identifier: MIT */
/*
 * Minimal ACPI table reading: find the RSDP in the BIOS areas, walk the
 * RSDT/XSDT, take enabled local APICs, the I/O APIC and the ISA interrupt
 * overrides from the MADT and the PM1a control port from the FADT.  Every table is mapped read-only for the look and its
 * checksum verified.
 */
#include <hv/console.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <arch/acpi.h>

struct acpi_header {
    char signature[4];
    uint32_t length;
    uint8_t revision, checksum;
    char oem_id[6], oem_table_id[8];
    uint32_t oem_revision, creator_id, creator_revision;
} __attribute__((packed));

struct rsdp {
    char signature[8];
    uint8_t checksum;
    char oem_id[6];
    uint8_t revision;
    uint32_t rsdt;
    uint32_t length;
    uint64_t xsdt;
} __attribute__((packed));

#define MADT_LAPIC 0
#define MADT_IOAPIC 1
#define MADT_ISO 2 /* interrupt source override */
#define MADT_X2APIC 9
#define MPS_POLARITY_LOW 3 /* MPS INTI flags: bits 0-1 polarity, 2-3 trigger */
#define MPS_TRIGGER_LEVEL 3
#define FADT_PM1A_CNT_OFFSET 64
#define MAX_TABLE_SIZE (1u << 20)

static bool checksum_ok(const void *p, size_t len)
{
    uint8_t sum = 0;

    for (size_t i = 0; i < len; i++)
        sum = (uint8_t)(sum + ((const uint8_t *)p)[i]);
    return sum == 0;
}

static paddr_t scan_for_rsdp(paddr_t start, size_t len, bool *xsdt, paddr_t *root)
{
    const uint8_t *area = vmap_phys(start, len, MAP_RO);
    paddr_t found = 0;

    if (!area)
        return 0;
    for (size_t off = 0; off + sizeof(struct rsdp) <= len && !found; off += 16) {
        const struct rsdp *r = (const void *)(area + off);

        if (memcmp(r->signature, "RSD PTR ", 8) || !checksum_ok(r, 20))
            continue;
        found = start + off;
        *xsdt = r->revision >= 2 && r->xsdt;
        *root = *xsdt ? r->xsdt : r->rsdt;
    }
    vunmap_phys((const void *)area, len);
    return found;
}

/* Maps a whole table after checking its header; NULL if unusable. */
static const struct acpi_header *map_table(paddr_t pa)
{
    const struct acpi_header *h = vmap_phys(pa, sizeof(*h), MAP_RO);
    uint32_t len;

    if (!h)
        return NULL;
    len = h->length;
    vunmap_phys((const void *)h, sizeof(*h));
    if (len < sizeof(*h) || len > MAX_TABLE_SIZE)
        return NULL;
    h = vmap_phys(pa, len, MAP_RO);
    if (h && !checksum_ok(h, len)) {
        vunmap_phys((const void *)h, len);
        return NULL;
    }
    return h;
}

static void read_madt_ioapic(const uint8_t *p, struct acpi_facts *out)
{
    uint32_t addr, gsi_base;

    memcpy(&addr, p + 4, 4);
    memcpy(&gsi_base, p + 8, 4);
    if (!out->ioapic_base) {
        out->ioapic_base = addr;
        out->ioapic_gsi_base = gsi_base;
    }
}

static void read_madt_override(const uint8_t *p, struct acpi_facts *out)
{
    uint32_t gsi;
    uint16_t flags;

    memcpy(&gsi, p + 4, 4);
    memcpy(&flags, p + 8, 2);
    if (p[2] != 0 || p[3] >= NR_ISA_IRQS) /* bus 0 is ISA */
        return;
    out->isa[p[3]] = (struct isa_irq_route){
        .gsi = gsi,
        .active_low = (flags & 3) == MPS_POLARITY_LOW,
        .level = ((flags >> 2) & 3) == MPS_TRIGGER_LEVEL,
    };
}

static void read_madt(const struct acpi_header *h, struct acpi_facts *out)
{
    const uint8_t *p = (const uint8_t *)h + sizeof(*h) + 8, *end = (const uint8_t *)h + h->length;

    while (p + 2 <= end && p[1] >= 2 && p + p[1] <= end) {
        uint32_t id = ~0u, flags = 0;

        if (p[0] == MADT_IOAPIC && p[1] >= 12)
            read_madt_ioapic(p, out);
        else if (p[0] == MADT_ISO && p[1] >= 10)
            read_madt_override(p, out);
        else if (p[0] == MADT_LAPIC && p[1] >= 8) {
            id = p[3];
            memcpy(&flags, p + 4, 4);
        } else if (p[0] == MADT_X2APIC && p[1] >= 16) {
            memcpy(&id, p + 4, 4);
            memcpy(&flags, p + 8, 4);
        }
        if (id != ~0u && (flags & 1)) {
            if (out->nr_cpus < NR_CPUS)
                out->apic_ids[out->nr_cpus++] = id;
            else
                printk(XENLOG_WARNING "ignoring CPU with APIC ID %u (NR_CPUS=%d)\n", id, NR_CPUS);
        }
        p += p[1];
    }
}

static void read_table(paddr_t pa, struct acpi_facts *out)
{
    const struct acpi_header *h = map_table(pa);

    if (!h)
        return;
    if (!memcmp(h->signature, "APIC", 4))
        read_madt(h, out);
    else if (!memcmp(h->signature, "FACP", 4) && h->length >= FADT_PM1A_CNT_OFFSET + 4) {
        uint32_t port;

        memcpy(&port, (const uint8_t *)h + FADT_PM1A_CNT_OFFSET, 4);
        out->pm1a_cnt = (uint16_t)port;
    }
    vunmap_phys((const void *)h, h->length);
}

static struct acpi_facts facts;

const struct acpi_facts *acpi_facts(void)
{
    return &facts;
}

static bool read_facts(struct acpi_facts *out)
{
    const uint16_t *ebda_seg = __va(0x40e);
    const struct acpi_header *root;
    paddr_t root_pa = 0;
    bool xsdt = false;
    size_t entry, count;

    memset(out, 0, sizeof(*out));
    for (unsigned int irq = 0; irq < NR_ISA_IRQS; irq++)
        out->isa[irq].gsi = irq;
    if (!scan_for_rsdp((paddr_t)*ebda_seg << 4, 1024, &xsdt, &root_pa) &&
        !scan_for_rsdp(0xe0000, 0x20000, &xsdt, &root_pa))
        return false;
    root = map_table(root_pa);
    if (!root)
        return false;
    entry = xsdt ? 8 : 4;
    count = (root->length - sizeof(*root)) / entry;
    for (size_t i = 0; i < count; i++) {
        uint64_t pa = 0;

        memcpy(&pa, (const uint8_t *)root + sizeof(*root) + i * entry, entry);
        read_table(pa, out);
    }
    vunmap_phys((const void *)root, root->length);
    return out->nr_cpus > 0;
}

bool acpi_init(void)
{
    bool ok = read_facts(&facts);

    if (!ok)
        memset(&facts, 0, sizeof(facts));
    return ok;
}
