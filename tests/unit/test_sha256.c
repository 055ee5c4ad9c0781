/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's SHA-256 (common/crypto/sha256.c): the FIPS 180-2
 * example digests, every length across the padding boundaries, and random
 * inputs fed in random pieces, all against OpenSSL.
 */
#include <string.h>

#include <openssl/evp.h>

#include <hv/sha256.h>

#include "sig_util.h"
#include "unit.h"

static void openssl_sha256(const void *data, size_t len, uint8_t out[SHA256_DIGEST_SIZE])
{
    unsigned int n = SHA256_DIGEST_SIZE;

    REQUIRE(EVP_Digest(data, len, out, &n, EVP_sha256(), NULL));
}

static void check_hex(const uint8_t d[SHA256_DIGEST_SIZE], const char *want, const char *what)
{
    char hex[2 * SHA256_DIGEST_SIZE + 1];

    for (unsigned int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(hex + 2 * i, 3, "%02x", d[i]);
    unit_check(!strcmp(hex, want), __FILE__, __LINE__, "%s: %s, expected %s", what, hex, want);
}

TEST(fips_180_2_examples)
{
    static const char two_blocks[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    static const char four_blocks[] =
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
        "lmnopqrsmnopqrstnopqrstu";
    static char million[1000000];
    uint8_t d[SHA256_DIGEST_SIZE];

    sha256("", 0, d);
    check_hex(d, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty");
    sha256("abc", 3, d);
    check_hex(d, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "abc");
    sha256(two_blocks, strlen(two_blocks), d);
    check_hex(d, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", "448 bits");
    sha256(four_blocks, strlen(four_blocks), d);
    check_hex(d, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1", "896 bits");
    memset(million, 'a', sizeof(million));
    sha256(million, sizeof(million), d);
    check_hex(d, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
              "a million a's");
}

/* Lengths 0..300 cover the one- and two-block paddings (55, 56, 63, 64 bytes...). */
TEST(every_length_up_to_300_bytes_matches_openssl)
{
    uint8_t data[300], ours[SHA256_DIGEST_SIZE], theirs[SHA256_DIGEST_SIZE];

    sig_rand_seed(256);
    sig_rand_bytes(data, sizeof(data));
    for (size_t len = 0; len <= sizeof(data); len++) {
        sha256(data, len, ours);
        openssl_sha256(data, len, theirs);
        if (!unit_check(!memcmp(ours, theirs, sizeof(ours)), __FILE__, __LINE__,
                        "%zu bytes: digest differs from OpenSSL's", len))
            break;
    }
}

TEST(random_inputs_in_random_pieces_match_openssl)
{
    static uint8_t data[20000];
    uint8_t ours[SHA256_DIGEST_SIZE], theirs[SHA256_DIGEST_SIZE];

    sig_rand_seed(2026);
    for (unsigned int round = 0; round < 200; round++) {
        size_t len = sig_rand() % sizeof(data), done = 0;
        struct sha256_ctx ctx;

        sig_rand_bytes(data, len);
        sha256_init(&ctx);
        while (done < len) {
            size_t piece = sig_rand() % 3 ? sig_rand() % 130 : sig_rand() % (len - done + 1);

            piece = piece < len - done ? piece : len - done;
            sha256_update(&ctx, data + done, piece);
            done += piece;
        }
        sha256_final(&ctx, ours);
        openssl_sha256(data, len, theirs);
        if (!unit_check(!memcmp(ours, theirs, sizeof(ours)), __FILE__, __LINE__,
                        "round %u, %zu bytes: digest differs from OpenSSL's", round, len))
            break;
    }
}
