/* SPDX-License-Identifier: MIT */
/*
 * SHA-256 (FIPS 180-4), for checking live-patch payload signatures.  Pure
 * portable C: it builds in the hypervisor and on the host (unit tests).
 */
#ifndef HV_SHA256_H
#define HV_SHA256_H

#include <hv/types.h>

#define SHA256_DIGEST_SIZE 32
#define SHA256_BLOCK_SIZE 64

struct sha256_ctx {
    uint32_t state[8];
    uint64_t length; /* bytes hashed so far */
    uint8_t block[SHA256_BLOCK_SIZE];
    size_t used; /* bytes waiting in block[] */
};

void sha256_init(struct sha256_ctx *ctx);
void sha256_update(struct sha256_ctx *ctx, const void *data, size_t len);
/* Pads, writes the digest, and leaves @ctx to be initialised again. */
void sha256_final(struct sha256_ctx *ctx, uint8_t digest[SHA256_DIGEST_SIZE]);
/* The digest of @len bytes at @data in one call. */
void sha256(const void *data, size_t len, uint8_t digest[SHA256_DIGEST_SIZE]);

#endif /* HV_SHA256_H */
