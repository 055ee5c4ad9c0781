# SPDX-License-Identifier: MIT
#
# Relocation engines and their GNU ld oracle (test_reloc_oracle.c).
#
# The AArch64 and ARM engines are plain C like the x86_64 one, built the same
# way.  Each fixture under reloc-oracle/ (<arch>.S, and payload.c for every
# arch) is compiled with its arch's compiler, with the flags payloads are
# built with, to $(RELOC_OUT)/<arch>-<name>.o, and linked by link.sh with
# that arch's GNU ld to <arch>-<name>.elf.  The test finds them through
# RELOC_ORACLE_DIR, compiled in, so the binary runs from anywhere.

RELOC_DIR := $(UNIT)/reloc-oracle
RELOC_OUT := $(O)/reloc-oracle
RELOC_ARCHES := x86_64 aarch64 arm

RELOC_ENGINES := $(O)/arm64/livepatch_reloc.o $(O)/arm32/livepatch_reloc.o
EXTRA_OBJS += $(RELOC_ENGINES)

$(RELOC_ENGINES): | $(O)/include/public

$(O)/arm64/livepatch_reloc.o: $(HV)/arch/arm64/livepatch_reloc.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(HV_CFLAGS) -c $< -o $@

$(O)/arm32/livepatch_reloc.o: $(HV)/arch/arm32/livepatch_reloc.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(HV_CFLAGS) -c $< -o $@

-include $(RELOC_ENGINES:.o=.d)

# Per arch: tool prefix, where ld puts the first section, payload flags
# (DESIGN.md 5; unwind tables on ARM for .ARM.exidx), extra ld options.
# Without --no-merge-exidx-entries ld would drop duplicate unwind entries.
reloc_cross_x86_64 :=
reloc_cross_aarch64 := aarch64-linux-gnu-
reloc_cross_arm := arm-linux-gnueabihf-
reloc_base_x86_64 := 0xffffffff81000000
reloc_base_aarch64 := 0x40000000
reloc_base_arm := 0x08000000
reloc_cflags_x86_64 := -ffunction-sections -fdata-sections -fno-pic -mcmodel=kernel -O2
reloc_cflags_aarch64 := -ffunction-sections -fno-pic -mcmodel=small -O2 -mgeneral-regs-only
reloc_cflags_arm := -marm -mno-thumb-interwork -ffunction-sections -fno-pic -O2 -funwind-tables
reloc_ldflags_arm := --no-merge-exidx-entries
RELOC_FIXTURE_CFLAGS := -ffreestanding -fno-common -Wall -Wextra -Werror

# $(call reloc_fixture,arch,name,source,compile flags)
define reloc_fixture
$(RELOC_OUT)/$(1)-$(2).o: $(3)
	@mkdir -p $$(@D)
	$$(Q)$(reloc_cross_$(1))gcc $(4) -c $$< -o $$@

$(RELOC_OUT)/$(1)-$(2).elf: $(RELOC_OUT)/$(1)-$(2).o $(3) $(RELOC_DIR)/link.sh
	$$(Q)sh $(RELOC_DIR)/link.sh "$(reloc_cross_$(1))" $(reloc_base_$(1)) $(3) $$< $$@ \
		$(reloc_ldflags_$(1))

RELOC_FIXTURES += $(RELOC_OUT)/$(1)-$(2).o $(RELOC_OUT)/$(1)-$(2).elf
endef

RELOC_FIXTURES :=
$(foreach a,$(RELOC_ARCHES), \
    $(eval $(call reloc_fixture,$(a),asm,$(RELOC_DIR)/$(a).S,)) \
    $(eval $(call reloc_fixture,$(a),payload,$(RELOC_DIR)/payload.c, \
                                $(reloc_cflags_$(a)) $(RELOC_FIXTURE_CFLAGS))))

$(O)/test_reloc_oracle.o: HOST_CFLAGS += -DRELOC_ORACLE_DIR='"$(abspath $(RELOC_OUT))"'
$(O)/unit-tests: $(RELOC_FIXTURES)
