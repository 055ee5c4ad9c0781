/* SPDX-License-Identifier: MIT */
/*
 * RSA signature verification, RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017
 * 8.2.2), for live-patch payload signatures.  Only public data is involved
 * (the key, the signature, the digest), so nothing needs constant time.
 *
 * Keys are a big-endian modulus of 2048 to 4096 bits whose length is a
 * multiple of 32 bits with the top bit set (what RSA key generation gives
 * for those sizes), and an odd public exponent of at least 3.
 *
 * Pure portable C: it builds in the hypervisor and on the host (unit tests,
 * fuzzer).  Its working memory, about 3 KiB whatever the key, comes from one xzalloc().
 */
#ifndef HV_RSA_H
#define HV_RSA_H

#include <hv/types.h>
#include <hv/sha256.h>

#define RSA_MIN_BITS 2048
#define RSA_MAX_BITS 4096

struct rsa_public_key {
    const uint8_t *n; /* modulus, big-endian, n_len bytes */
    size_t n_len;
    uint32_t e; /* public exponent */
};

enum rsa_verdict {
    RSA_VALID,        /* the key's signature over this digest */
    RSA_OTHER_DIGEST, /* the key's signature, well formed, but over another digest */
    RSA_NOT_THIS_KEY, /* not a signature this key made: another key's, or damaged */
    RSA_BAD_KEY,      /* the key is outside what this code supports */
    RSA_NO_MEMORY,
};

/*
 * Checks @sig (@sig_len bytes, big-endian) against @key and @digest: opens
 * it (sig^e mod n) and compares the result with the whole encoded block
 * 00 01 FF..FF 00 DigestInfo(SHA-256) digest.  A signature whose length is
 * not the modulus's, or whose value is not below the modulus, is
 * RSA_NOT_THIS_KEY.
 */
enum rsa_verdict rsa_verify_sha256(const struct rsa_public_key *key, const uint8_t *sig,
                                   size_t sig_len, const uint8_t digest[SHA256_DIGEST_SIZE]);

#endif /* HV_RSA_H */
