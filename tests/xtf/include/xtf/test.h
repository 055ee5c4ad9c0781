/* SPDX-License-Identifier: MIT */
/* What each test provides, and what the framework gives it. */
#ifndef XTF_TEST_H
#define XTF_TEST_H

#include <hv/types.h>
#include <xtf/xen.h>

/* Provided by the test. */
extern const char test_title[];
void test_main(void);

/* The start_info page the hypervisor gave this domain. */
extern const start_info_t *start_info;
/* The guest command line (start_info->cmd_line). */
const char *test_cmdline(void);
/* Is option @name ("name" or "name=value") on the command line? */
bool test_option(const char *name, const char **val, size_t *len);
/* The boot module, if any (a helper image). */
const void *test_module(size_t *size);
/* Guest RAM: [GUEST_RAM_START, guest_ram_end()). */
unsigned long guest_ram_end(void);

#endif /* XTF_TEST_H */
