/* SPDX-License-Identifier: MIT */
/*
 * Bad payloads are refused with Xen's errors and leave nothing behind: a
 * relocation that overflows, an unresolvable and a duplicate symbol, a
 * payload built for another hypervisor (all signed, so the ELF checks see
 * them), truncated and garbage images (with livepatch_sig=enforce, the
 * default, the signature check finds no section table and refuses them as
 * unsigned before anything else looks at them), bad names and sizes.  Memory returns to its baseline over upload/unload
 * cycles.
 */
#include <xtf.h>
#include <xtf/bundle.h>
#include <xtf/livepatch.h>

const char test_title[] = "Live patching: bad payloads are refused";

static uint64_t free_pages(void)
{
    struct xen_sysctl_physinfo pi;

    return sysctl_physinfo(&pi) ? 0 : pi.free_pages;
}

/* UPLOAD with a name of exactly @name_size bytes. */
static long upload_named(const char *name, uint16_t name_size, const void *image, size_t size)
{
    struct xen_sysctl op = { .cmd = XEN_SYSCTL_livepatch_op };
    static char padded[256];

    strlcpy(padded, name, sizeof(padded)); /* the rest stays NUL: any size is readable */
    op.u.livepatch.cmd = XEN_SYSCTL_LIVEPATCH_UPLOAD;
    set_xen_guest_handle(op.u.livepatch.u.upload.name.name, padded);
    op.u.livepatch.u.upload.name.size = name_size;
    set_xen_guest_handle(op.u.livepatch.u.upload.payload, (uint8_t *)(uintptr_t)image);
    op.u.livepatch.u.upload.size = size;
    return hypercall_sysctl(&op);
}

static void bad_images(void)
{
    static uint8_t garbage[4096];
    size_t size;
    const void *hello = bundle_file("hello.livepatch", &size);

    XTF_EXPECT(lp_upload_file("r", "bad_reloc.livepatch"), -XEN_EOVERFLOW);
    XTF_EXPECT(lp_upload_file("u", "unresolved.livepatch"), -XEN_ENOENT);
    XTF_EXPECT(lp_upload_file("d", "dup_symbol.livepatch"), -XEN_EEXIST);
    XTF_EXPECT(lp_upload_file("o", "hello-other-build.livepatch"), -XEN_EINVAL);
    XTF_EXPECT(lp_upload_file("n", "no_xen_buildid.livepatch"), -XEN_EINVAL);
    if (!hello) {
        xtf_error("no hello payload in the bundle");
        return;
    }
    for (size_t cut = 0; cut < size; cut += size / 7)
        XTF_EXPECT(lp_upload("t", hello, cut ? cut : 1), -XEN_EACCES);
    memset(garbage, 0x5a, sizeof(garbage));
    XTF_EXPECT(lp_upload("g", garbage, sizeof(garbage)), -XEN_EACCES);
    XTF_EXPECT(lp_upload("z", hello, 0), -XEN_EINVAL);
    XTF_EXPECT(lp_upload("big", hello, (2u << 20) + 1), -XEN_EINVAL);
    XTF_EXPECT(upload_named("abc", 0, hello, size), -XEN_EINVAL);   /* no name */
    XTF_EXPECT(upload_named("abc", 3, hello, size), -XEN_EINVAL);   /* no NUL */
    XTF_EXPECT(upload_named("abc", 129, hello, size), -XEN_EINVAL); /* too long */
    XTF_EXPECT(lp_count(), 0);
}

static void no_leak(void)
{
    uint64_t baseline = 0;

    for (int i = 0; i < 8; i++) {
        XTF_EXPECT(lp_upload_file("hello", "hello.livepatch"), 0);
        lp_expect_run("hello", LIVEPATCH_ACTION_APPLY, 0);
        lp_expect_run("hello", LIVEPATCH_ACTION_REVERT, 0);
        XTF_EXPECT(lp_action("hello", LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
        if (i == 1)
            baseline = free_pages(); /* the heap is warm after two rounds */
        else if (i > 1 && free_pages() != baseline)
            xtf_failure("round %d: %lu free pages, %lu before", i, (unsigned long)free_pages(),
                        (unsigned long)baseline);
    }
}

void test_main(void)
{
    bad_images();
    no_leak();
    if (!xtf_status_reported())
        xtf_success(NULL);
}
