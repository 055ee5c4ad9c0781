/* SPDX-License-Identifier: MIT */
/*
 * The public keys live-patch payload signatures are checked against, built
 * into the hypervisor.  The build generates their definition from PEM
 * files with "livepatch-sign pubkey-c" (hypervisor/keys.mk): LIVEPATCH_KEYS,
 * by default the test keys "make keys" creates in build/keys/.
 */
#ifndef HV_LIVEPATCH_KEYS_H
#define HV_LIVEPATCH_KEYS_H

#include <hv/types.h>
#include <hv/sha256.h>

struct livepatch_key {
    const char *name; /* the key file's name without ".pub.pem", e.g. "test-2048" */
    const uint8_t *n; /* RSA modulus, big-endian */
    uint32_t n_len;   /* its length in bytes */
    uint32_t e;       /* RSA public exponent */
    /* Key id, for logs: SHA-256 of the DER SubjectPublicKeyInfo, what
     * "openssl pkey -pubin -outform DER | sha256sum" prints. */
    uint8_t id[SHA256_DIGEST_SIZE];
};

extern const struct livepatch_key livepatch_keys[];
extern const unsigned int livepatch_nkeys;

#endif /* HV_LIVEPATCH_KEYS_H */
