/* SPDX-License-Identifier: MIT */
/* The layout facts test_lp_abi.c compares. */
#ifndef LP_ABI_H
#define LP_ABI_H

#include <stddef.h>

struct lp_func_layout {
    size_t size, name, new_addr, old_addr, new_size, old_size, version, expect, expect_size;
    unsigned int expect_byte0; /* enabled = 1, len = 9, as stored */
};

void lp_abi_ours(struct lp_func_layout *out);

#endif /* LP_ABI_H */
