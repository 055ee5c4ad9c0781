/* SPDX-License-Identifier: MIT */
/*
 * What names and section headers say: compiler clones and their numbering,
 * function-local statics, ARM mapping symbols, and the kind of a section.
 */
#ifndef DIFFER_NAMES_H
#define DIFFER_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/*
 * @name with GCC's clone numbering dropped, written to @out (at least
 * strlen(name) + 1 bytes): "foo.isra.0" and "foo.isra.3" both give
 * "foo.isra", "foo.constprop.0.isra.1" gives "foo.constprop.isra",
 * "foo.cold.2" gives "foo.cold".  Returns whether @name had such a part.
 */
bool name_clone_key(const char *name, char *out);

/* A function-local static (or compiler-made local like "__func__.0"): matched by use. */
bool sym_is_static_local(const struct symbol *s);

/*
 * Data that belongs to the code using it: unnamed sections (switch tables)
 * and read-only function-local statics ("CSWTCH.3", "__func__.1", a
 * function's "static const" table).  No other code can name it, so when it
 * changes its users change and carry a copy.
 */
bool sym_is_owned_data(const struct symbol *s);

/* ARM mapping symbols ($a, $d, $t, $x, optionally ".suffix"): never correlated. */
bool name_is_mapping(const char *name);

/* For "foo.cold" or "foo.cold.2": the length of "foo", else 0. */
size_t name_cold_parent_len(const char *name);

/* Sections of code or data run once at boot. */
bool name_is_init(const char *secname);

enum sec_kind {
    SK_IGNORED, /* debug info, notes, comments, tables rebuilt on output */
    SK_REL,     /* relocations: compared and written with their base */
    SK_TEXT,    /* code */
    SK_DATA,    /* writable data and bss */
    SK_RODATA,  /* read-only data */
    SK_MERGE,   /* mergeable constants and string literals: compared by content */
    SK_EXTABLE, /* .ex_table */
    SK_BUGS,    /* .bug_frames */
    SK_HOOKS,   /* .livepatch.hooks.* */
    SK_MODINFO, /* .modinfo */
    SK_UNKNOWN, /* anything else: a change there is refused */
};

enum sec_kind section_kind(const struct section *s);

#endif /* DIFFER_NAMES_H */
