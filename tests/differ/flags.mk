# SPDX-License-Identifier: MIT
#
# How the differ corpus is compiled and linked, per arch:
#   make -s -f tests/differ/flags.mk ARCH=<arch> show
# prints shell assignments (CC, LD, OBJCOPY, CFLAGS, LDFLAGS, XEN_BASE,
# OBJCOPY_TARGET: objcopy's names for the arch, to wrap build-id notes).
#
# x86_64 uses the hypervisor's own flags (hypervisor/flags.mk and
# arch/x86_64/arch.mk).  Arm has no hypervisor build yet: kernel-like flags
# (freestanding, one section per function and object, no PIC, no unwind
# tables, general registers only, frame pointers as the hypervisor keeps).
# XEN_BASE is where the fake xen-syms of each case is linked.

FLAGS_MK := $(abspath $(lastword $(MAKEFILE_LIST)))
ROOT := $(abspath $(dir $(FLAGS_MK))/../..)
ARCH ?= x86_64

ifeq ($(ARCH),x86_64)
HV_SRC := $(ROOT)/hypervisor
HV_INCLUDE_O := $(ROOT)/build/x86_64/hypervisor/include
include $(HV_SRC)/flags.mk
CORPUS_CC := $(HV_CC)
CORPUS_LD := $(HV_LD)
CORPUS_OBJCOPY := $(HV_OBJCOPY)
CORPUS_CFLAGS := $(HV_CFLAGS)
CORPUS_LDFLAGS := $(ARCH_LDFLAGS)
CORPUS_OBJCOPY_TARGET := $(ARCH_OBJCOPY_TARGET)
XEN_BASE := 0xffffffff80200000
else
ifeq ($(ARCH),arm64)
CROSS_COMPILE := aarch64-linux-gnu-
ARM_CFLAGS := -mgeneral-regs-only
ARM_LDFLAGS := -m aarch64linux
CORPUS_OBJCOPY_TARGET := -O elf64-littleaarch64 -B aarch64
XEN_BASE := 0x40200000
else ifeq ($(ARCH),arm32)
CROSS_COMPILE := arm-linux-gnueabihf-
ARM_CFLAGS := -marm -mno-unaligned-access -mgeneral-regs-only -fno-unwind-tables
ARM_LDFLAGS := -m armelf_linux_eabi
CORPUS_OBJCOPY_TARGET := -O elf32-littlearm -B arm
XEN_BASE := 0x80200000
else
$(error ARCH must be x86_64, arm64 or arm32)
endif
CORPUS_CC := $(CROSS_COMPILE)gcc
CORPUS_LD := $(CROSS_COMPILE)ld
CORPUS_OBJCOPY := $(CROSS_COMPILE)objcopy
CORPUS_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdinc \
                 -isystem $(shell $(CORPUS_CC) -print-file-name=include) \
                 -fno-pie -fno-pic -fno-stack-protector -fno-common -fno-strict-aliasing \
                 -fno-asynchronous-unwind-tables -fno-omit-frame-pointer \
                 -ffunction-sections -fdata-sections -ffile-prefix-map=$(ROOT)=. \
                 -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
                 -Wno-unused-parameter $(ARM_CFLAGS)
CORPUS_LDFLAGS := $(ARM_LDFLAGS)
endif

.PHONY: show
show:
	@echo "CC='$(CORPUS_CC)'"
	@echo "LD='$(CORPUS_LD)'"
	@echo "OBJCOPY='$(CORPUS_OBJCOPY)'"
	@echo "CFLAGS='$(CORPUS_CFLAGS)'"
	@echo "LDFLAGS='$(CORPUS_LDFLAGS)'"
	@echo "XEN_BASE='$(XEN_BASE)'"
	@echo "OBJCOPY_TARGET='$(CORPUS_OBJCOPY_TARGET)'"
