/* SPDX-License-Identifier: MIT */
/*
 * Request bodies in, hypercalls out, reply bodies back (the layouts are in
 * ../relay_protocol.h).  A reply starts with the hypercall's answer; the
 * relay adds nothing of its own judgement, so the client sees exactly what
 * the hypervisor said.
 */
#include "service.h"
#include "run.h"

#include <xtf.h>
#include <xtf/livepatch.h>

#define BUILD_ID_MAX 64

/*
 * LIST's arrays, which the hypervisor fills.  A batch is cut to what both
 * these and a reply body hold; one payload's metadata (at most its size)
 * always fits.
 */
#define LIST_BATCH_MAX 128
#define LIST_ENTRY_OVERHEAD 16 /* state, rc, name length, metadata length */
static struct xen_livepatch_status list_status[LIST_BATCH_MAX];
static uint32_t list_len[LIST_BATCH_MAX], list_metadata_len[LIST_BATCH_MAX];
static char list_names[LIST_BATCH_MAX * XEN_LIVEPATCH_NAME_SIZE];
static char list_metadata[RELAY_MAX_PAYLOAD];

static long hello(struct relay_cursor *out)
{
    struct {
        struct xen_build_id id;
        unsigned char bytes[BUILD_ID_MAX];
    } bid = { .id.len = BUILD_ID_MAX };
    char extra[XEN_EXTRAVERSION_LEN] = { 0 };
    long version = hypercall_xen_version(XENVER_version, NULL);
    long len = hypercall_xen_version(XENVER_build_id, &bid);
    long rc = hypercall_xen_version(XENVER_extraversion, extra);

    if (version < 0 || len < 0 || rc < 0) {
        relay_put_u32(out, (uint32_t)(version < 0 ? version : len < 0 ? len : rc));
        return 0;
    }
    relay_put_u32(out, 0);
    relay_put_u32(out, RELAY_VERSION);
    relay_put_u32(out, RELAY_MAX_BODY);
    relay_put_u32(out, (uint32_t)version);
    relay_put_bytes(out, extra, sizeof(extra));
    relay_put_u16(out, (uint16_t)len);
    relay_put_bytes(out, bid.bytes, (size_t)len);
    return 0;
}

static long upload(struct relay_cursor *in, struct relay_cursor *out, const char **why)
{
    uint32_t flags = relay_get_u32(in);
    const char *name = relay_get_string(in, XEN_LIVEPATCH_NAME_SIZE);
    size_t size = in->len - in->pos;

    if (!name)
        return *why = "UPLOAD: no well-formed name", -XEN_EINVAL;
    if (flags)
        return *why = "UPLOAD: Xen 4.17's upload takes no flags", -XEN_EOPNOTSUPP;
    relay_put_u32(out, (uint32_t)lp_upload(name, in->buf + in->pos, size));
    return 0;
}

static long get(struct relay_cursor *in, struct relay_cursor *out, const char **why)
{
    const char *name = relay_get_string(in, XEN_LIVEPATCH_NAME_SIZE);
    struct xen_livepatch_status st = { 0 };
    long rc;

    if (!name)
        return *why = "GET: no well-formed name", -XEN_EINVAL;
    rc = lp_get(name, &st);
    relay_put_u32(out, (uint32_t)rc);
    if (!rc) {
        relay_put_u32(out, st.state);
        relay_put_u32(out, (uint32_t)st.rc);
    }
    return 0;
}

/* How many entries from @want to ask for, given the probe's totals in @probe. */
static uint32_t list_batch(uint32_t want, const struct xen_sysctl_livepatch_list *probe)
{
    uint32_t n = want < LIST_BATCH_MAX ? want : LIST_BATCH_MAX;
    uint64_t worst = (uint64_t)probe->metadata_total_size + probe->name_total_size +
                     (uint64_t)n * LIST_ENTRY_OVERHEAD + 64;

    if (probe->metadata_total_size > sizeof(list_metadata) || worst > RELAY_MAX_BODY)
        n = n ? 1 : 0;
    return n;
}

static void put_list_entries(struct relay_cursor *out, uint32_t entries)
{
    uint32_t name_off = 0, meta_off = 0;

    for (uint32_t i = 0; i < entries; i++) {
        relay_put_u32(out, list_status[i].state);
        relay_put_u32(out, (uint32_t)list_status[i].rc);
        relay_put_u16(out, (uint16_t)list_len[i]);
        relay_put_bytes(out, list_names + name_off, list_len[i]);
        relay_put_u32(out, list_metadata_len[i]);
        relay_put_bytes(out, list_metadata + meta_off, list_metadata_len[i]);
        name_off += list_len[i];
        meta_off += list_metadata_len[i];
    }
}

/* A probe for the totals, then one LIST sysctl of a batch that fits. */
static long list(struct relay_cursor *in, struct relay_cursor *out, const char **why)
{
    uint32_t idx = relay_get_u32(in), want = relay_get_u32(in);
    struct xen_sysctl_livepatch_list probe = { 0 }, l = { .idx = idx };
    long rc;

    if (in->overflow)
        return *why = "LIST: body too short", -XEN_EINVAL;
    rc = lp_list(&probe);
    l.nr = list_batch(want, &probe);
    if (!rc && l.nr) {
        set_xen_guest_handle(l.status, list_status);
        set_xen_guest_handle(l.name, list_names);
        set_xen_guest_handle(l.len, list_len);
        set_xen_guest_handle(l.metadata, list_metadata);
        set_xen_guest_handle(l.metadata_len, list_metadata_len);
        rc = lp_list(&l);
    } else {
        l = probe;
    }
    relay_put_u32(out, (uint32_t)rc);
    if (rc < 0)
        return 0;
    relay_put_u32(out, l.version);
    relay_put_u32(out, l.nr);
    relay_put_u32(out, l.name_total_size);
    relay_put_u32(out, l.metadata_total_size);
    relay_put_u32(out, (uint32_t)rc);
    put_list_entries(out, (uint32_t)rc);
    return 0;
}

static long action(struct relay_cursor *in, struct relay_cursor *out, const char **why)
{
    uint32_t cmd = relay_get_u32(in), timeout_ns = relay_get_u32(in), flags = relay_get_u32(in);
    const char *name = relay_get_string(in, XEN_LIVEPATCH_NAME_SIZE);

    if (!name)
        return *why = "ACTION: no well-formed name", -XEN_EINVAL;
    relay_put_u32(out, (uint32_t)lp_action(name, cmd, timeout_ns, flags));
    return 0;
}

long service_handle(const struct link_request *req, uint8_t *out, const char **why)
{
    struct relay_cursor in, reply;
    long rc;

    relay_cursor_init(&in, req->body, req->h.length);
    relay_cursor_init(&reply, out, RELAY_MAX_BODY);
    switch (req->h.type) {
    case RELAY_REQ_HELLO:
        rc = hello(&reply);
        break;
    case RELAY_REQ_UPLOAD:
        rc = upload(&in, &reply, why);
        break;
    case RELAY_REQ_GET:
        rc = get(&in, &reply, why);
        break;
    case RELAY_REQ_LIST:
        rc = list(&in, &reply, why);
        break;
    case RELAY_REQ_ACTION:
        rc = action(&in, &reply, why);
        break;
    case RELAY_REQ_RUN:
        rc = run_guest(&in, &reply, why);
        break;
    default:
        *why = "unknown request type";
        return -XEN_EOPNOTSUPP;
    }
    if (rc)
        return rc;
    if (reply.overflow)
        return *why = "reply too long for a frame", -XEN_E2BIG;
    return (long)reply.pos;
}
