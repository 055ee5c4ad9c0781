/* SPDX-License-Identifier: MIT */
/*
 * Payload signatures (DESIGN.md 5.1, public/livepatch-sig.h), checked first
 * on upload, before any other part of the image is parsed.
 *
 * The format names no key, so every built-in key (hv/livepatch_keys.h)
 * whose modulus is as long as the signature is tried.  The outcome is one
 * log line naming the payload:
 *   verified       which key made the signature;
 *   unsigned       no signature section, or no section table to find one
 *                  in (-EACCES);
 *   unknown key    no built-in key has the signature's length, or none of
 *                  those that have it opens it into a PKCS#1 v1.5 SHA-256
 *                  block: a damaged signature looks like another key's
 *                  (-ENXIO);
 *   bad signature  a built-in key opens it but it is over other contents
 *                  (the payload changed after signing), or the note is
 *                  malformed or of a format, algorithm or hash this
 *                  hypervisor does not know (-EBADMSG).
 * Xen has no ENOKEY or EKEYREJECTED, Linux's codes for a missing and a
 * rejected key; these three are distinct, fit their cases and are returned
 * by no other step of the loader, so a tool can tell the reasons apart.
 *
 * Boot option livepatch_sig=enforce (the default) refuses all but a
 * verified payload; livepatch_sig=log loads them after the log line.  Out
 * of memory (-ENOMEM) is refused either way.
 */
#include "private.h"
#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/livepatch.h>
#include <hv/livepatch_keys.h>
#include <hv/rsa.h>
#include <public/livepatch-sig.h>

#define ERR_UNSIGNED (-EACCES)
#define ERR_UNKNOWN_KEY (-ENXIO)
#define ERR_BAD_SIGNATURE (-EBADMSG)

static bool enforce = true;

void livepatch_sig_init(const char *cmdline)
{
    const char *mode;
    size_t len;

    enforce = true;
    if (cmdline_find(cmdline, "livepatch_sig", &mode, &len)) {
        if (len == 3 && !strncmp(mode, "log", len))
            enforce = false;
        else if (len != 7 || strncmp(mode, "enforce", len))
            printk(XENLOG_WARNING "livepatch: livepatch_sig=%.*s is not enforce or log: "
                                  "enforcing\n",
                   (int)len, mode);
    }
    printk(XENLOG_INFO "livepatch: payload signatures: %s, %u built-in keys\n",
           enforce ? "enforce" : "log", livepatch_nkeys);
    for (unsigned int i = 0; i < livepatch_nkeys; i++) {
        const struct livepatch_key *k = &livepatch_keys[i];

        printk(XENLOG_INFO "livepatch: key %s: RSA-%u, id %02x%02x%02x%02x%02x%02x%02x%02x...\n",
               k->name, k->n_len * 8, k->id[0], k->id[1], k->id[2], k->id[3], k->id[4], k->id[5],
               k->id[6], k->id[7]);
    }
}

/* A signature that did not verify: refused, or only logged with livepatch_sig=log. */
static int __printf(3, 4) not_verified(int err, const char *who, const char *fmt, ...)
{
    char msg[160];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (enforce)
        return lp_refuse(err, who, "%s", msg);
    printk(XENLOG_WARNING "livepatch: %s: %s: loading it anyway (livepatch_sig=log)\n", who, msg);
    return 0;
}

/* SHA-256 of the image with the signature's bytes taken as zeroes. */
static void digest_unsigned(const uint8_t *b, size_t size, const struct lp_sig_note *note,
                            uint8_t digest[SHA256_DIGEST_SIZE])
{
    static const uint8_t zeroes[64];
    size_t end = note->desc_off + note->desc_len;
    struct sha256_ctx ctx;

    sha256_init(&ctx);
    sha256_update(&ctx, b, note->desc_off);
    for (size_t left = note->desc_len, n; left; left -= n) {
        n = MIN(left, sizeof(zeroes));
        sha256_update(&ctx, zeroes, n);
    }
    sha256_update(&ctx, b + end, size - end);
    sha256_final(&ctx, digest);
}

static unsigned int keys_of_length(size_t len)
{
    unsigned int n = 0;

    for (unsigned int i = 0; i < livepatch_nkeys; i++)
        n += livepatch_keys[i].n_len == len;
    return n;
}

/* Tries every built-in key of the signature's length. */
static int verify(const uint8_t *b, size_t size, const struct lp_sig_note *note, const char *who)
{
    unsigned int candidates = keys_of_length(note->desc_len);
    const struct livepatch_key *opened = NULL;
    uint8_t digest[SHA256_DIGEST_SIZE];

    if (!candidates)
        return not_verified(ERR_UNKNOWN_KEY, who,
                            "signed by an unknown key: no built-in key is RSA-%zu",
                            note->desc_len * 8);
    digest_unsigned(b, size, note, digest);
    for (unsigned int i = 0; i < livepatch_nkeys; i++) {
        const struct livepatch_key *k = &livepatch_keys[i];
        const struct rsa_public_key key = { k->n, k->n_len, k->e };

        if (k->n_len != note->desc_len)
            continue;
        switch (rsa_verify_sha256(&key, b + note->desc_off, note->desc_len, digest)) {
        case RSA_VALID:
            printk(XENLOG_INFO "livepatch: %s: signature verified with key %s\n", who, k->name);
            return 0;
        case RSA_OTHER_DIGEST:
            opened = k;
            break;
        case RSA_NO_MEMORY:
            return lp_refuse(-ENOMEM, who, "out of memory to check the signature");
        case RSA_NOT_THIS_KEY:
        case RSA_BAD_KEY:
            break;
        }
    }
    if (opened)
        return not_verified(
            ERR_BAD_SIGNATURE, who,
            "bad signature: made with key %s over other contents (changed since signing)",
            opened->name);
    return not_verified(ERR_UNKNOWN_KEY, who,
                        "signed by an unknown key: no built-in RSA-%zu key made it (%u tried)",
                        note->desc_len * 8, candidates);
}

int lp_check_signature(const void *image, size_t size, const char *who)
{
    struct lp_sig_note note;
    uint32_t t;

    switch (lp_sig_find_note(image, size, arch_livepatch_elf_class(), &note)) {
    case LP_SIG_ABSENT:
        return not_verified(ERR_UNSIGNED, who, "unsigned: %s", note.why);
    case LP_SIG_MALFORMED:
        return not_verified(ERR_BAD_SIGNATURE, who, "bad signature: %s", note.why);
    case LP_SIG_FOUND:
        break;
    }
    t = note.type;
    if (t != LIVEPATCH_SIG_TYPE_V1_RSA_SHA256)
        return not_verified(ERR_BAD_SIGNATURE, who,
                            "bad signature: format %u, algorithm %u, hash %u (note type %#x); "
                            "this hypervisor knows format 1, RSA (0), SHA-256 (0)",
                            LIVEPATCH_SIG_VERSION(t), LIVEPATCH_SIG_ALGORITHM(t),
                            LIVEPATCH_SIG_HASH(t), t);
    return verify(image, size, &note, who);
}
