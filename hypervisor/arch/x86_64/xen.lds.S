/* SPDX-License-Identifier: MIT */
/*
 * Layout of xen-syms.  Text, read-only data and writable data each start on
 * a page boundary so each gets its own permissions (W^X).  The symbol table
 * (generated, see hypervisor/Makefile) sits at the end of .rodata.
 */
#include <arch/config.h>

OUTPUT_FORMAT("elf64-x86-64", "elf64-x86-64", "elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(start)

#define AT_PA(sec) AT(ADDR(sec) - XEN_VIRT_BASE)

SECTIONS
{
    . = XEN_VIRT_BASE + XEN_PHYS_START;
    __image_start = .;
    _stext = .;
    .text : AT_PA(.text) {
        *(.text.head)
        *(.text .text.*)
    }
    . = ALIGN(PAGE_SIZE);
    _etext = .;

    _srodata = .;
    .note.gnu.build-id : AT_PA(.note.gnu.build-id) {
        __note_gnu_build_id_start = .;
        *(.note.gnu.build-id)
        __note_gnu_build_id_end = .;
    }
    .rodata : AT_PA(.rodata) {
        *(.rodata .rodata.*)
        . = ALIGN(8);
        __ex_table_start = .;
        *(.ex_table)
        __ex_table_end = .;
        . = ALIGN(4);
        __bug_frames_start = .;
        *(.bug_frames)
        __bug_frames_end = .;
        . = ALIGN(16);
        *(.symtab_data)
    }
    . = ALIGN(PAGE_SIZE);
    _erodata = .;

    _sdata = .;
    .data : AT_PA(.data) {
        *(.data.page_aligned)
        *(.data .data.*)
    }
    __load_end = .; /* end of the file image: the loader zeroes the rest */
    . = ALIGN(PAGE_SIZE);

    .bss : AT_PA(.bss) {
        __bss_start = .;
        *(.bss.page_aligned)
        *(.bss .bss.*)
        *(COMMON)
        . = ALIGN(PAGE_SIZE);
        __bss_end = .;
    }
    _end = .;

    /DISCARD/ : {
        *(.livepatch.hooks.*) /* a fix's hooks matter to its live patch only */
        *(.eh_frame)
        *(.note.GNU-stack)
        *(.note.gnu.property)
    }
}
