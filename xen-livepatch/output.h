/* SPDX-License-Identifier: MIT */
/* Printing payload states and lists: Xen's table, and JSON. */
#ifndef OUTPUT_H
#define OUTPUT_H

#include <stdio.h>

#include "list.h"

/* "CHECKED", "APPLIED" or "unknown", as Xen's state2str(). */
const char *output_state_name(uint32_t state);
/* Xen's table: " ID ... | status ... | metadata", one line per payload. */
void output_list_table(FILE *f, const struct lp_list *l);
/* {"payloads": [{"name", "state", "rc", "rc_name", "metadata": {k: v}}, ...]} */
void output_list_json(FILE *f, const struct lp_list *l);
/* @s (@len bytes) as a JSON string, quotes included; invalid UTF-8 becomes U+FFFD. */
void output_json_string(FILE *f, const char *s, size_t len);

#endif /* OUTPUT_H */
