/* SPDX-License-Identifier: MIT */
/*
 * Loading live-patch payloads past the ELF checks (see test_lp_elf.c):
 * what a valid payload becomes (CHECKED, relocated, its metadata and
 * symbols visible), and the refusal of each malformed live-patch section
 * (build-id notes, .livepatch.funcs, hooks, .modinfo) and symbol clash,
 * with the right Xen errno, a reason naming the payload, nothing
 * registered and memory back to its baseline.  The sysctl that reaches the
 * loader is tested in test_lp_op.c.
 */
#include <stdio.h>
#include <string.h>

#include <hv/errno.h>
#include <hv/livepatch.h>
#include <hv/mm.h>

#include "../../hypervisor/common/livepatch/private.h"
#include "fake.h"
#include "fixture.h"
#include "payload_image.h"
#include "unit.h"

#define R_NONE 0
#define FUNCS ".livepatch.funcs"

static struct pi_mem base;

static void setup(void)
{
    fixture_boot();
    base = pi_baseline();
}

/* Uploads the image as "good" and checks it loaded; returns the payload or NULL. */
static struct payload *loaded_at(const char *file, int line, const struct payload_image *pi)
{
    int rc;

    fake_console_clear();
    rc = pi_upload(pi->buf, pi->len, "good");
    unit_check(rc == 0, file, line, "rc %d; log: %s", rc, fake_console_output());
    return lp_find("good");
}

#define LOADED(pi) loaded_at(__FILE__, __LINE__, (pi))

/* funcs[@i] in the built image. */
static struct livepatch_func *ifunc(struct payload_image *pi, unsigned int i)
{
    return (struct livepatch_func *)(void *)(pi_bytes(pi, pi_section(pi, FUNCS)) +
                                             i * sizeof(struct livepatch_func));
}

/* Relocation @n of .livepatch.funcs: 0 name, 1 new_addr, 2 old_addr of funcs[0]. */
static void set_funcs_rela(struct payload_image *pi, unsigned int n, uint32_t sym, uint32_t type)
{
    pi_rela(pi, pi_section(pi, FUNCS), n)->r_info = (uint64_t)sym << 32 | type;
}

/* --- The valid payload ------------------------------------------------------- */

TEST(a_valid_payload_is_checked_relocated_and_described)
{
    struct payload_image *pi = pi_valid_built(1);
    struct xen_livepatch_status st = { 0, 1 };
    static const char modinfo[] = "version=1\0seed=1";
    unsigned long text, rodata, rw, start = 0, size = 0;
    const char *sym = NULL, *payload = NULL;
    struct payload *p;
    int32_t disp;

    setup();
    p = LOADED(pi);
    REQUIRE(p);
    CHECK_EQ(lp_get("good", &st), 0);
    CHECK_EQ(st.state, LIVEPATCH_STATE_CHECKED);
    CHECK_EQ(st.rc, 0);
    text = p->mem.addr + p->mem.text_off;
    rw = p->mem.addr + p->mem.rw_off;
    REQUIRE(p->nfuncs == 2);
    CHECK_EQ((unsigned long)p->funcs[0].new_addr, text);
    CHECK_EQ((unsigned long)p->funcs[0].old_addr, PI_OLD_FUNC);
    CHECK_STR(p->funcs[0].name, "pi_old_func");
    CHECK(p->funcs[1].new_addr == NULL);
    CHECK_EQ((unsigned long)p->funcs[1].old_addr, PI_OLD_NOP);
    CHECK_STR(p->funcs[1].name, "pi_nop_func");
    /* The relocations: lea in .text (PC32), pointers in .data (64). */
    rodata = (unsigned long)p->funcs[0].name;
    memcpy(&disp, (const void *)(text + 3), 4);
    CHECK_EQ(text + 7 + (unsigned long)(long)disp, rodata);
    CHECK_EQ(*(const unsigned long *)rw, (unsigned long)__image_start + 0x800); /* fake_data */
    CHECK_EQ(*(const unsigned long *)(rw + 8), rw + 16 + 8);                    /* .bss + 8 */
    CHECK(!p->safe_to_reapply);                                                 /* it has .data */
    CHECK_EQ(p->metadata_len, sizeof(modinfo));
    CHECK(p->metadata && !memcmp(p->metadata, modinfo, sizeof(modinfo)));
    CHECK_EQ(p->id_len, 20);
    CHECK(!memcmp(p->id, "pi-payload-id-000001", 20));
    CHECK_EQ(p->dep_len, FAKE_BUILD_ID_LEN);
    CHECK(!memcmp(p->dep, FAKE_BUILD_ID, FAKE_BUILD_ID_LEN));
    /* New globals are exported; the replacement overrides and is not; locals are private. */
    CHECK_EQ(lp_port_resolve("pi_helper_1"), text + 16);
    CHECK_EQ(lp_port_resolve("pi_new_func"), 0);
    CHECK_EQ(lp_port_resolve("pi_hook_1"), 0);
    CHECK(livepatch_lookup_addr(text + 33, &sym, &start, &size, &payload));
    CHECK_STR(sym, "pi_hook_1");
    CHECK_EQ(start, text + 32);
    CHECK_EQ(size, 16);
    CHECK_STR(payload, "good");
    CHECK(lp_port_is_text(text, 48));
    CHECK(!lp_port_is_text(text, 49));
    CHECK_EQ(lp_action("good", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    CHECK(!lp_find("good"));
    CHECK_EQ(lp_get("good", &st), -ENOENT);
    CHECK_EQ(lp_port_resolve("pi_helper_1"), 0);
    CHECK(pi_mem_back_to(&base));
    CHECK_EQ(lp_action("good", LIVEPATCH_ACTION_UNLOAD, 0, 0), -ENOENT);
    pi_free(pi);
}

TEST(old_function_is_resolved_by_name_in_the_hypervisor)
{
    struct payload_image *pi = pi_valid(1);
    struct payload *p;

    setup();
    fake_text_set((void *)(uintptr_t)__image_start, 0x1000);
    memcpy(pi_contents(pi, ".rodata"), "fake_boot", 10);
    pi_func(pi, 0)->old_size = 0x80;
    pi_func(pi, 1)->old_addr = (void *)(uintptr_t)(__image_start + 0x200); /* fake_idle */
    pi_build(pi);
    set_funcs_rela(pi, 2, 1, R_NONE); /* old_addr stays 0 */
    /* A jump from the vmap area to the host binary is out of reach... */
    REFUSED(pi, -EOVERFLOW, "fake_boot: replacement out of branch reach");
    /* ...but NOPs need no reach. */
    set_funcs_rela(pi, 1, 1, R_NONE);
    ifunc(pi, 0)->new_size = 3;
    p = LOADED(pi);
    REQUIRE(p);
    CHECK(p->funcs[0].old_addr == __image_start + 0x100);
    CHECK(p->funcs[0].new_addr == NULL);
    CHECK_EQ(lp_port_resolve("pi_new_func"), p->mem.addr); /* no longer an override */
    CHECK_EQ(lp_action("good", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    memcpy(pi_bytes(pi, pi_section(pi, ".rodata")), "no_such", 8);
    REFUSED(pi, -ENOENT, "no function no_such to patch");
    pi_free(pi);
}

TEST(old_function_may_be_in_an_earlier_payload)
{
    struct payload_image *a = pi_valid_built(1), *b = pi_valid(2);
    struct payload *pa, *pb;

    setup();
    REQUIRE(pi_upload(a->buf, a->len, "a") == 0);
    pa = lp_find("a");
    REQUIRE(pa);
    memcpy(pi_contents(b, ".rodata"), "pi_helper_1", 12);
    pi_func(b, 0)->old_size = 16;
    pi_build(b);
    set_funcs_rela(b, 2, 1, R_NONE);
    pb = LOADED(b);
    REQUIRE(pb);
    CHECK_EQ((unsigned long)pb->funcs[0].old_addr, pa->mem.addr + pa->mem.text_off + 16);
    pi_free(a);
    pi_free(b);
}

TEST(depends_is_read_at_upload_but_checked_only_at_apply)
{
    struct payload_image *pi = pi_valid_built(1);
    uint8_t *dep = pi_bytes(pi, pi_section(pi, ".livepatch.depends"));
    struct payload *p;

    setup();
    memcpy(dep + 16, "another-payload-id20", 20);
    p = LOADED(pi);
    REQUIRE(p);
    CHECK(!memcmp(p->dep, "another-payload-id20", 20));
    pi_free(pi);
}

/* --- Build-id notes ----------------------------------------------------------- */

TEST(missing_build_id_notes_are_einval)
{
    static const char *const notes[] = { ".livepatch.xen_depends", ".livepatch.depends",
                                         ".note.gnu.build-id" };

    setup();
    for (unsigned int i = 0; i < 3; i++) {
        struct payload_image *pi = pi_valid(1);
        char reason[64];

        pi_rename(pi, notes[i], ".note.other");
        pi_build(pi);
        snprintf(reason, sizeof(reason), "no %s section", notes[i]);
        REFUSED(pi, -EINVAL, reason);
        pi_free(pi);
    }
}

TEST(xen_depends_of_another_build_is_einval_and_logs_both_ids)
{
    struct payload_image *pi = pi_valid_built(1);
    uint8_t *xd = pi_bytes(pi, pi_section(pi, ".livepatch.xen_depends"));

    setup();
    memcpy(xd + 16, "\x01\x02\x03\xfe", 4);
    REFUSED(pi, -EINVAL,
            "built for hypervisor build-id 010203fe2d68797065727669736f722d69643230, "
            "this is 66616b652d68797065727669736f722d69643230");
    pi_free(pi);
}

TEST(target_build_id_is_checked_before_symbols)
{
    struct payload_image *pi = pi_valid_built(1);
    uint8_t *xd = pi_bytes(pi, pi_section(pi, ".livepatch.xen_depends"));

    setup();
    pi_shdr(pi, pi->symtab)->sh_link = 0; /* a corrupt symbol table */
    REFUSED(pi, -EINVAL, "malformed symbol table");
    xd[16] ^= 1; /* and a payload for another build */
    REFUSED(pi, -EINVAL, "built for hypervisor build-id");
    CHECK(!strstr(fake_console_output(), "symbol"));
    pi_free(pi);
}

TEST(malformed_build_id_notes_are_einval)
{
    static const char *const notes[] = { ".livepatch.xen_depends", ".livepatch.depends",
                                         ".note.gnu.build-id" };

    setup();
    for (unsigned int i = 0; i < 3; i++) {
        struct payload_image *pi = pi_valid_built(1);
        unsigned int s = pi_section(pi, notes[i]);
        Elf_Note *n = (Elf_Note *)(void *)pi_bytes(pi, s);
        Elf64_Shdr *sh = pi_shdr(pi, s);
        char reason[64];

        snprintf(reason, sizeof(reason), "%s is not a GNU build-id note", notes[i]);
        n->n_type = 1;
        REFUSED(pi, -EINVAL, reason);
        n->n_type = NT_GNU_BUILD_ID;
        pi_bytes(pi, s)[sizeof(*n) + 2] = 'X'; /* "GNX" */
        REFUSED(pi, -EINVAL, reason);
        pi_bytes(pi, s)[sizeof(*n) + 2] = 'U';
        n->n_namesz = 0;
        REFUSED(pi, -EINVAL, reason);
        n->n_namesz = 4;
        n->n_descsz = 0;
        REFUSED(pi, -EINVAL, reason);
        n->n_descsz = 21; /* one past the section */
        REFUSED(pi, -EINVAL, reason);
        n->n_descsz = 0xfffffffc; /* namesz + descsz wraps */
        REFUSED(pi, -EINVAL, reason);
        n->n_descsz = 20;
        sh->sh_size = sizeof(*n) - 1; /* not even a header */
        REFUSED(pi, -EINVAL, reason);
        sh->sh_size = 0;
        REFUSED(pi, -EINVAL, reason);
        sh->sh_size = 36;
        sh->sh_type = SHT_NOBITS;
        snprintf(reason, sizeof(reason), "no %s section", notes[i]);
        REFUSED(pi, -EINVAL, reason);
        pi_free(pi);
    }
}

TEST(build_id_longer_than_64_bytes_is_einval)
{
    struct payload_image *pi = pi_valid(1);
    uint8_t id[68];

    setup();
    memset(id, 0x5a, sizeof(id));
    pi_rename(pi, ".note.gnu.build-id", ".old-id");
    pi_add_note(pi, ".note.gnu.build-id", id, 64);
    pi_build(pi);
    LOADS(pi); /* 64 is the most */
    ((Elf_Note *)(void *)pi_bytes(pi, pi_section(pi, ".note.gnu.build-id")))->n_descsz = 68;
    pi_shdr(pi, pi_section(pi, ".note.gnu.build-id"))->sh_size += 4; /* .modinfo's bytes */
    REFUSED(pi, -EINVAL, ".note.gnu.build-id is not a GNU build-id note");
    pi_free(pi);
}

/* --- .livepatch.funcs ----------------------------------------------------------- */

TEST(funcs_size_must_be_a_nonzero_multiple_of_104)
{
    struct payload_image *pi = pi_valid_built(1);
    unsigned int funcs = pi_section(pi, FUNCS);
    Elf64_Shdr *sh = pi_shdr(pi, funcs);

    setup();
    sh->sh_size = 2 * 104 - 1;
    REFUSED(pi, -EINVAL, ".livepatch.funcs is empty, misaligned or not loaded");
    sh->sh_size = 104 + 8;
    REFUSED(pi, -EINVAL, ".livepatch.funcs is empty, misaligned or not loaded");
    sh->sh_size = 92; /* the 32-bit size */
    pi_shdr(pi, pi->rela_sec[funcs])->sh_size = 0;
    REFUSED(pi, -EINVAL, ".livepatch.funcs is empty, misaligned or not loaded");
    sh->sh_size = 0;
    REFUSED(pi, -EINVAL, ".livepatch.funcs is empty, misaligned or not loaded");
    pi_free(pi);
}

TEST(funcs_must_be_loaded_and_aligned)
{
    struct payload_image *pi = pi_valid_built(1);
    Elf64_Shdr *sh = pi_shdr(pi, pi_section(pi, FUNCS));

    setup();
    sh->sh_flags = 0;
    REFUSED(pi, -EINVAL, ".livepatch.funcs is empty, misaligned or not loaded");
    sh->sh_flags = SHF_ALLOC;
    sh->sh_addralign = 1; /* right after the 23 bytes of .rodata */
    pi_shdr(pi, pi_section(pi, ".rodata"))->sh_size = 23;
    REFUSED(pi, -EINVAL, ".livepatch.funcs is empty, misaligned or not loaded");
    pi_free(pi);
}

TEST(funcs_version_other_than_2_is_eopnotsupp)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    ifunc(pi, 0)->version = 1;
    REFUSED(pi, -EOPNOTSUPP, "function 0: payload format version 1, need 2");
    ifunc(pi, 0)->version = 3;
    REFUSED(pi, -EOPNOTSUPP, "function 0: payload format version 3, need 2");
    ifunc(pi, 0)->version = 2;
    ifunc(pi, 1)->version = 0;
    REFUSED(pi, -EOPNOTSUPP, "function 1: payload format version 0, need 2");
    pi_free(pi);
}

TEST(func_name_must_be_in_the_payload)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    set_funcs_rela(pi, 0, 1, R_NONE); /* name stays NULL */
    REFUSED(pi, -EINVAL, "function 0: name outside the payload");
    ifunc(pi, 0)->name = (const char *)PI_OLD_FUNC;
    REFUSED(pi, -EINVAL, "function 0: name outside the payload");
    pi_free(pi);
}

TEST(old_size_zero_is_einval)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    ifunc(pi, 0)->old_size = 0;
    REFUSED(pi, -EINVAL, "pi_old_func: old_size is 0");
    pi_free(pi);
}

TEST(old_function_must_be_hypervisor_text)
{
    struct payload_image *pi = pi_valid_built(1);
    Elf64_Sym *old = pi_sym(pi, pi_symbol(pi, "pi_old_abs"));

    setup();
    old->st_value = PI_TEXT_ADDR + PI_TEXT_SIZE - 32; /* 64 bytes: straddles the end */
    REFUSED(pi, -EINVAL, "is not hypervisor or payload code");
    old->st_value = 0x1000;
    REFUSED(pi, -EINVAL, "pi_old_func: 0x1000+0x40 is not hypervisor or payload code");
    old->st_value = (unsigned long)__image_start + 0x100; /* fake_boot, not text here */
    REFUSED(pi, -EINVAL, "is not hypervisor or payload code");
    ifunc(pi, 1)->old_addr = (void *)(PI_TEXT_ADDR - 64);
    old->st_value = PI_OLD_FUNC;
    REFUSED(pi, -EINVAL, "pi_nop_func:");
    ifunc(pi, 1)->old_addr = (void *)PI_OLD_NOP;
    old->st_value = PI_TEXT_ADDR + PI_TEXT_SIZE - 64; /* the last 64 bytes are fine */
    LOADS(pi);
    pi_free(pi);
}

TEST(replacement_must_be_in_the_payload_text)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    set_funcs_rela(pi, 1, pi_section_sym(pi, ".rodata"), PI_R_X86_64_64);
    REFUSED(pi, -EINVAL, "pi_old_func: replacement is not in the payload's text");
    pi_build(pi);
    ifunc(pi, 0)->new_size = 49; /* .text is 48 bytes */
    REFUSED(pi, -EINVAL, "pi_old_func: replacement is not in the payload's text");
    ifunc(pi, 0)->new_size = 48;
    LOADS(pi);
    /* One past the end of .text, of size 0: still not in it. */
    set_funcs_rela(pi, 1, pi_section_sym(pi, ".text"), PI_R_X86_64_64);
    pi_rela(pi, pi_section(pi, FUNCS), 1)->r_addend = 48;
    ifunc(pi, 0)->new_size = 0;
    REFUSED(pi, -EINVAL, "pi_old_func: replacement is not in the payload's text");
    pi_rela(pi, pi_section(pi, FUNCS), 1)->r_addend = 47;
    LOADS(pi);
    pi_free(pi);
}

TEST(old_function_too_small_for_a_jump_is_einval)
{
    struct payload_image *pi = pi_valid_built(1);
    Elf64_Sym *old = pi_sym(pi, pi_symbol(pi, "pi_old_abs"));

    setup();
    old->st_value = PI_OLD_SMALL;
    ifunc(pi, 0)->old_size = 4;
    REFUSED(pi, -EINVAL, "pi_old_func: 4 bytes is too small for a 5-byte jump");
    ifunc(pi, 0)->old_size = 5;
    LOADS(pi);
    old->st_value = PI_OLD_ENDBR; /* the jump goes after ENDBR64 */
    ifunc(pi, 0)->old_size = 8;
    REFUSED(pi, -EINVAL, "pi_old_func: 8 bytes is too small for a 9-byte jump");
    ifunc(pi, 0)->old_size = 9;
    LOADS(pi);
    pi_free(pi);
}

TEST(nop_runs_are_bounded)
{
    struct payload_image *pi = pi_valid_built(1);
    struct livepatch_func *nop = ifunc(pi, 1);

    setup();
    nop->new_size = 32;
    REFUSED(pi, -EOPNOTSUPP, "pi_nop_func: NOP run of 32 bytes (1 to 31 allowed)");
    nop->new_size = 0;
    REFUSED(pi, -EOPNOTSUPP, "pi_nop_func: NOP run of 0 bytes");
    nop->new_size = 31;
    LOADS(pi);
    nop->new_size = 5;
    nop->old_size = 4;
    REFUSED(pi, -EINVAL, "pi_nop_func: NOP run longer than the function");
    nop->old_addr = (void *)PI_OLD_ENDBR; /* NOPs go after ENDBR64 too */
    nop->new_size = 3;
    nop->old_size = 6;
    REFUSED(pi, -EINVAL, "pi_nop_func: NOP run longer than the function");
    nop->old_size = 7;
    LOADS(pi);
    /* The last 2 bytes of text: looking for ENDBR64 must not read past them. */
    nop->old_addr = (void *)(PI_TEXT_ADDR + PI_TEXT_SIZE - 2);
    nop->old_size = 2;
    nop->new_size = 1;
    LOADS(pi);
    pi_free(pi);
}

TEST(function_patched_twice_is_einval)
{
    struct payload_image *pi = pi_valid_built(1);

    setup();
    ifunc(pi, 1)->old_addr = (void *)PI_OLD_FUNC;
    REFUSED(pi, -EINVAL, "pi_nop_func is patched twice");
    pi_free(pi);
}

/* --- Symbols and duplicates --------------------------------------------------- */

TEST(unresolved_symbol_is_enoent)
{
    struct payload_image *pi = pi_valid(1);

    setup();
    strcpy(pi->sym[pi_symbol(pi, "fake_data")].name, "no_such_symbol");
    pi_build(pi);
    REFUSED(pi, -ENOENT, "unresolved symbol no_such_symbol");
    pi_free(pi);
}

TEST(duplicate_payload_build_id_is_eexist)
{
    struct payload_image *a = pi_valid_built(1), *b = pi_valid_built(2);
    uint8_t *id = pi_bytes(b, pi_section(b, ".note.gnu.build-id"));

    setup();
    REQUIRE(pi_upload(a->buf, a->len, "a") == 0);
    base = pi_mem_now();
    memcpy(id + 16, "pi-payload-id-000001", 20); /* a's */
    REFUSED(b, -EEXIST, "a payload with the same build-id is already loaded");
    id[16 + 19] = '2';
    LOADS(b);
    pi_free(a);
    pi_free(b);
}

TEST(duplicate_name_is_eexist)
{
    struct payload_image *a = pi_valid_built(1), *b = pi_valid_built(2);

    setup();
    REQUIRE(pi_upload(a->buf, a->len, "bad") == 0);
    fake_console_clear();
    CHECK_EQ(pi_upload(b->buf, b->len, "bad"), -EEXIST);
    CHECK(strstr(fake_console_output(), "livepatch: bad: a payload with this name is loaded"));
    CHECK(lp_port_build_id_loaded((const uint8_t *)"pi-payload-id-000001", 20));
    CHECK(!lp_port_build_id_loaded((const uint8_t *)"pi-payload-id-000002", 20));
    pi_free(a);
    pi_free(b);
}

TEST(duplicate_new_symbol_is_eexist)
{
    struct payload_image *a = pi_valid_built(1), *b = pi_valid(2);
    unsigned int helper = pi_symbol(b, "pi_helper_2");

    setup();
    strcpy(b->sym[helper].name, "fake_boot"); /* the hypervisor's */
    pi_build(b);
    REFUSED(b, -EEXIST, "duplicate new symbol fake_boot");
    REQUIRE(pi_upload(a->buf, a->len, "a") == 0);
    base = pi_mem_now();
    strcpy(b->sym[helper].name, "pi_helper_1"); /* a's */
    pi_build(b);
    REFUSED(b, -EEXIST, "duplicate new symbol pi_helper_1");
    strcpy(b->sym[helper].name, "pi_helper_2");
    pi_build(b);
    LOADS(b);
    pi_free(a);
    pi_free(b);
}

TEST(equal_static_names_in_two_payloads_do_not_clash)
{
    struct payload_image *a = pi_valid_built(1), *b = pi_valid(2);

    setup();
    REQUIRE(pi_upload(a->buf, a->len, "a") == 0);
    base = pi_mem_now();
    strcpy(b->sym[pi_symbol(b, "pi_hook_2")].name, "pi_hook_1"); /* a local of a's */
    pi_build(b);
    LOADS(b);
    pi_free(a);
    pi_free(b);
}

/* --- Hooks, metadata, and having something to do ------------------------------- */

static const char *const single_hooks[] = {
    ".livepatch.hooks.preapply",  ".livepatch.hooks.apply",  ".livepatch.hooks.postapply",
    ".livepatch.hooks.prerevert", ".livepatch.hooks.revert", ".livepatch.hooks.postrevert",
};

TEST(hooks_are_read_into_the_payload)
{
    struct payload_image *pi = pi_valid(1);
    unsigned long hook;
    struct payload *p;

    setup();
    pi_add_hooks(pi, ".livepatch.hooks.load", 2);
    pi_add_hooks(pi, ".livepatch.hooks.unload", 3);
    for (unsigned int i = 0; i < 6; i++)
        pi_add_hooks(pi, single_hooks[i], 1);
    pi_build(pi);
    p = LOADED(pi);
    REQUIRE(p);
    hook = p->mem.addr + p->mem.text_off + 32;
    CHECK_EQ(p->n_load_funcs, 2);
    CHECK_EQ(p->n_unload_funcs, 3);
    CHECK_EQ((unsigned long)p->load_funcs[1], hook);
    CHECK_EQ((unsigned long)p->unload_funcs[2], hook);
    CHECK_EQ((unsigned long)p->preapply, hook);
    CHECK_EQ((unsigned long)p->apply_action, hook);
    CHECK_EQ((unsigned long)p->postapply, hook);
    CHECK_EQ((unsigned long)p->prerevert, hook);
    CHECK_EQ((unsigned long)p->revert_action, hook);
    CHECK_EQ((unsigned long)p->postrevert, hook);
    pi_free(pi);
}

TEST(single_hook_with_two_entries_is_einval)
{
    setup();
    for (unsigned int i = 0; i < 6; i++) {
        struct payload_image *pi = pi_valid(1);
        char reason[80];

        pi_add_hooks(pi, single_hooks[i], 2);
        pi_build(pi);
        snprintf(reason, sizeof(reason), "%s: must hold exactly one function", single_hooks[i]);
        REFUSED(pi, -EINVAL, reason);
        pi_free(pi);
    }
}

TEST(hook_outside_the_payload_text_is_einval)
{
    struct payload_image *pi = pi_valid(1);
    unsigned int load = pi_add_hooks(pi, ".livepatch.hooks.load", 2);
    unsigned int pre = pi_add_hooks(pi, ".livepatch.hooks.preapply", 1);

    setup();
    pi_build(pi);
    pi_rela(pi, load, 1)->r_info = (uint64_t)pi_section_sym(pi, ".rodata") << 32 | PI_R_X86_64_64;
    REFUSED(pi, -EINVAL, ".livepatch.hooks.load: hook 1 is not in the payload's text");
    pi_build(pi);
    pi_rela(pi, pre, 0)->r_info = (uint64_t)pi_section_sym(pi, ".text") << 32 | R_NONE; /* NULL */
    REFUSED(pi, -EINVAL, ".livepatch.hooks.preapply: hook 0 is not in the payload's text");
    pi_rela(pi, pre, 0)->r_info = (uint64_t)pi_section_sym(pi, ".text") << 32 | PI_R_X86_64_64;
    pi_rela(pi, pre, 0)->r_addend = 48; /* the end of .text */
    REFUSED(pi, -EINVAL, ".livepatch.hooks.preapply: hook 0 is not in the payload's text");
    pi_rela(pi, pre, 0)->r_addend = 47;
    LOADS(pi);
    pi_free(pi);
}

TEST(malformed_hook_arrays_are_einval)
{
    struct payload_image *pi = pi_valid(1);
    unsigned int load = pi_add_hooks(pi, ".livepatch.hooks.load", 1);
    unsigned int pre = pi_add_hooks(pi, ".livepatch.hooks.preapply", 1);

    setup();
    pi_build(pi);
    pi_shdr(pi, load)->sh_size = 12;
    REFUSED(pi, -EINVAL, ".livepatch.hooks.load: malformed hook array");
    pi_shdr(pi, load)->sh_size = 8;
    pi_shdr(pi, pre)->sh_size = 0;
    pi_shdr(pi, pi->rela_sec[pre])->sh_size = 0;
    REFUSED(pi, -EINVAL, ".livepatch.hooks.preapply: must hold exactly one function");
    pi_shdr(pi, pre)->sh_size = 8;
    pi_shdr(pi, pre)->sh_flags = 0; /* not loaded */
    REFUSED(pi, -EINVAL, ".livepatch.hooks.preapply: must hold exactly one function");
    pi_free(pi);
}

TEST(a_payload_of_hooks_only_is_accepted)
{
    struct payload_image *pi = pi_valid(1);

    setup();
    pi_rename(pi, FUNCS, ".livepatch.funcz");
    pi_add_hooks(pi, ".livepatch.hooks.load", 1);
    pi_build(pi);
    LOADS(pi);
    pi_free(pi);
}

TEST(nothing_to_patch_is_einval)
{
    struct payload_image *pi = pi_valid(1);

    setup();
    pi_rename(pi, FUNCS, ".livepatch.funcz");
    pi_build(pi);
    REFUSED(pi, -EINVAL, "nothing to patch: no functions and no hooks");
    pi_free(pi);
}

TEST(modinfo_must_be_nul_terminated)
{
    struct payload_image *pi = pi_valid_built(1);
    unsigned int mod = pi_section(pi, ".modinfo");
    Elf64_Shdr *sh = pi_shdr(pi, mod);
    struct payload *p;

    setup();
    pi_bytes(pi, mod)[sh->sh_size - 1] = 'x';
    REFUSED(pi, -EINVAL, ".modinfo is not NUL-terminated key=value strings");
    sh->sh_type = SHT_NOBITS;
    REFUSED(pi, -EINVAL, ".modinfo is not NUL-terminated");
    sh->sh_type = SHT_PROGBITS;
    sh->sh_size = 0; /* empty: no metadata */
    p = LOADED(pi);
    REQUIRE(p);
    CHECK_EQ(p->metadata_len, 0);
    CHECK(!p->metadata);
    pi_free(pi);
}
