/* SPDX-License-Identifier: MIT */
/*
 * livepatch-dryrun --xen-syms XEN-SYMS PAYLOAD...: loads each payload with
 * the hypervisor's own loader (hypervisor/common/livepatch, built for the
 * host on the fake arch) as the running hypervisor would: every ELF check,
 * the target build-id, section placement, symbol resolution against
 * XEN-SYMS, relocation with every field checked, and the live-patch
 * sections.  Nothing is applied.  Exit 0 if every payload loads, else 1.
 *
 * The loader's porting interface is redirected (ld --wrap) to XEN-SYMS:
 * payload memory is a host buffer (the view) with the run-time address a
 * payload gets in the hypervisor (its vmap area), so relocations produce
 * the bytes the hypervisor would; symbols, text bounds and the build-id
 * come from XEN-SYMS, and old code is read from its text.  Signatures are
 * checked in log mode against the keys this tool was built with: the
 * verdict is reported, the hypervisor's own keys decide.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hv/livepatch.h>
#include <hv/livepatch_arch.h>
#include <hv/livepatch_port.h>
#include <hv/mm.h>

#include "../../hypervisor/common/livepatch/private.h"
#include "fake.h"
#include "target.h"

#define MACHINE_SIZE MiB(64)
#define EM_X86_64 62
/* Where the x86_64 hypervisor puts payloads: its vmap area. */
#define PAYLOAD_BASE 0xffffffffc0000000UL

static struct target target;
static unsigned long next_payload_addr = PAYLOAD_BASE;

int __wrap_lp_port_mem_alloc(struct lp_mem *m);
int __wrap_lp_port_mem_protect(struct lp_mem *m);
void __wrap_lp_port_mem_free(struct lp_mem *m);
unsigned long __wrap_lp_port_resolve(const char *name);
bool __wrap_lp_port_symbol_exists(const char *name);
bool __wrap_lp_port_is_text(unsigned long addr, size_t len);
bool __wrap_lp_port_hv_build_id(const uint8_t **id, unsigned int *len);
bool __wrap_lp_port_build_id_loaded(const uint8_t *id, unsigned int len);
unsigned int __wrap_arch_livepatch_patch_offset(const struct livepatch_func *f);
unsigned int __real_arch_livepatch_patch_offset(const struct livepatch_func *f);

int __wrap_lp_port_mem_alloc(struct lp_mem *m)
{
    m->view = aligned_alloc(PAGE_SIZE, m->total);
    if (!m->view)
        return -ENOMEM;
    memset(m->view, 0, m->total);
    m->priv = m->view;
    m->addr = next_payload_addr;
    next_payload_addr += m->total;
    return 0;
}

int __wrap_lp_port_mem_protect(struct lp_mem *m)
{
    (void)m;
    return 0;
}

void __wrap_lp_port_mem_free(struct lp_mem *m)
{
    free(m->priv);
    m->priv = NULL;
}

unsigned long __wrap_lp_port_resolve(const char *name)
{
    return target_symbol(&target, name);
}

bool __wrap_lp_port_symbol_exists(const char *name)
{
    return target_symbol(&target, name) != 0;
}

bool __wrap_lp_port_is_text(unsigned long addr, size_t len)
{
    return target_text(&target, addr, len) != NULL;
}

bool __wrap_lp_port_hv_build_id(const uint8_t **id, unsigned int *len)
{
    *id = target.build_id;
    *len = target.build_id_len;
    return true;
}

bool __wrap_lp_port_build_id_loaded(const uint8_t *id, unsigned int len)
{
    (void)id;
    (void)len;
    return false;
}

/* Looks for ENDBR64 in the running hypervisor's copy of the old code. */
unsigned int __wrap_arch_livepatch_patch_offset(const struct livepatch_func *f)
{
    struct livepatch_func copy = *f;
    const uint8_t *code = target_text(&target, (uint64_t)(uintptr_t)f->old_addr, f->old_size);

    if (!code)
        return 0;
    copy.old_addr = (void *)code;
    return __real_arch_livepatch_patch_offset(&copy);
}

static void boot_fake_hypervisor(void)
{
    fake_boot_memory(MACHINE_SIZE);
    livepatch_sig_init("livepatch_sig=log");
    fake_console_clear();
}

static void *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    void *buf = NULL;
    long len;

    if (f && !fseek(f, 0, SEEK_END) && (len = ftell(f)) > 0 && !fseek(f, 0, SEEK_SET) &&
        (buf = malloc((size_t)len)) && fread(buf, 1, (size_t)len, f) == (size_t)len)
        *size = (size_t)len;
    else {
        free(buf);
        buf = NULL;
    }
    if (f)
        fclose(f);
    return buf;
}

/* The payload's name: the file's base name without ".livepatch". */
static void payload_name(const char *path, char *name, size_t len)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t n = strcspn(base, ".");

    snprintf(name, len, "%.*s", (int)(n < len - 1 ? n : len - 1), base);
}

static int dry_run(const char *path)
{
    char name[XEN_LIVEPATCH_NAME_SIZE];
    size_t size = 0;
    void *image = read_file(path, &size);
    const struct payload *p;
    int rc;

    if (!image) {
        fprintf(stderr, "livepatch-dryrun: cannot read %s\n", path);
        return 1;
    }
    payload_name(path, name, sizeof(name));
    fake_console_clear();
    rc = lp_upload(name, image, size);
    free(image);
    fputs(fake_console_output(), stdout);
    p = rc ? NULL : lp_find(name);
    if (!p) {
        printf("livepatch-dryrun: %s: refused (%d): the hypervisor would refuse it too\n", name,
               rc);
        return 1;
    }
    printf("livepatch-dryrun: %s loads: %u function(s) to patch, %zu bytes of text\n", name,
           p->nfuncs, p->mem.text_size);
    return 0;
}

int main(int argc, char **argv)
{
    int failed = 0;

    if (argc < 4 || strcmp(argv[1], "--xen-syms")) {
        fprintf(stderr, "usage: livepatch-dryrun --xen-syms XEN-SYMS PAYLOAD...\n");
        return 1;
    }
    if (target_load(&target, argv[2]))
        return 1;
    if (target.machine != EM_X86_64) {
        fprintf(stderr,
                "livepatch-dryrun: %s is not an x86_64 hypervisor: this host build of "
                "the loader dry-runs x86_64 payloads only\n",
                argv[2]);
        return 1;
    }
    boot_fake_hypervisor();
    for (int i = 3; i < argc; i++)
        failed |= dry_run(argv[i]);
    return failed;
}
