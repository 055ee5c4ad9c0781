/* SPDX-License-Identifier: MIT */
/*
 * Guest kernel image checks.  Every offset and size read from the image is
 * bounded by the image and by guest RAM before anything is copied.
 */
#include <hv/domain_build.h>
#include <hv/elf.h>
#include <hv/errno.h>
#include <hv/lib.h>

/* Is [off, off+len) inside a buffer of @size bytes? */
static bool in_bounds(uint64_t off, uint64_t len, uint64_t size)
{
    return off <= size && len <= size - off;
}

static int read_segments(const unsigned char *p, size_t size, bool is64, uint64_t phoff,
                         unsigned int phnum, struct guest_image *out)
{
    size_t entsize = is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);

    if (!in_bounds(phoff, (uint64_t)phnum * entsize, size))
        return -EINVAL;
    for (unsigned int i = 0; i < phnum; i++) {
        struct guest_segment s;
        uint32_t type;

        if (is64) {
            Elf64_Phdr ph;

            memcpy(&ph, p + phoff + i * entsize, sizeof(ph));
            type = ph.p_type;
            s = (struct guest_segment){ ph.p_vaddr, ph.p_filesz, ph.p_memsz, ph.p_offset };
        } else {
            Elf32_Phdr ph;

            memcpy(&ph, p + phoff + i * entsize, sizeof(ph));
            type = ph.p_type;
            s = (struct guest_segment){ ph.p_vaddr, ph.p_filesz, ph.p_memsz, ph.p_offset };
        }
        if (type != PT_LOAD || s.memsz == 0)
            continue;
        if (out->nr_segments == GUEST_MAX_SEGMENTS)
            return -E2BIG;
        if (s.filesz > s.memsz || !in_bounds(s.offset, s.filesz, size))
            return -EINVAL;
        out->seg[out->nr_segments++] = s;
    }
    return out->nr_segments ? 0 : -ENOEXEC;
}

static int check_placement(struct guest_image *img, uint64_t ram_base, uint64_t ram_size)
{
    bool entry_ok = false;

    img->lowest = UINT64_MAX;
    img->highest = 0;
    for (unsigned int i = 0; i < img->nr_segments; i++) {
        const struct guest_segment *s = &img->seg[i];

        if (s->vaddr < ram_base || !in_bounds(s->vaddr - ram_base, s->memsz, ram_size))
            return -EINVAL;
        img->lowest = MIN(img->lowest, s->vaddr);
        img->highest = MAX(img->highest, s->vaddr + s->memsz);
        if (img->entry >= s->vaddr && img->entry - s->vaddr < s->memsz)
            entry_ok = true;
    }
    return entry_ok ? 0 : -EINVAL;
}

int guest_image_parse(const void *image, size_t size, uint64_t ram_base, uint64_t ram_size,
                      struct guest_image *out)
{
    const unsigned char *p = image;
    uint64_t phoff;
    unsigned int phnum, phentsize;
    bool is64;
    int rc;

    memset(out, 0, sizeof(*out));
    if (size < sizeof(Elf32_Ehdr) || memcmp(p, "\177ELF", 4))
        return -ENOEXEC;
    if (p[EI_DATA] != ELFDATA2LSB || p[EI_VERSION] != EV_CURRENT)
        return -ENOEXEC;
    if (p[EI_CLASS] == ELFCLASS64) {
        Elf64_Ehdr eh;

        if (size < sizeof(eh))
            return -EINVAL;
        memcpy(&eh, p, sizeof(eh));
        is64 = true;
        out->machine = eh.e_machine;
        out->entry = eh.e_entry;
        phoff = eh.e_phoff;
        phnum = eh.e_phnum;
        phentsize = eh.e_phentsize;
        if (eh.e_type != ET_EXEC)
            return -ENOEXEC;
    } else if (p[EI_CLASS] == ELFCLASS32) {
        Elf32_Ehdr eh;

        memcpy(&eh, p, sizeof(eh));
        is64 = false;
        out->machine = eh.e_machine;
        out->entry = eh.e_entry;
        phoff = eh.e_phoff;
        phnum = eh.e_phnum;
        phentsize = eh.e_phentsize;
        if (eh.e_type != ET_EXEC)
            return -ENOEXEC;
    } else {
        return -ENOEXEC;
    }
    out->elf_class = p[EI_CLASS];
    if (phentsize != (is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr)))
        return -EINVAL;
    rc = read_segments(p, size, is64, phoff, phnum, out);
    if (rc)
        return rc;
    return check_placement(out, ram_base, ram_size);
}
