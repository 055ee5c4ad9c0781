/* SPDX-License-Identifier: MIT */
/* Minimal ELF executables: see elf_image.h. */
#include <stddef.h>
#include <string.h>

#include "elf_image.h"

static void ident(unsigned char *e_ident, unsigned char elf_class)
{
    memcpy(e_ident, "\177ELF", 4);
    e_ident[EI_CLASS] = elf_class;
    e_ident[EI_DATA] = ELFDATA2LSB;
    e_ident[EI_VERSION] = EV_CURRENT;
}

unsigned char image_data_byte(size_t offset)
{
    return (unsigned char)(offset * 7 + 3);
}

static void fill_data(unsigned char *data)
{
    for (size_t i = 0; i < IMAGE_DATA_SIZE; i++)
        data[i] = image_data_byte(i);
}

void image64_init(struct image64 *img, uint64_t vaddr)
{
    memset(img, 0, sizeof(*img));
    ident(img->eh.e_ident, ELFCLASS64);
    img->eh.e_type = ET_EXEC;
    img->eh.e_machine = EM_X86_64;
    img->eh.e_version = EV_CURRENT;
    img->eh.e_entry = vaddr + IMAGE_ENTRY_OFF;
    img->eh.e_phoff = offsetof(struct image64, ph);
    img->eh.e_ehsize = sizeof(Elf64_Ehdr);
    img->eh.e_phentsize = sizeof(Elf64_Phdr);
    img->eh.e_phnum = 1;
    img->ph[0] = (Elf64_Phdr){ .p_type = PT_LOAD,
                               .p_offset = offsetof(struct image64, data),
                               .p_vaddr = vaddr,
                               .p_paddr = vaddr,
                               .p_filesz = IMAGE_DATA_SIZE,
                               .p_memsz = IMAGE_MEMSZ,
                               .p_align = 0x1000 };
    fill_data(img->data);
}

void image32_init(struct image32 *img, uint32_t vaddr)
{
    memset(img, 0, sizeof(*img));
    ident(img->eh.e_ident, ELFCLASS32);
    img->eh.e_type = ET_EXEC;
    img->eh.e_machine = EM_386;
    img->eh.e_version = EV_CURRENT;
    img->eh.e_entry = vaddr + IMAGE_ENTRY_OFF;
    img->eh.e_phoff = offsetof(struct image32, ph);
    img->eh.e_ehsize = sizeof(Elf32_Ehdr);
    img->eh.e_phentsize = sizeof(Elf32_Phdr);
    img->eh.e_phnum = 1;
    img->ph[0] = (Elf32_Phdr){ .p_type = PT_LOAD,
                               .p_offset = offsetof(struct image32, data),
                               .p_vaddr = vaddr,
                               .p_paddr = vaddr,
                               .p_filesz = IMAGE_DATA_SIZE,
                               .p_memsz = IMAGE_MEMSZ,
                               .p_align = 0x1000 };
    fill_data(img->data);
}
