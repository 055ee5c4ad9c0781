/* SPDX-License-Identifier: MIT */
/*
 * Hypervisor page tables.
 *
 * The idle page table maps only the upper (hypervisor) half: the image with
 * W^X permissions (text RX, rodata RO, data and bss RW, all but text NX),
 * the direct map of RAM (RW, NX; the image's own frames are left out so
 * text has no writable alias), and the vmap area.  Its upper-half PML4
 * entries are created once at boot and copied into every domain's PML4, so
 * hypervisor mappings made later are seen by all address spaces.
 */
#include <hv/bootinfo.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/percpu.h>
#include <arch/apic.h>
#include <arch/mm.h>
#include <arch/passthrough.h>
#include <arch/traps.h>
#include <arch/x86.h>

#define L2_PAGE_SIZE (1UL << 21)
#define TABLE_FLAGS_HV (PTE_P | PTE_RW)

uint64_t idle_pml4_pa;
static uint64_t *idle_pml4;

extern const char _stext[], _etext[], _srodata[], _erodata[], _sdata[], _end[];

static unsigned int pt_index(unsigned long va, int level)
{
    return (unsigned int)((va >> (PAGE_SHIFT + 9 * (level - 1))) & 511);
}

/* The table that entry @idx of @table points to, created if @table_flags. */
static uint64_t *pt_next(uint64_t *table, unsigned int idx, uint64_t table_flags)
{
    paddr_t pa;

    if (table[idx] & PTE_P) {
        BUG_ON(table[idx] & PTE_PS);
        return __va(table[idx] & PTE_ADDR);
    }
    if (!table_flags)
        return NULL;
    pa = alloc_pages(1, 1);
    if (pa == INVALID_PADDR)
        return NULL;
    memset(__va(pa), 0, PAGE_SIZE);
    table[idx] = pa | table_flags;
    return __va(pa);
}

/* The entry for @va at @level (1: 4 KiB page, 2: 2 MiB page). */
static uint64_t *pt_entry(uint64_t *pml4, unsigned long va, int level, uint64_t table_flags)
{
    uint64_t *t = pml4;

    for (int l = 4; l > level; l--) {
        t = pt_next(t, pt_index(va, l), table_flags);
        if (!t)
            return NULL;
    }
    return &t[pt_index(va, level)];
}

int pt_map_page(uint64_t *pml4, unsigned long va, uint64_t pa, uint64_t flags, uint64_t table_flags)
{
    uint64_t *e = pt_entry(pml4, va, 1, table_flags);

    if (!e)
        return -ENOMEM;
    *e = pa | flags;
    return 0;
}

static void free_table(uint64_t *t, int level)
{
    if (level > 1)
        for (unsigned int i = 0; i < 512; i++)
            if ((t[i] & PTE_P) && !(t[i] & PTE_PS))
                free_table(__va(t[i] & PTE_ADDR), level - 1);
    free_pages(__pa(t), 1);
}

void pt_free_lower_half(uint64_t *pml4)
{
    for (unsigned int i = 0; i < 256; i++) {
        if (pml4[i] & PTE_P)
            free_table(__va(pml4[i] & PTE_ADDR), 3);
        pml4[i] = 0;
    }
}

static uint64_t perm_flags(enum map_perm perm)
{
    switch (perm) {
    case MAP_RO:
        return PTE_P | PTE_G | PTE_NX;
    case MAP_RW:
        return PTE_P | PTE_RW | PTE_G | PTE_NX;
    case MAP_RX:
        return PTE_P | PTE_G;
    case MAP_MMIO:
        return PTE_P | PTE_RW | PTE_PCD | PTE_PWT | PTE_G | PTE_NX;
    }
    return 0;
}

int arch_map_pages(unsigned long va, paddr_t pa, unsigned long nr, enum map_perm perm)
{
    uint64_t flags = perm_flags(perm);

    while (nr) {
        bool big = IS_ALIGNED(va | pa, L2_PAGE_SIZE) && nr >= 512 && perm != MAP_MMIO;
        uint64_t *e = NULL;

        if (big) {
            e = pt_entry(idle_pml4, va, 2, TABLE_FLAGS_HV);
            if (e && (*e & PTE_P) && !(*e & PTE_PS))
                big = false; /* a 4 KiB table lives here already */
        }
        if (!big)
            e = pt_entry(idle_pml4, va, 1, TABLE_FLAGS_HV);
        if (!e)
            return -ENOMEM;
        *e = pa | flags | (big ? PTE_PS : 0);
        va += big ? L2_PAGE_SIZE : PAGE_SIZE;
        pa += big ? L2_PAGE_SIZE : PAGE_SIZE;
        nr -= big ? 512 : 1;
    }
    return 0;
}

/* --- TLB shootdown ------------------------------------------------------ */

static bool flush_pending[NR_CPUS];

void tlb_flush_ipi(void)
{
    flush_tlb_all_local();
    __atomic_store_n(&flush_pending[arch_cpu_id()], false, __ATOMIC_RELEASE);
}

/*
 * Flushes every other online CPU and waits.  CPUs take the IPI in guest
 * mode or idle; while waiting we serve requests aimed at us, so two CPUs
 * flushing at once cannot wait on each other.
 */
static void flush_tlb_others(void)
{
    unsigned int me = arch_cpu_id();

    for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
        if (cpu == me || !READ_ONCE(cpu_data[cpu].online))
            continue;
        __atomic_store_n(&flush_pending[cpu], true, __ATOMIC_RELEASE);
        lapic_send_ipi(cpu_data[cpu].arch.apic_id, VECTOR_FLUSH_TLB);
    }
    for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
        while (cpu != me && __atomic_load_n(&flush_pending[cpu], __ATOMIC_ACQUIRE)) {
            if (__atomic_load_n(&flush_pending[me], __ATOMIC_ACQUIRE))
                tlb_flush_ipi();
            cpu_relax();
        }
    }
}

void pt_clear_page(unsigned long va)
{
    uint64_t *e = pt_entry(idle_pml4, va, 1, 0);

    if (e)
        *e = 0;
}

void arch_flush_mappings(unsigned long va, unsigned long nr)
{
    for (unsigned long i = 0; i < nr; i++)
        invlpg(va + i * PAGE_SIZE);
    flush_tlb_others();
}

void arch_unmap_pages(unsigned long va, unsigned long nr)
{
    for (unsigned long i = 0; i < nr; i++)
        pt_clear_page(va + i * PAGE_SIZE);
    arch_flush_mappings(va, nr);
}

uint64_t arch_virt_to_phys(unsigned long va)
{
    uint64_t *t = idle_pml4;

    for (int level = 4; level >= 1; level--) {
        uint64_t e = t[pt_index(va, level)];
        unsigned long page_mask = (1UL << (PAGE_SHIFT + 9 * (level - 1))) - 1;

        if (!(e & PTE_P))
            return INVALID_PADDR;
        if (level == 1 || (e & PTE_PS))
            return (e & PTE_ADDR & ~(uint64_t)page_mask) | (va & page_mask);
        t = __va(e & PTE_ADDR);
    }
    return INVALID_PADDR;
}

/* --- Building the final page tables -------------------------------------- */

static void map_or_panic(unsigned long va, paddr_t pa, unsigned long nr, enum map_perm perm)
{
    if (arch_map_pages(va, pa, nr, perm))
        panic("out of memory building the hypervisor page tables");
}

static void map_image_range(const char *start, const char *end, enum map_perm perm)
{
    unsigned long s = (unsigned long)start, e = ROUNDUP((unsigned long)end, PAGE_SIZE);

    map_or_panic(s, __pa(start), (e - s) >> PAGE_SHIFT, perm);
}

/* Direct-maps RAM range [s, e) except the image's frames. */
static void map_ram(paddr_t s, paddr_t e)
{
    paddr_t img_s = __pa(_stext), img_e = __pa(_end);

    s = ROUNDUP(s, PAGE_SIZE);
    e = ROUNDDOWN(e, PAGE_SIZE);
    if (s < img_e && img_s < e) {
        map_ram(s, img_s);
        map_ram(img_e, e);
        return;
    }
    if (s < e)
        map_or_panic(DIRECTMAP_BASE + s, s, (unsigned long)((e - s) >> PAGE_SHIFT), MAP_RW);
}

void arch_mm_init(const struct boot_info *bi)
{
    idle_pml4 = alloc_xenheap_pages(1);
    if (!idle_pml4)
        panic("out of memory for the page tables");
    idle_pml4_pa = __pa(idle_pml4);
    /* Every upper-half slot in use exists before any domain copies them. */
    if (!pt_next(idle_pml4, pt_index(DIRECTMAP_BASE, 4), TABLE_FLAGS_HV) ||
        !pt_next(idle_pml4, pt_index(XEN_VIRT_BASE, 4), TABLE_FLAGS_HV))
        panic("out of memory for the page tables");

    map_image_range(_stext, _etext, MAP_RX);
    map_image_range(_srodata, _erodata, MAP_RO);
    map_image_range(_sdata, _end, MAP_RW);
    for (unsigned int i = 0; i < bi->nr_ram; i++)
        if (bi->ram[i].start < DIRECTMAP_SIZE)
            map_ram(bi->ram[i].start, MIN(bi->ram[i].end, (paddr_t)DIRECTMAP_SIZE));

    write_cr3(idle_pml4_pa);
    flush_tlb_all_local();
    page_alloc_set_limit(0);
    printk(XENLOG_INFO "Page tables: text RX, rodata RO, data RW+NX, direct map RW+NX\n");
}

/* --- Guest address spaces ------------------------------------------------ */

int arch_domain_init(struct domain *d)
{
    uint64_t *pml4 = alloc_xenheap_pages(1);

    if (!pml4)
        return -ENOMEM;
    memcpy(pml4 + 256, idle_pml4 + 256, 256 * sizeof(*pml4));
    d->arch.pml4 = __pa(pml4);
    return 0;
}

void arch_domain_destroy(struct domain *d)
{
    uint64_t *pml4 = __va(d->arch.pml4);

    ioports_release(d);
    pt_free_lower_half(pml4);
    free_xenheap_pages(pml4, 1);
    d->arch.pml4 = 0;
}

/* Only for domains that are not running: their CPUs hold no stale TLB entries. */
void arch_guest_unmap_all(struct domain *d)
{
    pt_free_lower_half(__va(d->arch.pml4));
}

int arch_guest_map_page(struct domain *d, unsigned long index, paddr_t pa)
{
    unsigned long va = GUEST_RAM_BASE + index * PAGE_SIZE;

    if (va >= GUEST_VA_END)
        return -EINVAL;
    return pt_map_page(__va(d->arch.pml4), va, pa, PTE_P | PTE_RW | PTE_US,
                       PTE_P | PTE_RW | PTE_US);
}
