# SPDX-License-Identifier: MIT
#
# The relay is a guest built on the XTF runtime: tests/xtf/Makefile includes
# this file when given GUEST_MKS=<this file>, with its "program" rule and
# flags.  Output: $(RELAY_O)/relay-<env>.

RELAY_DIR := $(ROOT)/xen-livepatch/relay
RELAY_O ?= $(O)/../relay
RELAY_SRCS := $(wildcard $(RELAY_DIR)/*.c) $(ROOT)/xen-livepatch/relay_protocol.c

$(call obj,$(RELAY_SRCS)): CFLAGS += -I$(ROOT)/xen-livepatch -I$(RELAY_DIR)
$(foreach env,$(XTF_ENVS),$(eval $(call program,$(RELAY_O)/relay-$(env),$(RELAY_SRCS))))
