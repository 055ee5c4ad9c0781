/* SPDX-License-Identifier: MIT */
/*
 * Refusals: what the payload could not do to the running hypervisor.
 *   - changed existing data (writable, or read-only and visible to other
 *     code): the running code keeps using the old values;
 *   - changed init code or data: it has run already;
 *   - a change in code that is not in a function of its own;
 *   - changed code or tables nothing included uses, and any change in a
 *     section of a kind the differ does not know;
 *   - a changed function too small for the trampoline;
 *   - a relocation type the loader does not apply;
 *   - an undefined reference XEN-SYMS cannot satisfy (unless --extern
 *     names it).
 * A changed function missing from XEN-SYMS is an error instead: the
 * objects were not built from the running hypervisor's source.
 */
#include <stdio.h>
#include <string.h>

#include <hv/livepatch_reloc.h>

#include "arch.h"
#include "log.h"
#include "names.h"
#include "passes.h"

static void refuse_symbols(const struct section *s, const char *what)
{
    bool any = false;

    for (size_t i = 0; i < s->nsyms; i++)
        if (s->syms[i]->status != ST_SAME) {
            log_refuse(s->syms[i]->name, "%s in %s", what, s->name);
            any = true;
        }
    if (!any)
        log_refuse(s->name, "%s", what);
}

static void check_section(const struct section *s)
{
    enum sec_kind k = section_kind(s);
    bool init = name_is_init(s->name);

    if (s->status == ST_SAME || k == SK_MERGE)
        return;
    if (s->status == ST_NEW) {
        if (k == SK_UNKNOWN && s->size)
            log_refuse(s->name, "new section of a kind the differ does not know");
        else if (init && !s->include)
            log_debug("verify: ignoring new init section %s", s->name);
        return;
    }
    if (init)
        refuse_symbols(s, k == SK_TEXT ? "changed init code" : "changed init data");
    else if (k == SK_TEXT && !(s->bundled && s->bundled->type == STT_FUNC))
        refuse_symbols(s, "changed code outside a section of its own (needs -ffunction-sections)");
    else if (k == SK_DATA)
        refuse_symbols(s, "changed existing data");
    else if (k == SK_RODATA && s->nsyms && !(s->bundled && sym_is_owned_data(s->bundled)))
        refuse_symbols(s, "changed existing read-only data");
    else if (k == SK_UNKNOWN)
        log_refuse(s->name, "changed section of a kind the differ does not know");
    else if (!s->include)
        log_refuse(s->name, "changed, but no changed function uses it");
}

static void check_relocs(const struct arch *arch, const struct section *s)
{
    for (size_t i = 0; i < s->nrelocs; i++)
        if (!arch->reloc->type_name(s->relocs[i].type) &&
            (!s->keep || s->keep[s->relocs[i].offset / s->keep_entsize])) {
            log_refuse(s->name, "relocation type %u at %#llx is not supported by the loader",
                       s->relocs[i].type, (unsigned long long)s->relocs[i].offset);
            return;
        }
}

static int check_function(const struct diff *d, const struct symbol *s)
{
    const struct arch *arch = d->patched.arch;
    const struct symbol *o = s->twin;
    char buf[512];
    const char *name = xensyms_name(d->patched.file, s, buf, sizeof(buf));
    const struct xensym *x = xensyms_find(&d->xen, name);
    unsigned int need = arch->jump_size;

    if (!x)
        return log_error("%s: not in XEN-SYMS: is it the hypervisor these objects were built for?",
                         name);
    if (o && o->sec && o->sec->data && o->value + o->size <= o->sec->size)
        need += arch->entry_skip(o->sec->data + o->value, o->size);
    if (x->size < need)
        log_refuse(name, "%llu bytes in XEN-SYMS, too small for a %u-byte trampoline",
                   (unsigned long long)x->size, need);
    return 0;
}

static void check_undefined(const struct diff *d, const struct symbol *s)
{
    char buf[512];
    const char *name = xensyms_name(d->patched.file, s, buf, sizeof(buf));

    if (s->shndx == SHN_ABS || (s->bind == STB_WEAK && !s->sec))
        return; /* a constant, or allowed to stay 0 */
    if (s->bind == STB_LOCAL && !d->patched.file)
        log_refuse(s->name, "a static, but the object has no STT_FILE symbol to name it by");
    else if (!xensyms_find(&d->xen, name) && !externs_has(&d->externs, name))
        log_refuse(name, "left undefined, but XEN-SYMS does not define it");
}

int verify(struct diff *d)
{
    for (size_t i = 1; i < d->patched.nsecs; i++) {
        const struct section *s = &d->patched.secs[i];
        enum sec_kind k = section_kind(s);

        if (k != SK_IGNORED && k != SK_REL && k != SK_EXTABLE && k != SK_BUGS && k != SK_HOOKS &&
            k != SK_MODINFO)
            check_section(s);
        if (s->include)
            check_relocs(d->patched.arch, s);
    }
    for (size_t i = 1; i < d->patched.nsyms; i++) {
        const struct symbol *s = &d->patched.syms[i];

        if (include_is_patched(s) && check_function(d, s))
            return -1;
        if (s->include && s->type != STT_SECTION && (!s->sec || !s->sec->include))
            check_undefined(d, s);
    }
    return 0;
}
