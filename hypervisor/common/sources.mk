# SPDX-License-Identifier: MIT
# The arch-neutral sources, shared by hypervisor/Makefile and the host unit
# tests (tests/unit/Makefile), relative to hypervisor/common/.

# The freestanding C library; the host build uses libc's instead.
COMMON_LIB_SRCS := lib/string.c lib/vsnprintf.c

COMMON_SRCS := setup.c console.c cmdline.c panic.c shutdown.c page_alloc.c xmalloc.c \
               vmap.c softirq.c timer.c sched.c domain.c domain_build.c hypercall.c \
               console_io.c version.c sched_op.c domctl.c sysctl.c symtab.c symbols.c \
               build_id.c bug.c cpu_call.c vcpu_timer.c passthrough.c multicall.c platform_op.c wallclock.c lib/parse.c \
               crypto/sha256.c crypto/rsa.c

# Live patching: the loader core (portable) and the state machine.  The
# public keys signatures are checked against are generated (keys.mk).
LIVEPATCH_SRCS := $(addprefix livepatch/,sig_note.c signature.c elf.c layout.c resolve.c \
                    relocate.c sections.c symbols.c load.c core.c apply.c rendezvous.c op.c \
                    port.c log.c)
