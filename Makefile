# SPDX-License-Identifier: MIT
#
# One entry point for the whole project.
#
#   make              build everything for ARCH (default x86_64) into build/
#   make keys         the test signing keys (build/keys), made once, never committed
#   make demo         an advisory fixed live on a running hypervisor, step by step
#   make check        run every test; ends with "N passed, N failed"
#   make check-unit   host unit tests (ASan/UBSan) and a bounded fuzz run of the loader
#   make fuzz         fuzz the live-patch loader for FUZZ_SECONDS (default 600)
#   make check-xtf    XTF micro-VM tests under QEMU (ARCH=...)
#   make check-livepatch  live-patching tests under QEMU (ARCH=...)
#   make check-cli    xen-livepatch: host tests, then through the relay under QEMU
#   make check-differ the differ's corpus and livepatch-build end to end
#   make check-advisories  every advisory proven: vulnerable, fixed live, reverted
#   make bench        benchmarks (figures, not pass/fail)
#   make install      DESTDIR=... PREFIX=... (default /usr/local)
#   make clean
#   make deps         check (and as root install) the Debian packages needed

ARCH ?= x86_64
BUILD := $(CURDIR)/build
PREFIX ?= /usr/local
DESTDIR ?=
J ?= $(shell nproc 2>/dev/null || echo 2)

HV_OUT := $(BUILD)/$(ARCH)/hypervisor
HV_TEST_OUT := $(BUILD)/$(ARCH)/hypervisor-test
XTF_OUT := $(BUILD)/$(ARCH)/xtf
HOST_OUT := $(BUILD)/host
SIGN_OUT := $(HOST_OUT)/sign
KEYS_DIR := $(BUILD)/keys
# The payload signing keys made at build time: the three the hypervisor
# trusts by default (hypervisor/keys.mk takes every test-*), and one it
# does not, for the refusal tests.
TEST_KEYS := test-2048 test-3072 test-4096 untrusted-2048

.PHONY: all deps signer keys hypervisor hypervisor-test xtf unit fuzz-build fuzz livepatch-payloads \
        cli differ dryrun demo install clean bench check-cli check-differ check-advisories \
        check check-unit check-xtf check-repro check-format check-runner check-hv \
        check-livepatch

all: hypervisor hypervisor-test xtf unit fuzz-build livepatch-payloads cli differ dryrun

deps:
	@scripts/deps.sh

# livepatch-sign, which makes the keys, turns the public ones into the
# hypervisor's built-in table and signs payloads.
signer:
	@$(MAKE) --no-print-directory -C livepatch-build/sign O=$(SIGN_OUT)

# Made once: rebuilding the signer must not replace the keys (order-only).
keys: $(TEST_KEYS:%=$(KEYS_DIR)/%.pem)
$(KEYS_DIR)/%.pem: | signer
	@mkdir -p $(@D)
	@$(SIGN_OUT)/livepatch-sign genkey --bits $(lastword $(subst -, ,$*)) $@ $(KEYS_DIR)/$*.pub.pem

hypervisor: keys
	@$(MAKE) --no-print-directory -C hypervisor ARCH=$(ARCH) O=$(HV_OUT)

# The same hypervisor with test-only hooks compiled in (never installed).
hypervisor-test: keys
	@$(MAKE) --no-print-directory -C hypervisor ARCH=$(ARCH) O=$(HV_TEST_OUT) TEST_HOOKS=1

# The XTF runtime, tests and helpers, and the relay guest built on it.
xtf:
	@$(MAKE) --no-print-directory -C tests/xtf ARCH=$(ARCH) O=$(XTF_OUT) \
	    GUEST_MKS=$(CURDIR)/xen-livepatch/relay/guest.mk RELAY_O=$(BUILD)/$(ARCH)/relay

# Test payloads for the hypervisor and for its test build; each bundle also
# holds the helper guests and a payload built for the other hypervisor.
livepatch-payloads: hypervisor hypervisor-test xtf
	@$(MAKE) --no-print-directory -C tests/livepatch ARCH=$(ARCH) HV_O=$(HV_OUT) \
	    O=$(BUILD)/$(ARCH)/livepatch XTF_O=$(XTF_OUT) OTHER_HV_O=$(HV_TEST_OUT) CLI=1
	@$(MAKE) --no-print-directory -C tests/livepatch ARCH=$(ARCH) HV_O=$(HV_TEST_OUT) \
	    O=$(BUILD)/$(ARCH)/livepatch-test XTF_O=$(XTF_OUT) OTHER_HV_O=$(HV_OUT) BENCH=1

unit: keys
	@$(MAKE) --no-print-directory -C tests/unit O=$(HOST_OUT)/unit

# xen-livepatch, and its host tests and framing fuzzer (tests/cli).
cli:
	@$(MAKE) --no-print-directory -C xen-livepatch O=$(HOST_OUT)/xen-livepatch
	@$(MAKE) --no-print-directory -C tests/cli O=$(HOST_OUT)/cli

# create-diff-object, the differ (livepatch-build/differ), and the host
# dry run of the loader on a payload (livepatch-build/dryrun): with the
# signer, what livepatch-build/livepatch-build drives.
differ:
	@$(MAKE) --no-print-directory -C livepatch-build/differ O=$(HOST_OUT)/differ

dryrun: keys differ
	@$(MAKE) --no-print-directory -C livepatch-build/dryrun O=$(HOST_OUT)/dryrun \
	    DIFFER_O=$(HOST_OUT)/differ

# The loader's libFuzzer target and its seed corpus (tests/fuzz).
fuzz-build: keys
	@$(MAKE) --no-print-directory -C tests/fuzz O=$(HOST_OUT)/fuzz

FUZZ_SECONDS ?= 600
fuzz: deps keys
	@$(MAKE) --no-print-directory -C tests/fuzz O=$(HOST_OUT)/fuzz fuzz FUZZ_SECONDS=$(FUZZ_SECONDS)

demo: deps
	@$(MAKE) --no-print-directory -j$(J) hypervisor xtf cli differ dryrun
	@scripts/demo.sh $(ARCH)

check: deps
	@$(MAKE) --no-print-directory -j$(J) all
	@scripts/check.sh --arch $(ARCH) all

check-unit: deps
	@$(MAKE) --no-print-directory -j$(J) unit fuzz-build
	@scripts/check.sh unit fuzz

# Every XTF test, the live-patch ones included, so their payloads too.
check-xtf: deps
	@$(MAKE) --no-print-directory -j$(J) livepatch-payloads
	@scripts/check.sh --arch $(ARCH) xtf

check-repro: deps keys
	@scripts/check.sh --arch $(ARCH) repro

check-format:
	@scripts/check.sh format

check-hv: deps
	@$(MAKE) --no-print-directory -j$(J) hypervisor hypervisor-test xtf
	@scripts/check.sh --arch $(ARCH) hv

check-livepatch: deps
	@$(MAKE) --no-print-directory -j$(J) livepatch-payloads
	@scripts/check.sh --arch $(ARCH) livepatch

check-cli: deps
	@$(MAKE) --no-print-directory -j$(J) livepatch-payloads cli
	@scripts/check.sh --arch $(ARCH) cli relay

# The differ's corpus on x86_64, arm64 and arm32, a differ payload loaded
# under QEMU, and livepatch-build end to end.
check-differ: deps
	@$(MAKE) --no-print-directory -j$(J) all
	@scripts/check.sh --arch $(ARCH) differ

# Every advisory under payloads/: built, proven vulnerable, fixed live,
# reverted, stacked, replaced, and rebuilt from the fixed source.
check-advisories: deps
	@$(MAKE) --no-print-directory -j$(J) hypervisor xtf cli differ dryrun
	@scripts/check.sh --arch $(ARCH) advisories

check-runner: deps
	@$(MAKE) --no-print-directory -j$(J) hypervisor xtf
	@scripts/check.sh --arch $(ARCH) runner

# Benchmarks print figures; they are not tests.
bench: all
	@bench/livepatch-hold.sh $(ARCH)
	@bench/differ.sh
	@bench/livepatch-build.sh $(ARCH)

install: hypervisor xtf cli
	@scripts/install.sh "$(DESTDIR)" "$(PREFIX)" "$(ARCH)" "$(BUILD)"

clean:
	rm -rf $(BUILD)
