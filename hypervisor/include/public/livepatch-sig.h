/* SPDX-License-Identifier: MIT */
/*
 * The signature of a live-patch payload (DESIGN.md 5.1), as the signing tool
 * (livepatch-build/sign) writes it and the hypervisor checks it.  This
 * follows the format proposed on xen-devel in 2025; upstream Xen has none.
 *
 * The payload holds one section named LIVEPATCH_SIG_SECTION of type
 * SHT_NOTE holding exactly one ELF note:
 *   name  "Xen" (n_namesz 4, with its NUL)
 *   type  LIVEPATCH_SIG_TYPE(version, algorithm, hash)
 *   desc  the signature: RSA PKCS#1 v1.5 over the SHA-256 of the whole
 *         payload file with the descriptor's own bytes zeroed; exactly as
 *         long as the signing key's modulus
 * in the payload's byte order.  Nothing identifies the key: a verifier
 * tries the keys it trusts whose modulus is as long as the descriptor.
 *
 * Plain constants only, so host tools can include it too.
 */
#ifndef PUBLIC_LIVEPATCH_SIG_H
#define PUBLIC_LIVEPATCH_SIG_H

#define LIVEPATCH_SIG_SECTION ".note.Xen.signature"
#define LIVEPATCH_SIG_NOTE_NAME "Xen"

/* Note type: format version in bits 0-15, algorithm in 16-23, hash in 24-31. */
#define LIVEPATCH_SIG_TYPE(version, algorithm, hash) \
    ((unsigned int)(version) | (unsigned int)(algorithm) << 16 | (unsigned int)(hash) << 24)
#define LIVEPATCH_SIG_VERSION(type) ((type)&0xffffu)
#define LIVEPATCH_SIG_ALGORITHM(type) ((type) >> 16 & 0xffu)
#define LIVEPATCH_SIG_HASH(type) ((type) >> 24 & 0xffu)

#define LIVEPATCH_SIG_FORMAT_V1 1
#define LIVEPATCH_SIG_ALG_RSA 0     /* RSASSA-PKCS1-v1_5 */
#define LIVEPATCH_SIG_HASH_SHA256 0 /* SHA-256 */

/* The only note type this version of the format defines. */
#define LIVEPATCH_SIG_TYPE_V1_RSA_SHA256 \
    LIVEPATCH_SIG_TYPE(LIVEPATCH_SIG_FORMAT_V1, LIVEPATCH_SIG_ALG_RSA, LIVEPATCH_SIG_HASH_SHA256)

#endif /* PUBLIC_LIVEPATCH_SIG_H */
