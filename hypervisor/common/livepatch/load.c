/* SPDX-License-Identifier: MIT */
/*
 * The upload pipeline: from an image to a CHECKED payload.
 *
 *   signature -> ELF structure -> target build-id -> symbols -> placement
 *   in W^X memory -> symbol resolution -> relocation -> live-patch sections
 *   -> the payload's own symbols -> final page permissions
 *
 * The signature is checked before any other part of the image is parsed
 * (signature.c), the target hypervisor's build-id before the symbol table
 * or anything placed in memory is looked at.  On any failure everything
 * allocated is freed and the reason has been logged.  The image itself is
 * the caller's and is not kept.
 */
#include "private.h"
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/livepatch_arch.h>
#include <hv/mm.h>

void lp_payload_free(struct payload *p)
{
    if (!p)
        return;
    if (p->mem.total)
        lp_port_mem_free(&p->mem);
    xfree(p->func_state);
    xfree(p->sites);
    xfree(p->syms);
    xfree(p->strings);
    xfree(p->metadata);
    xfree(p);
}

static bool safe_to_reapply(const struct lp_elf *elf)
{
    for (unsigned int i = 1; i < elf->nsec; i++) {
        const struct lp_elf_sec *s = &elf->sec[i];

        if ((s->flags & (SHF_ALLOC | SHF_WRITE)) == (SHF_ALLOC | SHF_WRITE) && s->size &&
            strcmp(s->name, ".livepatch.funcs"))
            return false;
    }
    return true;
}

int lp_load(const void *image, size_t size, const char *name, struct payload **out)
{
    struct payload *p = xzalloc(struct payload);
    struct lp_elf elf;
    int rc;

    if (!p)
        return lp_refuse(-ENOMEM, name, "out of memory");
    strlcpy(p->name, name, sizeof(p->name));
    list_init(&p->list);
    list_init(&p->applied);
    rc = lp_check_signature(image, size, name);
    if (rc)
        goto out_free;
    rc = lp_elf_parse(&elf, image, size, arch_livepatch_elf_machine(), arch_livepatch_elf_class(),
                      name);
    if (rc)
        goto out_free;
    rc = lp_check_xen_depends(&elf, name);
    if (!rc)
        rc = lp_elf_parse_symbols(&elf, name);
    if (!rc)
        rc = lp_layout(&elf, &p->mem, name);
    if (!rc)
        rc = lp_resolve_symbols(&elf, name);
    if (!rc)
        rc = lp_relocate(&elf, name);
    if (!rc)
        rc = lp_check_special_sections(&elf, p);
    if (!rc)
        rc = lp_build_symtab(&elf, p);
    if (!rc)
        rc = lp_port_mem_protect(&p->mem);
    if (rc)
        goto out_elf;
    p->safe_to_reapply = safe_to_reapply(&elf);
    p->state = LIVEPATCH_STATE_CHECKED;
    p->rc = 0;
    p->view = (struct livepatch_hook_view){ p->name, p->nfuncs, p->funcs, p->func_state, 0 };
    lp_elf_free(&elf);
    *out = p;
    return 0;

out_elf:
    lp_elf_free(&elf);
out_free:
    lp_payload_free(p);
    return rc;
}
