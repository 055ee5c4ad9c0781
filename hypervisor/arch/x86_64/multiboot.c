/* SPDX-License-Identifier: MIT */
/*
 * Reading the multiboot (v1) information into struct boot_info.  Strings
 * are copied out so the loader's memory need not stay reserved.
 */
#include <hv/bootinfo.h>
#include <hv/console.h>
#include <hv/lib.h>
#include <arch/config.h>

#define MBI_CMDLINE (1u << 2)
#define MBI_MODS (1u << 3)
#define MBI_MMAP (1u << 6)
#define E820_RAM 1

struct mb_info {
    uint32_t flags, mem_lower, mem_upper, boot_device, cmdline, mods_count, mods_addr;
    uint32_t syms[4];
    uint32_t mmap_length, mmap_addr;
} __attribute__((packed));

struct mb_module {
    uint32_t mod_start, mod_end, string, reserved;
} __attribute__((packed));

struct mb_mmap {
    uint32_t size;
    uint64_t addr, len;
    uint32_t type;
} __attribute__((packed));

static char strings[4096];
static size_t strings_used;

/* Copies the string at machine address @pa into the static string pool. */
static const char *keep_string(uint32_t pa)
{
    const char *s = pa ? __va(pa) : "";
    size_t n = strnlen(s, sizeof(strings));
    char *dst = strings + strings_used;

    if (strings_used + n + 1 > sizeof(strings))
        panic("boot command lines too long");
    memcpy(dst, s, n);
    dst[n] = '\0';
    strings_used += n + 1;
    return dst;
}

void multiboot_parse(unsigned long mbi_pa, struct boot_info *bi);
void multiboot_parse(unsigned long mbi_pa, struct boot_info *bi)
{
    extern const char __bss_end[];
    const struct mb_info *mbi = __va(mbi_pa);

    bi->cmdline = keep_string((mbi->flags & MBI_CMDLINE) ? mbi->cmdline : 0);
    if (!(mbi->flags & MBI_MMAP))
        panic("the boot loader gave no memory map");
    for (uint32_t off = 0; off < mbi->mmap_length;) {
        const struct mb_mmap *e = __va(mbi->mmap_addr + off);

        if (e->type == E820_RAM)
            bootinfo_add_ram(bi, e->addr, e->addr + e->len);
        off += e->size + sizeof(e->size);
    }
    /* Low memory holds the BIOS data and our CPU start-up trampoline. */
    bootinfo_reserve(bi, 0, XEN_PHYS_START);
    bootinfo_reserve(bi, XEN_PHYS_START, __pa(__bss_end));
    if (mbi->flags & MBI_MODS) {
        const struct mb_module *m = __va(mbi->mods_addr);

        for (uint32_t i = 0; i < mbi->mods_count && i < MAX_BOOT_MODULES; i++) {
            struct boot_module *bm = &bi->modules[bi->nr_modules++];

            bm->start = m[i].mod_start;
            bm->size = m[i].mod_end - m[i].mod_start;
            bm->cmdline = keep_string(m[i].string);
            bootinfo_reserve(bi, m[i].mod_start, m[i].mod_end);
        }
        if (mbi->mods_count > MAX_BOOT_MODULES)
            printk(XENLOG_WARNING "ignoring %u boot modules beyond %d\n",
                   mbi->mods_count - MAX_BOOT_MODULES, MAX_BOOT_MODULES);
    }
}
