# SPDX-License-Identifier: MIT
# The x86_64 guest environment: 64-bit PV, no red zone (exceptions are
# delivered on our stack), general registers only (the FPU is disabled).
XTF_ENVS := pv64
GUEST_CROSS_COMPILE :=
GUEST_CFLAGS := -m64 -mno-red-zone -mgeneral-regs-only -fcf-protection=none
GUEST_LDFLAGS := -m elf_x86_64
GUEST_ARCH_SRCS := head.S entry.S traps.c time.c
