/* SPDX-License-Identifier: MIT */
/* Stopping the whole machine: dom0's shutdown and hypervisor panics. */
#ifndef HV_SHUTDOWN_H
#define HV_SHUTDOWN_H

#include <hv/types.h>

void shutdown_init(const char *cmdline);
/* dom0 shut down with @reason (SHUTDOWN_*): power off, reboot or halt. */
__noreturn void machine_shutdown_for_dom0(unsigned int reason);
/* After a panic: reboot, or halt when "noreboot" was given. */
__noreturn void machine_restart_after_panic(void);
const char *shutdown_reason_name(unsigned int reason);

#endif /* HV_SHUTDOWN_H */
