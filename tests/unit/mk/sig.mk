# SPDX-License-Identifier: MIT
#
# Signatures: our SHA-256 and RSA against OpenSSL (test_sha256.c,
# test_rsa.c), the upload path's signature check on payloads that
# livepatch-sign signed (test_lp_sig.c), and livepatch-sign itself
# (test_sign_tool.c, which also signs an ARM object from reloc.mk).  The
# test keys (build/keys, "make keys") and the tool are found through paths
# compiled in (hypervisor/keys.mk's defaults).

EXTRA_LDLIBS += -lcrypto

SIG_TEST_OBJS := $(O)/sig_util.o $(O)/test_sign_tool.o
$(SIG_TEST_OBJS): HOST_CFLAGS += -DSIG_KEYS_DIR='"$(LIVEPATCH_KEYS_DIR)"' \
                                 -DSIG_TOOL='"$(LIVEPATCH_SIGN)"' \
                                 -DSIG_ARM_OBJECT='"$(abspath $(RELOC_OUT))/arm-payload.o"'
