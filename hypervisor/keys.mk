# SPDX-License-Identifier: MIT
#
# The public keys live-patch payload signatures are checked against, built
# into the hypervisor (include/hv/livepatch_keys.h) and into the host builds
# of its common code (arch/fake/fake.mk).  Needs ROOT; takes
#   HVLP_BUILD      the build tree the test keys and the signing tool are
#                   in (default ROOT/build): a copy of the source built
#                   elsewhere points it at this repository's build/
#   LIVEPATCH_KEYS  PEM public key files, in the order they are tried
#                   (default: the test keys "make keys" creates,
#                   build/keys/test-*.pub.pem)
#   LIVEPATCH_SIGN  the signing tool, which turns them into C
#                   (default: build/host/sign/livepatch-sign)
# and defines LIVEPATCH_KEYS_DIR (build/keys, where the private test keys
# are too, for signing test payloads) and
#   $(call livepatch_keys_c,<C file>)  the rule generating the C file.
# The generated file holds no path or time, so builds in other directories
# with the same key files are byte-identical (scripts/check-repro.sh).

HVLP_BUILD ?= $(ROOT)/build
LIVEPATCH_KEYS_DIR := $(HVLP_BUILD)/keys
LIVEPATCH_KEYS ?= $(sort $(wildcard $(LIVEPATCH_KEYS_DIR)/test-*.pub.pem))
LIVEPATCH_SIGN ?= $(HVLP_BUILD)/host/sign/livepatch-sign

# Regenerated on every run, but replaced only when it changes: a changed
# key list then rebuilds what uses it, an unchanged one nothing.  (Rules
# only in the macro, so including this file leaves the default goal alone.)
define livepatch_keys_c
$(1): $$(LIVEPATCH_KEYS) livepatch-keys-force | $$(LIVEPATCH_SIGN)
	@test -n "$$(LIVEPATCH_KEYS)" || { echo "error: no live-patch keys in LIVEPATCH_KEYS" \
	    "(run 'make keys' at the top of the repository)" >&2; exit 1; }
	@mkdir -p $$(@D)
	@$$(LIVEPATCH_SIGN) pubkey-c $$(LIVEPATCH_KEYS) > $$@.tmp
	@cmp -s $$@.tmp $$@ && rm -f $$@.tmp || mv -f $$@.tmp $$@

.PHONY: livepatch-keys-force
livepatch-keys-force:
$$(LIVEPATCH_SIGN):
	@echo "error: $$@ is missing (run 'make' at the top of the repository)" >&2; exit 1
$$(LIVEPATCH_KEYS_DIR)/%.pem:
	@echo "error: $$@ is missing (run 'make keys' at the top of the repository)" >&2; exit 1
endef
