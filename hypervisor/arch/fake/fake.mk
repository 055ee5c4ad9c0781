# SPDX-License-Identifier: MIT
#
# What every host program built on the fake arch shares (tests/unit and
# tests/fuzz include this after setting HV to the hypervisor directory and
# ROOT to the repository):
#   FAKE_WARNINGS, FAKE_SANITIZE  the flags they compile with
#   FAKE_HV_SRCS   hypervisor/common/ sources they link (no lib/: libc's
#                  memcpy, snprintf... stand in), relative to common/
#   FAKE_X86_SRCS  the plain-C x86_64 live-patch code: the fake arch
#                  patches as x86_64 does
#   livepatch_keys_c  keys.mk's rule for the built-in key table, which
#                  each program generates into its build directory and
#                  links: by default the test keys, as in the hypervisor
#   FAKE_LDFLAGS   the linker-script symbols fake.c stands in for: the
#                  build-id note (fake.c's section), the image's end
#                  (__image_start is 0x1000 bytes), empty bug-frame and
#                  exception tables; and strlcpy, which glibc before 2.38
#                  lacks, from an hv_-prefixed build of lib/string.c

include $(HV)/common/sources.mk
include $(HV)/keys.mk

FAKE_WARNINGS := -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
                 -Wvla -Wpointer-arith -Wundef -Wno-unused-parameter
FAKE_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all
FAKE_HV_SRCS := $(COMMON_SRCS) $(LIVEPATCH_SRCS)
FAKE_X86_SRCS := livepatch_insn.c livepatch_reloc.c
FAKE_LDFLAGS := -Wl,--defsym=__note_gnu_build_id_start=__start_fake_build_id \
                -Wl,--defsym=__note_gnu_build_id_end=__stop_fake_build_id \
                -Wl,--defsym=strlcpy=hv_strlcpy -Wl,--defsym=_end=__image_start+0x1000 \
                -Wl,--defsym=__bug_frames_end=__bug_frames_start \
                -Wl,--defsym=__ex_table_end=__ex_table_start
