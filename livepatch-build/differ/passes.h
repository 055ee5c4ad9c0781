/* SPDX-License-Identifier: MIT */
/*
 * The differ as a list of passes over two objects (main.c runs them in
 * this order):
 *   correlate -> compare -> include (with special sections) -> verify
 *   -> write the output
 * Each returns 0, or -1 after logging an error.  Refusals are logged and
 * counted (log.h) and do not stop a pass, so every reason is reported.
 */
#ifndef DIFFER_PASSES_H
#define DIFFER_PASSES_H

#include <stdbool.h>
#include <stddef.h>

#include "externs.h"
#include "model.h"
#include "xensyms.h"

struct diff {
    struct object orig, patched;
    struct xensyms xen;
    struct externs externs; /* symbols other objects of the payload define */
    unsigned int changed_funcs, new_globals, carried; /* what makes a payload */
    struct section **work;                            /* include's worklist */
    size_t nwork, capwork;
};

/* Pairs patched sections and symbols with their originals (twin pointers). */
int correlate(struct diff *d);

/* Marks each patched section and symbol SAME, CHANGED or NEW. */
int compare(struct diff *d);

/* Chooses what the output holds: changed and new code and what it needs. */
int include(struct diff *d);

/* Includes @s, then (by include_drain) what it refers to. */
int include_section(struct diff *d, struct section *s, const char *why);
/* Includes what relocation @r of an included section refers to. */
int include_target(struct diff *d, const struct section *from, const struct reloc *r);
/* Includes everything the sections included so far refer to. */
int include_drain(struct diff *d);

/*
 * Does @s get a .livepatch.funcs entry?  Every changed function the output
 * holds, except ".cold" parts: only their parent jumps to them.
 */
bool include_is_patched(const struct symbol *s);

/* Keeps the entries of .ex_table and .bug_frames for included code; carries hooks and .modinfo. */
int special_sections(struct diff *d);

/* Refuses what cannot be live-patched; checks names against XEN-SYMS. */
int verify(struct diff *d);

/* Writes the output object, with .livepatch.funcs for the changed functions. */
int output_write(struct diff *d, const char *path);

#endif /* DIFFER_PASSES_H */
