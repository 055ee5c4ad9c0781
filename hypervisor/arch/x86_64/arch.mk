# SPDX-License-Identifier: MIT
# x86_64: built with the host's gcc.  -mcmodel=kernel keeps everything in
# the top 2 GiB; no red zone and no FPU/SIMD registers in hypervisor code;
# ENDBR64 at function entries as on a CET-IBT build of Xen.
CROSS_COMPILE ?=
PLATFORM ?= q35
ARCH_CFLAGS := -m64 -mcmodel=kernel -mno-red-zone -mgeneral-regs-only \
               -mpreferred-stack-boundary=3 -fcf-protection=branch
ARCH_LDFLAGS := -m elf_x86_64
ARCH_SRCS := head.S entry.S usercopy.S trampoline.S setup.c multiboot.c desc.c \
             traps.c mm.c apic.c i8259.c time.c acpi.c smpboot.c guest.c shared_info.c ioapic.c passthrough.c ns16550.c \
             livepatch.c livepatch_insn.c livepatch_reloc.c platform-$(PLATFORM).c
# objcopy's names for this arch, to wrap raw bytes (build-id notes) in an object.
ARCH_OBJCOPY_TARGET := -O elf64-x86-64 -B i386:x86-64
