/* SPDX-License-Identifier: MIT */
/*
 * The live-patch sections of a payload: the build-id notes, the functions
 * to patch, the hooks, the metadata, and the payload's own exception table
 * and bug frames.  Every pointer the payload provides must point into the
 * payload's own memory (into its text for code); every function to patch
 * must be patchable code within branch reach.
 */
#include "private.h"
#include <hv/build_id.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/livepatch_arch.h>
#include <hv/mm.h>

static void hex(char *out, size_t len, const uint8_t *id, unsigned int n)
{
    out[0] = '\0';
    for (unsigned int i = 0; i < n && 2 * i + 2 < len; i++)
        snprintf(out + 2 * i, 3, "%02x", id[i]);
}

/* Reads the build-id note in section @name into @out. */
static int read_note(const struct lp_elf *elf, const char *name, uint8_t *out,
                     unsigned int *out_len, const char *who)
{
    const struct lp_elf_sec *s = lp_elf_section(elf, name);
    const uint8_t *id;
    unsigned int len;

    if (!s || !s->data)
        return lp_refuse(-EINVAL, who, "no %s section", name);
    if (build_id_parse_note(s->data, (size_t)s->size, &id, &len) || len > LP_BUILD_ID_MAX)
        return lp_refuse(-EINVAL, who, "%s is not a GNU build-id note", name);
    memcpy(out, id, len);
    *out_len = len;
    return 0;
}

int lp_check_xen_depends(const struct lp_elf *elf, const char *who)
{
    uint8_t want[LP_BUILD_ID_MAX];
    unsigned int want_len, hv_len;
    const uint8_t *hv;
    char a[2 * LP_BUILD_ID_MAX + 1], b[2 * LP_BUILD_ID_MAX + 1];
    int rc = read_note(elf, ".livepatch.xen_depends", want, &want_len, who);

    if (rc)
        return rc;
    if (!lp_port_hv_build_id(&hv, &hv_len))
        return lp_refuse(-ENODATA, who, "this hypervisor has no build-id");
    if (want_len == hv_len && !memcmp(want, hv, hv_len))
        return 0;
    hex(a, sizeof(a), want, want_len);
    hex(b, sizeof(b), hv, hv_len);
    return lp_refuse(-EINVAL, who, "built for hypervisor build-id %s, this is %s", a, b);
}

static bool in_mem(const struct lp_mem *m, unsigned long addr, size_t len)
{
    return addr >= m->addr && addr - m->addr <= m->total && len <= m->total - (addr - m->addr);
}

static bool in_text(const struct lp_mem *m, unsigned long addr, size_t len)
{
    unsigned long start = m->addr + m->text_off;

    return addr >= start && addr - start <= m->text_size && len <= m->text_size - (addr - start);
}

/*
 * Is @s (a run-time address) a NUL-terminated string inside the payload's
 * memory?  Read through the view: on the host they differ.
 */
static bool string_ok(const struct lp_mem *m, const char *s)
{
    unsigned long a = (unsigned long)s;

    return a && in_mem(m, a, 1) &&
           memchr(m->view + (a - m->addr), '\0', m->total - (a - m->addr)) != NULL;
}

static int check_func(struct payload *p, unsigned int i, const char *who)
{
    struct livepatch_func *f = &p->funcs[i], named;
    unsigned long old, new = (unsigned long)f->new_addr;
    unsigned int offset;
    const char *name;
    int rc;

    if (f->version != LIVEPATCH_PAYLOAD_VERSION)
        return lp_refuse(-EOPNOTSUPP, who, "function %u: payload format version %u, need %u", i,
                         f->version, LIVEPATCH_PAYLOAD_VERSION);
    if (!string_ok(&p->mem, f->name))
        return lp_refuse(-EINVAL, who, "function %u: name outside the payload", i);
    name = (const char *)p->mem.view + ((unsigned long)f->name - p->mem.addr);
    if (!f->old_size)
        return lp_refuse(-EINVAL, who, "%s: old_size is 0", name);
    if (!f->old_addr) {
        f->old_addr = (void *)lp_port_resolve(name);
        if (!f->old_addr)
            return lp_refuse(-ENOENT, who, "no function %s to patch", name);
    }
    old = (unsigned long)f->old_addr;
    if (!lp_port_is_text(old, f->old_size))
        return lp_refuse(-EINVAL, who, "%s: %#lx+%#x is not hypervisor or payload code", name, old,
                         f->old_size);
    named = *f; /* the arch checks read the name, so give them its view */
    named.name = name;
    offset = arch_livepatch_patch_offset(&named);
    rc = arch_livepatch_check_func(&named, offset, who);
    if (rc)
        return rc;
    if (new) {
        /* At least the byte jumped to, even when new_size is 0. */
        if (!in_text(&p->mem, new, MAX(f->new_size, 1u)))
            return lp_refuse(-EINVAL, who, "%s: replacement is not in the payload's text", name);
        if ((new > old ? new - old : old - new) >= arch_livepatch_range())
            return lp_refuse(-EOVERFLOW, who, "%s: replacement out of branch reach", name);
    }
    for (unsigned int j = 0; j < i; j++)
        if (p->funcs[j].old_addr == f->old_addr)
            return lp_refuse(-EINVAL, who, "%s is patched twice", name);
    return 0;
}

static int read_funcs(const struct lp_elf *elf, struct payload *p, const char *who)
{
    const struct lp_elf_sec *s = lp_elf_section(elf, ".livepatch.funcs");

    if (!s)
        return 0;
    if (!s->load || !s->size || s->size % sizeof(struct livepatch_func) ||
        s->load_addr % _Alignof(struct livepatch_func))
        return lp_refuse(-EINVAL, who, ".livepatch.funcs is empty, misaligned or not loaded");
    p->funcs = (struct livepatch_func *)s->load;
    p->nfuncs = (unsigned int)(s->size / sizeof(struct livepatch_func));
    p->func_state = xzalloc_array(enum livepatch_func_state, p->nfuncs);
    p->sites = xzalloc_array(struct lp_patch_site, p->nfuncs);
    if (!p->func_state || !p->sites)
        return lp_refuse(-ENOMEM, who, "out of memory for %u functions", p->nfuncs);
    for (unsigned int i = 0; i < p->nfuncs; i++) {
        int rc = check_func(p, i, who);

        if (rc)
            return rc;
    }
    return 0;
}

/* Reads hook section @name: an array of pointers into payload text. */
static int read_hooks(const struct lp_elf *elf, struct payload *p, const char *name, bool single,
                      void *const **out, unsigned int *n, const char *who)
{
    const struct lp_elf_sec *s = lp_elf_section(elf, name);

    *out = NULL;
    *n = 0;
    if (!s)
        return 0;
    if (!s->load || !s->size || s->size % sizeof(void *) || s->load_addr % _Alignof(void *) ||
        (single && s->size != sizeof(void *)))
        return lp_refuse(-EINVAL, who, "%s: %s", name,
                         single ? "must hold exactly one function" : "malformed hook array");
    *out = (void *const *)s->load;
    *n = (unsigned int)(s->size / sizeof(void *));
    for (unsigned int i = 0; i < *n; i++)
        if (!in_text(&p->mem, (unsigned long)(*out)[i], 1))
            return lp_refuse(-EINVAL, who, "%s: hook %u is not in the payload's text", name, i);
    return 0;
}

static int read_all_hooks(const struct lp_elf *elf, struct payload *p, const char *who)
{
    static const char *const single[] = {
        ".livepatch.hooks.preapply",  ".livepatch.hooks.apply",  ".livepatch.hooks.postapply",
        ".livepatch.hooks.prerevert", ".livepatch.hooks.revert", ".livepatch.hooks.postrevert",
    };
    void *const *one[ARRAY_SIZE(single)];
    void *const *load, *const *unload;
    unsigned int n;
    int rc;

    rc = read_hooks(elf, p, ".livepatch.hooks.load", false, &load, &p->n_load_funcs, who);
    if (!rc)
        rc = read_hooks(elf, p, ".livepatch.hooks.unload", false, &unload, &p->n_unload_funcs, who);
    for (unsigned int i = 0; !rc && i < ARRAY_SIZE(single); i++)
        rc = read_hooks(elf, p, single[i], true, &one[i], &n, who);
    if (rc)
        return rc;
    p->load_funcs = (livepatch_loadcall_t *)(uintptr_t)load;
    p->unload_funcs = (livepatch_unloadcall_t *)(uintptr_t)unload;
    p->preapply = one[0] ? (livepatch_precall_t)one[0][0] : NULL;
    p->apply_action = one[1] ? (livepatch_actioncall_t)one[1][0] : NULL;
    p->postapply = one[2] ? (livepatch_postcall_t)one[2][0] : NULL;
    p->prerevert = one[3] ? (livepatch_precall_t)one[3][0] : NULL;
    p->revert_action = one[4] ? (livepatch_actioncall_t)one[4][0] : NULL;
    p->postrevert = one[5] ? (livepatch_postcall_t)one[5][0] : NULL;
    return 0;
}

static bool has_hooks(const struct payload *p)
{
    return p->n_load_funcs || p->n_unload_funcs || p->preapply || p->apply_action || p->postapply ||
           p->prerevert || p->revert_action || p->postrevert;
}

static int read_metadata(const struct lp_elf *elf, struct payload *p, const char *who)
{
    const struct lp_elf_sec *s = lp_elf_section(elf, ".modinfo");

    if (!s || !s->size)
        return 0;
    if (!s->data || s->size > KiB(64) || s->data[s->size - 1] != '\0')
        return lp_refuse(-EINVAL, who, ".modinfo is not NUL-terminated key=value strings");
    p->metadata = xmalloc_bytes(s->size);
    if (!p->metadata)
        return lp_refuse(-ENOMEM, who, "out of memory for metadata");
    memcpy(p->metadata, s->data, s->size);
    p->metadata_len = (uint32_t)s->size;
    return 0;
}

/* Reads an array of fixed-size entries from a loaded section, if present. */
static int read_table(const struct lp_elf *elf, const char *name, size_t entsize,
                      const void **start, const void **end, const char *who)
{
    const struct lp_elf_sec *s = lp_elf_section(elf, name);

    *start = *end = NULL;
    if (!s || !s->size)
        return 0;
    if (!s->load || s->size % entsize || s->load_addr % 4)
        return lp_refuse(-EINVAL, who, "%s is malformed", name);
    *start = s->load;
    *end = s->load + s->size;
    return 0;
}

/*
 * Every entry must point into this payload: code into its text.  Entries
 * are relative to where they are read, the view; @rt turns the result into
 * a run-time address (the same in the hypervisor, not on the host).
 */
static int check_tables(struct payload *p, const char *who)
{
    unsigned long rt = p->mem.addr - (unsigned long)p->mem.view;

    for (const struct extable_entry *e = p->extable; e < p->extable_end; e++)
        if (!in_text(&p->mem, extable_insn(e) + rt, 1) ||
            !in_text(&p->mem, extable_fixup(e) + rt, 1))
            return lp_refuse(-EINVAL, who, "exception-table entry outside the payload's text");
    for (const struct bug_frame *b = p->bugs; b < p->bugs_end; b++)
        if (!in_text(&p->mem, bug_loc(b) + rt, 1) ||
            !string_ok(&p->mem, (const char *)((unsigned long)bug_file(b) + rt)))
            return lp_refuse(-EINVAL, who, "bug frame outside the payload");
    return 0;
}

int lp_check_special_sections(struct lp_elf *elf, struct payload *p)
{
    const char *who = p->name;
    const void *ex, *ex_end, *bugs, *bugs_end;
    int rc;

    rc = read_note(elf, ".livepatch.depends", p->dep, &p->dep_len, who);
    if (!rc)
        rc = read_note(elf, ".note.gnu.build-id", p->id, &p->id_len, who);
    if (!rc && lp_port_build_id_loaded(p->id, p->id_len))
        rc = lp_refuse(-EEXIST, who, "a payload with the same build-id is already loaded");
    if (!rc)
        rc = read_funcs(elf, p, who);
    if (!rc)
        rc = read_all_hooks(elf, p, who);
    if (!rc && !p->nfuncs && !has_hooks(p))
        rc = lp_refuse(-EINVAL, who, "nothing to patch: no functions and no hooks");
    if (!rc)
        rc = read_metadata(elf, p, who);
    if (!rc)
        rc = read_table(elf, ".ex_table", sizeof(struct extable_entry), &ex, &ex_end, who);
    if (!rc)
        rc = read_table(elf, ".bug_frames", sizeof(struct bug_frame), &bugs, &bugs_end, who);
    if (rc)
        return rc;
    p->extable = ex;
    p->extable_end = ex_end;
    p->bugs = bugs;
    p->bugs_end = bugs_end;
    return check_tables(p, who);
}
