/* SPDX-License-Identifier: MIT */
/*
 * The loader core's porting interface.  The hypervisor implements it in
 * common/livepatch/port.c (vmap memory next to its text, its own symbol
 * table and the loaded payloads'); the host build implements it in the
 * unit tests and the fuzzer.
 */
#ifndef HV_LIVEPATCH_PORT_H
#define HV_LIVEPATCH_PORT_H

#include <hv/types.h>

/* A payload's memory: text, then rw, then ro, each starting on a page. */
struct lp_mem {
    uint8_t *view;                      /* writable view of the whole region */
    unsigned long addr;                 /* its run-time address (== view in the hypervisor) */
    size_t text_size, rw_size, ro_size; /* bytes used in each part */
    size_t text_off, rw_off, ro_off;    /* page-aligned offsets of the parts */
    size_t total;                       /* bytes mapped */
    void *priv;                         /* the port's bookkeeping */
};

/* Gives @m->total bytes (page multiple) of zeroed, writable memory within
 * branch reach of the hypervisor's text.  0 or -ENOMEM. */
int lp_port_mem_alloc(struct lp_mem *m);
/* Text read-only+executable, rw read-write, ro read-only; nothing both. */
int lp_port_mem_protect(struct lp_mem *m);
void lp_port_mem_free(struct lp_mem *m);
/* Resolves an undefined symbol: the hypervisor's table, then the new
 * symbols of loaded payloads.  0 if unknown. */
unsigned long lp_port_resolve(const char *name);
/* Does @name already exist (hypervisor or another payload's new symbol)? */
bool lp_port_symbol_exists(const char *name);
/* Is [addr, addr + len) patchable code: the hypervisor's or a payload's text? */
bool lp_port_is_text(unsigned long addr, size_t len);
/* The running hypervisor's build-id; false if it has none. */
bool lp_port_hv_build_id(const uint8_t **id, unsigned int *len);
/* Is a loaded payload's build-id equal to @id? */
bool lp_port_build_id_loaded(const uint8_t *id, unsigned int len);

#endif /* HV_LIVEPATCH_PORT_H */
