/* SPDX-License-Identifier: MIT */
/*
 * LIST as Xen 4.17 defines it: a probe (nr = 0) gives the count, the
 * version stamp and the bytes needed for names and metadata; then batches
 * from idx fill back-to-back names with their lengths, states and the
 * .modinfo strings, and nr comes back as the number left.  The version
 * changes on every upload and unload (not on apply); nr > 1024 is -E2BIG
 * and idx past the end -EINVAL.
 */
#include <xtf.h>
#include <xtf/livepatch.h>

const char test_title[] = "Live patching: LIST";

static const char *const names[] = { "hello", "replace", "nop", "expectations" };

static long list(struct xen_sysctl_livepatch_list *l)
{
    struct xen_sysctl op = { .cmd = XEN_SYSCTL_livepatch_op };
    long rc;

    op.u.livepatch.cmd = XEN_SYSCTL_LIVEPATCH_LIST;
    op.u.livepatch.u.list = *l;
    rc = hypercall_sysctl(&op);
    *l = op.u.livepatch.u.list;
    return rc;
}

static uint32_t probe(uint32_t *count, uint32_t *name_bytes)
{
    struct xen_sysctl_livepatch_list l = { 0 };

    XTF_EXPECT(list(&l), 0);
    *count = l.nr;
    *name_bytes = l.name_total_size;
    return l.version;
}

/* Fetches entries two at a time and checks them against names[]. */
static void fetch_in_batches(void)
{
    static xen_livepatch_status_t st[2];
    static uint32_t len[2], meta_len[2];
    static char name_buf[256], meta_buf[256];
    uint32_t idx = 0;

    while (idx < ARRAY_SIZE(names)) {
        struct xen_sysctl_livepatch_list l = { .idx = idx, .nr = 2 };
        long got;
        const char *n = name_buf;

        set_xen_guest_handle(l.status, st);
        set_xen_guest_handle(l.name, name_buf);
        set_xen_guest_handle(l.len, len);
        set_xen_guest_handle(l.metadata, meta_buf);
        set_xen_guest_handle(l.metadata_len, meta_len);
        got = list(&l);
        XTF_EXPECT(got, 2);
        XTF_EXPECT(l.nr, ARRAY_SIZE(names) - idx - 2);
        for (long i = 0; i < got && i < 2; i++) {
            if (strcmp(n, names[idx + i]) || len[i] != strlen(names[idx + i]) + 1)
                xtf_failure("entry %ld: name '%s' (%u bytes)", idx + i, n, len[i]);
            XTF_EXPECT(st[i].state, LIVEPATCH_STATE_CHECKED);
            n += len[i];
        }
        if (idx == 0 && (meta_len[0] == 0 || strcmp(meta_buf, "name=hello")))
            xtf_failure("hello's metadata: '%s' (%u bytes)", meta_buf, meta_len[0]);
        idx += 2;
    }
}

void test_main(void)
{
    struct xen_sysctl_livepatch_list bad = { .nr = 1025 };
    uint32_t count, bytes, v0, v;

    v0 = probe(&count, &bytes);
    XTF_EXPECT(count, 0);
    for (unsigned int i = 0; i < ARRAY_SIZE(names); i++) {
        char file[48];

        snprintf(file, sizeof(file), "%s.livepatch", names[i]);
        XTF_EXPECT(lp_upload_file(names[i], file), 0);
    }
    v = probe(&count, &bytes);
    XTF_EXPECT(count, ARRAY_SIZE(names));
    XTF_EXPECT(v, v0 + ARRAY_SIZE(names));
    XTF_EXPECT(bytes, sizeof("hello") + sizeof("replace") + sizeof("nop") + sizeof("expectations"));
    fetch_in_batches();

    lp_expect_run("replace", LIVEPATCH_ACTION_APPLY, 0);
    XTF_EXPECT(probe(&count, &bytes), v); /* apply leaves the stamp alone */
    lp_expect_run("replace", LIVEPATCH_ACTION_REVERT, 0);

    XTF_EXPECT(list(&bad), -XEN_E2BIG);
    bad = (struct xen_sysctl_livepatch_list){ .idx = 4, .nr = 1 };
    XTF_EXPECT(list(&bad), -XEN_EINVAL);
    bad = (struct xen_sysctl_livepatch_list){ .pad = 1 };
    XTF_EXPECT(list(&bad), -XEN_EINVAL);

    for (unsigned int i = 0; i < ARRAY_SIZE(names); i++)
        XTF_EXPECT(lp_action(names[i], LIVEPATCH_ACTION_UNLOAD, 0, 0), 0);
    XTF_EXPECT(probe(&count, &bytes), v + ARRAY_SIZE(names));
    if (!xtf_status_reported())
        xtf_success(NULL);
}
