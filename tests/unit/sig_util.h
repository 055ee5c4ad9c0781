/* SPDX-License-Identifier: MIT */
/*
 * Host helpers for the signature tests: the test keys "make keys" made
 * (build/keys), OpenSSL as the oracle, livepatch-sign run as a program, and
 * a seeded random generator so that a failure can be replayed.  Paths come
 * from the build (mk/sig.mk).  A missing key or tool ends the test.
 *
 * Host-only (libc, OpenSSL); never included by common/.
 */
#ifndef UNIT_SIG_UTIL_H
#define UNIT_SIG_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <openssl/evp.h>

#define SIG_MAX_BYTES 512 /* RSA-4096 */

/* The test key build/keys/<name>.pem (private) or <name>.pub.pem. */
EVP_PKEY *sig_key(const char *name, bool private_key);

/* A key as our verifier takes it (hv/rsa.h), its modulus in @n. */
struct sig_numbers {
    uint8_t n[SIG_MAX_BYTES];
    size_t n_len;
    uint32_t e;
};
void sig_numbers(EVP_PKEY *key, struct sig_numbers *out);

/* RSASSA-PKCS1-v1_5 with SHA-256 by OpenSSL: the signature's length. */
size_t sig_openssl_sign(EVP_PKEY *key, const void *msg, size_t len, uint8_t *sig);
bool sig_openssl_verify(EVP_PKEY *key, const void *msg, size_t len, const uint8_t *sig,
                        size_t sig_len);
/* The raw private-key operation on @em (as long as the modulus): em^d mod n. */
void sig_openssl_raw_sign(EVP_PKEY *key, const uint8_t *em, uint8_t *sig);

/* Runs livepatch-sign with @args (NULL-terminated, without the program): its exit status. */
int sig_tool(const char *const *args);
/* Signs @len bytes at @img with livepatch-sign and test key @key: a malloc'ed image. */
uint8_t *sig_tool_sign(const void *img, size_t len, const char *key, size_t *out_len);
/* A file in this test's scratch directory (removed when the test ends). */
const char *sig_scratch(const char *name);
void sig_write(const char *path, const void *data, size_t len);
uint8_t *sig_read(const char *path, size_t *len);

/* Deterministic random numbers: seeded per test, so a failure replays. */
void sig_rand_seed(uint64_t seed);
uint64_t sig_rand(void);
void sig_rand_bytes(void *p, size_t len);

#endif /* UNIT_SIG_UTIL_H */
