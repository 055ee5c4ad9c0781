/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's RSA verifier (common/crypto/rsa.c) against OpenSSL.
 * For each test key size, 50 random messages: OpenSSL's signature verifies
 * with ours; a signature with one bit flipped and a message with one bit
 * flipped are refused by both.  Then encoded blocks made by hand and
 * signed with the raw private-key operation, so that each rule of the
 * PKCS#1 v1.5 encoding is broken alone; out-of-range signatures; other
 * exponents; keys the verifier does not take.
 */
#include <string.h>

#include <openssl/bn.h>
#include <openssl/rsa.h>

#include <hv/rsa.h>
#include <hv/sha256.h>

#include "fixture.h"
#include "sig_util.h"
#include "unit.h"

#define MESSAGES 50

static const uint8_t sha256_prefix[] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                         0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };

static enum rsa_verdict ours(const struct sig_numbers *k, const uint8_t *sig, size_t len,
                             const void *msg, size_t msg_len)
{
    const struct rsa_public_key key = { k->n, k->n_len, k->e };
    uint8_t digest[SHA256_DIGEST_SIZE];

    sha256(msg, msg_len, digest);
    return rsa_verify_sha256(&key, sig, len, digest);
}

static void agree_on_random_messages(const char *key_name, uint64_t seed)
{
    EVP_PKEY *key = sig_key(key_name, true);
    uint8_t msg[1024], sig[SIG_MAX_BYTES];
    struct sig_numbers k;

    fixture_boot(); /* the verifier's working memory comes from the heap */
    sig_numbers(key, &k);
    sig_rand_seed(seed);
    for (unsigned int i = 0; i < MESSAGES; i++) {
        size_t len = sig_rand() % sizeof(msg), sig_len;
        size_t bit;

        sig_rand_bytes(msg, len);
        sig_len = sig_openssl_sign(key, msg, len, sig);
        REQUIRE(sig_len == k.n_len);
        CHECK(sig_openssl_verify(key, msg, len, sig, sig_len));
        CHECK_EQ(ours(&k, sig, sig_len, msg, len), RSA_VALID);

        bit = sig_rand() % (8 * sig_len);
        sig[bit / 8] ^= (uint8_t)(1u << bit % 8);
        CHECK(!sig_openssl_verify(key, msg, len, sig, sig_len));
        CHECK_EQ(ours(&k, sig, sig_len, msg, len), RSA_NOT_THIS_KEY);
        sig[bit / 8] ^= (uint8_t)(1u << bit % 8);

        if (len) {
            bit = sig_rand() % (8 * len);
            msg[bit / 8] ^= (uint8_t)(1u << bit % 8);
            CHECK(!sig_openssl_verify(key, msg, len, sig, sig_len));
            CHECK_EQ(ours(&k, sig, sig_len, msg, len), RSA_OTHER_DIGEST);
        }
    }
    EVP_PKEY_free(key);
}

TEST(rsa_2048_agrees_with_openssl_on_50_messages)
{
    agree_on_random_messages("test-2048", 2048);
}

TEST(rsa_3072_agrees_with_openssl_on_50_messages)
{
    agree_on_random_messages("test-3072", 3072);
}

TEST(rsa_4096_agrees_with_openssl_on_50_messages)
{
    agree_on_random_messages("test-4096", 4096);
}

/* 00 01 FF..FF 00 DigestInfo(SHA-256) SHA-256(msg), @len bytes. */
static void encode(uint8_t *em, size_t len, const uint8_t *msg, size_t msg_len)
{
    size_t t_len = sizeof(sha256_prefix) + SHA256_DIGEST_SIZE, ps = len - 3 - t_len;

    em[0] = 0x00;
    em[1] = 0x01;
    memset(em + 2, 0xff, ps);
    em[2 + ps] = 0x00;
    memcpy(em + 3 + ps, sha256_prefix, sizeof(sha256_prefix));
    sha256(msg, msg_len, em + len - SHA256_DIGEST_SIZE);
}

/* Signs @em raw; OpenSSL and ours must give the same answer, ours @want. */
static void check_block(EVP_PKEY *key, const struct sig_numbers *k, const uint8_t *em,
                        enum rsa_verdict want, const char *what)
{
    static const char msg[] = "hand-made encoding";
    uint8_t sig[SIG_MAX_BYTES];
    enum rsa_verdict got;
    bool openssl;

    sig_openssl_raw_sign(key, em, sig);
    got = ours(k, sig, k->n_len, msg, sizeof(msg));
    openssl = sig_openssl_verify(key, msg, sizeof(msg), sig, k->n_len);
    unit_check(got == want, __FILE__, __LINE__, "%s: verdict %d, expected %d", what, got, want);
    unit_check(openssl == (want == RSA_VALID), __FILE__, __LINE__, "%s: OpenSSL says %s", what,
               openssl ? "valid" : "invalid");
}

TEST(each_rule_of_the_encoding_is_checked)
{
    static const char msg[] = "hand-made encoding";
    EVP_PKEY *key = sig_key("test-2048", true);
    uint8_t em[SIG_MAX_BYTES], bad[SIG_MAX_BYTES];
    struct sig_numbers k;
    size_t ps;

    fixture_boot();

    sig_numbers(key, &k);
    ps = k.n_len - 3 - sizeof(sha256_prefix) - SHA256_DIGEST_SIZE;
    encode(em, k.n_len, (const uint8_t *)msg, sizeof(msg));
    check_block(key, &k, em, RSA_VALID, "the right block");

    struct {
        size_t at;
        uint8_t value;
        const char *what;
    } breaks[] = {
        { 0, 0x01, "first byte not 00" },
        { 1, 0x02, "block type 02" },
        { 1, 0x00, "block type 00" },
        { 2, 0xfe, "first padding byte not FF" },
        { 2 + ps / 2, 0x00, "a zero in the padding" },
        { 1 + ps, 0x7f, "last padding byte not FF" },
        { 2 + ps, 0xff, "no zero after the padding" },
        { 3 + ps, 0x31, "DigestInfo tag" },
        { 3 + ps + 14, 0x02, "hash OID of SHA-384" },
        { 3 + ps + 15, 0x00, "parameters not NULL" },
        { 3 + ps + 18, 0x40, "digest length 64" },
    };
    for (size_t i = 0; i < sizeof(breaks) / sizeof(breaks[0]); i++) {
        memcpy(bad, em, k.n_len);
        bad[breaks[i].at] = breaks[i].value;
        check_block(key, &k, bad, RSA_NOT_THIS_KEY, breaks[i].what);
    }
    memcpy(bad, em, k.n_len);
    bad[k.n_len - 1] ^= 1;
    check_block(key, &k, bad, RSA_OTHER_DIGEST, "another digest");
    /* The structure shifted by one byte: padding one byte short, digest one byte long. */
    memcpy(bad, em, k.n_len);
    memmove(bad + 2 + ps - 1, em + 2 + ps, k.n_len - 2 - ps);
    bad[k.n_len - 1] = 0;
    check_block(key, &k, bad, RSA_NOT_THIS_KEY, "padding one byte short");
    EVP_PKEY_free(key);
}

TEST(signatures_out_of_range_or_of_the_wrong_length_are_refused)
{
    static const char msg[] = "m";
    EVP_PKEY *key = sig_key("test-2048", false);
    uint8_t sig[SIG_MAX_BYTES + 1];
    struct sig_numbers k;

    fixture_boot();

    sig_numbers(key, &k);
    memset(sig, 0, k.n_len);
    CHECK_EQ(ours(&k, sig, k.n_len, msg, 1), RSA_NOT_THIS_KEY); /* 0 */
    sig[k.n_len - 1] = 1;
    CHECK_EQ(ours(&k, sig, k.n_len, msg, 1), RSA_NOT_THIS_KEY); /* 1 */
    memcpy(sig, k.n, k.n_len);
    CHECK_EQ(ours(&k, sig, k.n_len, msg, 1), RSA_NOT_THIS_KEY); /* n */
    CHECK(!sig_openssl_verify(key, msg, 1, sig, k.n_len));
    memset(sig, 0xff, k.n_len);
    CHECK_EQ(ours(&k, sig, k.n_len, msg, 1), RSA_NOT_THIS_KEY); /* above n */
    CHECK_EQ(ours(&k, sig, k.n_len - 1, msg, 1), RSA_NOT_THIS_KEY);
    CHECK_EQ(ours(&k, sig, k.n_len + 1, msg, 1), RSA_NOT_THIS_KEY);
    EVP_PKEY_free(key);
}

/* A fresh 2048-bit key with public exponent @e. */
static EVP_PKEY *key_with_exponent(uint32_t e)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
    BIGNUM *bn = BN_new();
    EVP_PKEY *key = NULL;

    REQUIRE(ctx && bn && BN_set_word(bn, e));
    REQUIRE(EVP_PKEY_keygen_init(ctx) > 0 && EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, 2048) > 0 &&
            EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx, bn) > 0 && EVP_PKEY_generate(ctx, &key) > 0);
    BN_free(bn);
    EVP_PKEY_CTX_free(ctx);
    return key;
}

TEST(other_public_exponents_verify)
{
    static const uint32_t exponents[] = { 3, 4294967291u /* the largest 32-bit prime */ };
    static const char msg[] = "exponent";
    uint8_t sig[SIG_MAX_BYTES];

    fixture_boot();

    for (size_t i = 0; i < sizeof(exponents) / sizeof(exponents[0]); i++) {
        EVP_PKEY *key = key_with_exponent(exponents[i]);
        struct sig_numbers k;
        size_t len = sig_openssl_sign(key, msg, sizeof(msg), sig);

        sig_numbers(key, &k);
        CHECK_EQ(k.e, exponents[i]);
        CHECK_EQ(ours(&k, sig, len, msg, sizeof(msg)), RSA_VALID);
        sig[len / 2] ^= 0x10;
        CHECK_EQ(ours(&k, sig, len, msg, sizeof(msg)), RSA_NOT_THIS_KEY);
        EVP_PKEY_free(key);
    }
}

TEST(keys_outside_what_the_verifier_takes_are_refused)
{
    static const char msg[] = "m";
    EVP_PKEY *key = sig_key("test-2048", false);
    uint8_t sig[SIG_MAX_BYTES] = { 0 };
    struct sig_numbers k, bad;

    fixture_boot();

    sig_numbers(key, &k);
    bad = k;
    bad.n[k.n_len - 1] &= 0xfe; /* even */
    CHECK_EQ(ours(&bad, sig, k.n_len, msg, 1), RSA_BAD_KEY);
    bad = k;
    bad.n[0] &= 0x7f; /* top bit clear */
    CHECK_EQ(ours(&bad, sig, k.n_len, msg, 1), RSA_BAD_KEY);
    bad = k;
    bad.n_len = 128; /* RSA-1024 */
    CHECK_EQ(ours(&bad, sig, 128, msg, 1), RSA_BAD_KEY);
    bad = k;
    bad.n_len = 254; /* not a multiple of 32 bits */
    CHECK_EQ(ours(&bad, sig, 254, msg, 1), RSA_BAD_KEY);
    bad = k;
    bad.e = 65536; /* even */
    CHECK_EQ(ours(&bad, sig, k.n_len, msg, 1), RSA_BAD_KEY);
    bad.e = 1;
    CHECK_EQ(ours(&bad, sig, k.n_len, msg, 1), RSA_BAD_KEY);
    EVP_PKEY_free(key);
}
