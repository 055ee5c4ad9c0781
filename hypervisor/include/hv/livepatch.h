/* SPDX-License-Identifier: MIT */
/*
 * Live patching, as the rest of the hypervisor sees it: the signature
 * policy set at boot, the sysctl sub-operation, the softirq where CPUs meet to patch, and lookups of
 * payload code for backtraces, exception fixups and bug frames.
 */
#ifndef HV_LIVEPATCH_H
#define HV_LIVEPATCH_H

#include <hv/types.h>
#include <hv/bug.h>
#include <public/sysctl.h>

#define LIVEPATCH_MAX_SIZE MiB(2)
#define LIVEPATCH_DEFAULT_TIMEOUT_NS 30000000u
#define LIVEPATCH_LIST_MAX 1024

/*
 * Boot option livepatch_sig=enforce|log (default enforce): whether payloads
 * that are unsigned, signed by an unknown key or badly signed are refused
 * or only logged (docs/livepatch.md).  Logs the mode and the built-in keys.
 */
void livepatch_sig_init(const char *cmdline);

/* XEN_SYSCTL_livepatch_op, with the op already copied in (sysctl.c). */
long livepatch_op(struct xen_sysctl_livepatch_op *op);

/* The LIVEPATCH softirq: joins (or leads) a pending action's rendezvous. */
void livepatch_softirq(void);

/* The payload symbol containing @addr, and the payload's name. */
bool livepatch_lookup_addr(unsigned long addr, const char **name, unsigned long *start,
                           unsigned long *size, const char **payload);
/* The fixup for a fault at @addr in payload text, or 0. */
unsigned long livepatch_search_extable(unsigned long addr);
/* The bug frame of a payload for a trap at @addr, or NULL. */
const struct bug_frame *livepatch_find_bug_frame(unsigned long addr);

#endif /* HV_LIVEPATCH_H */
