# SPDX-License-Identifier: MIT
#
# What every host program built on the fake arch shares (tests/unit,
# tests/fuzz and livepatch-build/dryrun include this after setting HV to the
# hypervisor directory and ROOT to the repository):
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
#   fake_rules     the rules that build those objects (below)

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
XEN_PUBLIC ?= /usr/include/xen

# $(eval $(call fake_rules,<compiler>,<hypervisor flags>,<host flags>))
# The rules for the objects above, built into the program's $(O) (quiet
# with its $(Q)):
#   $(O)/common/%.o        hypervisor/common/%.c, with <hypervisor flags>
#                          (freestanding, -nostdinc)
#   $(O)/x86_64/%.o        hypervisor/arch/x86_64/%.c, the same way
#   $(O)/livepatch_keys.o  the key table (keys.mk), the same way
#   $(O)/hv-prefixed/%.o   hypervisor/common/lib/%.c, the same way with every
#                          name hv_-prefixed (tests/unit/hv_lib.h)
#   $(O)/fake.o            the fake arch, hosted code, with <host flags>
#   $(O)/include/public    a link to Xen's public headers (XEN_PUBLIC), which
#                          the program makes an order-only prerequisite of
#                          its objects
define fake_rules
$(O)/include/public:
	@mkdir -p $$(@D)
	@ln -sfn $$(XEN_PUBLIC) $$@

$(O)/common/%.o: $(HV)/common/%.c
	@mkdir -p $$(@D)
	$$(Q)$(1) $(2) -c $$< -o $$@

$(O)/x86_64/%.o: $(HV)/arch/x86_64/%.c
	@mkdir -p $$(@D)
	$$(Q)$(1) $(2) -I$(HV)/arch/x86_64/include -c $$< -o $$@

$(O)/hv-prefixed/%.o: $(HV)/common/lib/%.c $(ROOT)/tests/unit/hv_lib.h
	@mkdir -p $$(@D)
	$$(Q)$(1) $(2) -include $(ROOT)/tests/unit/hv_lib.h -DHV_LIB_BUILD -c $$< -o $$@

$(call livepatch_keys_c,$(O)/livepatch_keys.c)
$(O)/livepatch_keys.o: $(O)/livepatch_keys.c
	$$(Q)$(1) $(2) -c $$< -o $$@

$(O)/fake.o: $(FAKE)/fake.c
	@mkdir -p $$(@D)
	$$(Q)$(1) $(3) -I$(HV)/arch/x86_64/include -c $$< -o $$@
endef
