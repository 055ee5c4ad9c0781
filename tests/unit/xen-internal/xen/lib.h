/* SPDX-License-Identifier: MIT */
/*
 * Stands in for Xen's internal <xen/lib.h>, which <xen/hvm/save.h> includes
 * when __XEN__ is defined.  test_lp_abi.c defines __XEN__ only to see
 * struct livepatch_func, which <xen/sysctl.h> keeps for the hypervisor.
 */
#define BUG() __builtin_trap()
