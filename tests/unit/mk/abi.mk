# SPDX-License-Identifier: MIT
# test_lp_abi.c sees <xen/sysctl.h> as the hypervisor does: struct
# livepatch_func is only defined under __XEN__.
$(O)/test_lp_abi.o: HOST_CFLAGS += -D__XEN__ -I$(UNIT)/xen-internal
