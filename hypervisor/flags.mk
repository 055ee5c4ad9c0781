# SPDX-License-Identifier: MIT
#
# How code that runs inside the hypervisor is compiled: the hypervisor
# itself, and live-patch payloads, which must be built exactly like the
# code they replace.  Needs ARCH, HV_SRC (this directory), ROOT (the
# repository) and HV_INCLUDE_O (a directory holding the "public" symlink to
# Xen's headers); defines HV_CC, HV_LD, HV_OBJCOPY, HV_CFLAGS, HV_ASFLAGS and
# HV_LDFLAGS.

include $(HV_SRC)/arch/$(ARCH)/arch.mk

HV_CC := $(CROSS_COMPILE)gcc
HV_LD := $(CROSS_COMPILE)ld
HV_OBJCOPY := $(CROSS_COMPILE)objcopy

HV_WARNINGS := -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
               -Wvla -Wcast-qual -Wpointer-arith -Wundef -Wno-unused-parameter
HV_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdinc \
             -isystem $(shell $(HV_CC) -print-file-name=include) \
             -fno-pie -fno-pic -fno-stack-protector -fno-common -fno-strict-aliasing \
             -fno-asynchronous-unwind-tables -fno-omit-frame-pointer \
             -ffunction-sections -fdata-sections -ffile-prefix-map=$(ROOT)=. \
             $(HV_WARNINGS) $(ARCH_CFLAGS) -D__XEN_TOOLS__ \
             -I$(HV_SRC)/include -I$(HV_SRC)/arch/$(ARCH)/include -I$(HV_INCLUDE_O)
HV_ASFLAGS := -D__ASSEMBLY__ $(filter-out -std=gnu11,$(HV_CFLAGS))
HV_LDFLAGS := $(ARCH_LDFLAGS) -nostdlib -z noexecstack -z max-page-size=4096 --build-id=sha1
