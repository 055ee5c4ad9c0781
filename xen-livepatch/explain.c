/* SPDX-License-Identifier: MIT */
/* Why the hypervisor refused (see explain.h). */
#include <errno.h>
#include <string.h>

#include "explain.h"
#include "list.h"
#include "output.h"
#include "payload_info.h"

#define CONSOLE_HINT "The hypervisor's console log names the reason.\n"

/* Compares the payload's .livepatch.xen_depends with the running hypervisor: true if explained. */
static bool explain_build_id(struct cli *c, const char *file, const void *image, size_t size)
{
    char want[2 * LP_BUILD_ID_MAX + 1], have[2 * LP_BUILD_ID_MAX + 1];
    uint8_t hv[LP_BUILD_ID_MAX];
    struct payload_info pi;
    int len;

    if (payload_info_read(image, size, &pi)) {
        fprintf(c->err, "%s is not an ELF file, so not a live-patch payload.\n", file);
        return true;
    }
    if (!pi.xen_depends.present) {
        fprintf(c->err,
                "%s has no .livepatch.xen_depends build-id note: it does not say which "
                "hypervisor it was built for.\n",
                file);
        return true;
    }
    len = backend_build_id(c->b, hv, sizeof(hv));
    if (len <= 0) {
        fprintf(c->err,
                "(Cannot read the hypervisor's build-id to compare with the payload's: %s.)\n",
                strerror(errno));
        return false;
    }
    if ((uint32_t)len == pi.xen_depends.len && !memcmp(hv, pi.xen_depends.id, (size_t)len))
        return false;
    fprintf(c->err,
            "%s was built for another hypervisor:\n"
            "  the payload needs build-id %s (.livepatch.xen_depends)\n"
            "  the running hypervisor is  %s\n",
            file, payload_build_id_hex(pi.xen_depends.id, pi.xen_depends.len, want),
            payload_build_id_hex(hv, (uint32_t)len, have));
    return true;
}

static void explain_exists(struct cli *c, const char *name, const void *image, size_t size)
{
    char hex[2 * LP_BUILD_ID_MAX + 1];
    struct payload_info pi;
    struct lp_status st;

    if (!backend_livepatch_get(c->b, (char *)name, &st)) {
        fprintf(c->err,
                "A payload named '%s' is already uploaded (%s): unload it first, or upload "
                "under another name.\n",
                name, output_state_name(st.state));
        return;
    }
    if (!payload_info_read(image, size, &pi) && pi.self.present)
        fprintf(c->err,
                "The hypervisor already has a payload with this build-id (%s), under another "
                "name; 'xen-livepatch list' shows the payloads.\n",
                payload_build_id_hex(pi.self.id, pi.self.len, hex));
    else
        fputs(CONSOLE_HINT, c->err);
}

/* One line for the errors whose cause the errno alone tells. */
static const char *upload_hint(int err)
{
    switch (err) {
    case ENODATA:
        return "The running hypervisor has no build-id, so it takes no payloads.";
    case ENOENT:
        return "The payload needs a symbol the running hypervisor does not have.";
    case EOVERFLOW:
        return "A relocation or a patched function is out of reach in the running hypervisor.";
    case EOPNOTSUPP:
        return "The payload uses an ELF or payload feature the hypervisor does not support.";
    case ENOMEM:
        return "The hypervisor has no memory left for the payload.";
    case EPERM:
        return "Only the control domain may live-patch the hypervisor.";
    case EACCES:
        return "The payload is not signed and the hypervisor enforces signatures "
               "(livepatch_sig=enforce); or this tool's sysctl interface version is not the "
               "hypervisor's.";
    case ENXIO:
        return "The payload is signed with a key the running hypervisor does not trust.";
    case EBADMSG:
        return "The payload's signature does not verify: it changed after signing, or its "
               ".note.Xen.signature is malformed.";
    }
    return NULL;
}

void explain_upload(struct cli *c, const char *name, const char *file, const void *image,
                    size_t size, int err)
{
    const char *hint = upload_hint(err);

    if (backend_message(c->b))
        return;
    if (err == EEXIST) {
        explain_exists(c, name, image, size);
        return;
    }
    if (explain_build_id(c, file, image, size))
        return;
    if (hint)
        fprintf(c->err, "%s\n", hint);
    else
        fputs(CONSOLE_HINT, c->err);
}

void explain_get(struct cli *c, const char *name, int err)
{
    if (err == ENOENT && !backend_message(c->b))
        fprintf(c->err,
                "No payload named '%s' is uploaded; 'xen-livepatch list' shows the payloads.\n",
                name);
}

/* Reverting is refused while payloads applied after this one stay applied: name them. */
static void explain_busy(struct cli *c, enum cli_cmd cmd, const char *name)
{
    struct list_failure why;
    struct lp_list l;
    int i, later = 0;

    if (list_fetch(c->b, &l, &why)) {
        fprintf(c->err, "The hypervisor is busy: try again.\n");
        return;
    }
    for (unsigned int j = 0; j < l.n; j++)
        if (l.e[j].status.rc == -EAGAIN) {
            fprintf(c->err, "Another live-patch action is in progress (on %s): try again.\n",
                    l.e[j].name);
            goto out;
        }
    i = list_find(&l, name);
    for (unsigned int j = (unsigned int)i + 1; cmd == CMD_REVERT && i >= 0 && j < l.n; j++) {
        if (l.e[j].status.state != LP_STATE_APPLIED)
            continue;
        fprintf(c->err, "%s%s",
                later++ ? ", " : "Payloads applied after it are still applied: ", l.e[j].name);
    }
    if (later)
        fprintf(c->err,
                ".\nRevert %s first%s. (From 'xen-livepatch list': the applied payloads "
                "uploaded after %s; the list shows upload order.)\n",
                later > 1 ? "them" : "it", later > 1 ? ", the newest first" : "", name);
    else
        fprintf(c->err, "The hypervisor is busy with another live-patch action: try again.\n");
out:
    list_free(&l);
}

void explain_action(struct cli *c, enum cli_cmd cmd, const char *name, int err, bool in_status)
{
    if (backend_message(c->b))
        return;
    if (err == ENOENT && !in_status) {
        explain_get(c, name, err);
    } else if (err == EBUSY && in_status) {
        fprintf(c->err,
                "Not every CPU reached a safe point within the action's timeout: try again, "
                "or give a longer --timeout.\n");
    } else if (err == EBUSY) {
        explain_busy(c, cmd, name);
    } else if (err == EINVAL && (cmd == CMD_APPLY || cmd == CMD_REPLACE || cmd == CMD_LOAD)) {
        fprintf(c->err,
                "The hypervisor refused to apply %s: its .livepatch.depends must be the "
                "build-id of the payload applied last (or of the hypervisor), unless --nodeps; "
                "and a reverted payload with writable data cannot be applied again.\n" CONSOLE_HINT,
                name);
    } else if (err == EINVAL && cmd == CMD_UNLOAD) {
        fprintf(c->err, "%s is applied: revert it first.\n", name);
    } else {
        fputs(CONSOLE_HINT, c->err);
    }
}
