/* SPDX-License-Identifier: MIT */
/*
 * livepatch-sign (livepatch-build/sign), run as a program: signing again
 * with the same key changes nothing; signing with a key of another size
 * resizes the note and the result still loads; "verify" exits 0 only for a
 * good signature; what is not a payload is refused; ELF32 objects (ARM)
 * are signed too, and the hypervisor's note walk and RSA verify them.  And
 * the key table "pubkey-c" generated, built into these tests as into the
 * hypervisor, holds the test keys' numbers and ids.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/x509.h>

#include <hv/errno.h>
#include <hv/livepatch.h>
#include <hv/livepatch_keys.h>
#include <hv/rsa.h>

#include "../../hypervisor/common/livepatch/private.h"
#include "fake.h"
#include "fixture.h"
#include "payload_image.h"
#include "sig_util.h"
#include "unit.h"

static const char *key_file(const char *name, const char *suffix)
{
    static char path[4][512];
    static unsigned int next;
    char *p = path[next++ % 4];

    snprintf(p, sizeof(path[0]), "%s/%s%s", SIG_KEYS_DIR, name, suffix);
    return p;
}

/* livepatch-sign verify with test key @key's public half: the exit status. */
static int verify(const char *file, const char *key)
{
    return sig_tool(
        (const char *const[]){ "verify", "--key", key_file(key, ".pub.pem"), file, NULL });
}

TEST(signing_again_with_the_same_key_changes_nothing)
{
    struct payload_image *pi = pi_valid_built(1);
    size_t len1, len2;
    uint8_t *once = sig_tool_sign(pi->buf, pi->len, "test-2048", &len1);
    uint8_t *twice = sig_tool_sign(once, len1, "test-2048", &len2);

    CHECK(len1 == len2 && !memcmp(once, twice, len1));
    free(once);
    free(twice);
    pi_free(pi);
}

TEST(signing_with_a_key_of_another_size_resizes_the_note)
{
    struct payload_image *pi = pi_valid_built(1);
    struct pi_mem base;
    struct lp_sig_note note;
    size_t len_a, len_b, len_c;
    uint8_t *a = sig_tool_sign(pi->buf, pi->len, "test-2048", &len_a);
    uint8_t *b = sig_tool_sign(a, len_a, "test-4096", &len_b);
    uint8_t *c = sig_tool_sign(b, len_b, "test-3072", &len_c);

    fixture_boot();
    base = pi_baseline();
    livepatch_sig_init("livepatch_sig=enforce");
    REQUIRE(lp_sig_find_note(b, len_b, ELFCLASS64, &note) == LP_SIG_FOUND);
    CHECK_EQ(note.desc_len, 512);
    UPLOAD_CHECK(b, len_b, 0, "");
    CHECK(strstr(fake_console_output(), "signature verified with key test-4096"));
    REQUIRE(lp_sig_find_note(c, len_c, ELFCLASS64, &note) == LP_SIG_FOUND);
    CHECK_EQ(note.desc_len, 384);
    UPLOAD_CHECK(c, len_c, 0, "");
    CHECK(strstr(fake_console_output(), "signature verified with key test-3072"));
    free(a);
    free(b);
    free(c);
    pi_free(pi);
}

TEST(verify_exits_0_only_for_a_good_signature)
{
    struct payload_image *pi = pi_valid_built(1);
    const char *unsigned_file = sig_scratch("unsigned.livepatch");
    const char *signed_file = sig_scratch("signed.livepatch");
    size_t len;
    uint8_t *img = sig_tool_sign(pi->buf, pi->len, "test-2048", &len);

    sig_write(signed_file, img, len);
    CHECK_EQ(verify(signed_file, "test-2048"), 0);
    CHECK_EQ(verify(signed_file, "test-3072"), 1);      /* another key size */
    CHECK_EQ(verify(signed_file, "untrusted-2048"), 1); /* another key */
    img[len / 3] ^= 1;
    sig_write(signed_file, img, len);
    CHECK_EQ(verify(signed_file, "test-2048"), 1); /* changed after signing */
    sig_write(unsigned_file, pi->buf, pi->len);
    CHECK_EQ(verify(unsigned_file, "test-2048"), 1);
    free(img);
    pi_free(pi);
}

TEST(what_is_not_a_payload_is_not_signed)
{
    static const char text[] = "not an ELF file\n";
    const char *in = sig_scratch("text"), *out = sig_scratch("text.signed");

    sig_write(in, text, sizeof(text));
    CHECK_EQ(sig_tool((const char *const[]){ "sign", "--key", key_file("test-2048", ".pem"), in,
                                             out, NULL }),
             1);
    CHECK(access(out, F_OK) != 0);
    CHECK_EQ(sig_tool((const char *const[]){ "sign", "--key", in, in, out, NULL }), 1);
    CHECK_EQ(sig_tool((const char *const[]){ "sign", in, out, NULL }), 1);
    CHECK_EQ(sig_tool((const char *const[]){ "genkey", "--bits", "1024", out, out, NULL }), 1);
}

TEST(elf32_objects_are_signed_and_verify_in_the_hypervisor_code)
{
    const struct livepatch_key *k = &livepatch_keys[0];
    const struct rsa_public_key key = { k->n, k->n_len, k->e };
    const char *file = sig_scratch("arm.o");
    uint8_t *obj, *img, *msg, digest[SHA256_DIGEST_SIZE];
    struct lp_sig_note note;
    size_t obj_len, len;

    fixture_boot();
    obj = sig_read(SIG_ARM_OBJECT, &obj_len);
    img = sig_tool_sign(obj, obj_len, "test-2048", &len);
    sig_write(file, img, len);
    CHECK_EQ(verify(file, "test-2048"), 0);
    REQUIRE(lp_sig_find_note(img, len, ELFCLASS32, &note) == LP_SIG_FOUND);
    CHECK_EQ(note.desc_len, 256);
    /* What the hypervisor hashes: the file with the signature zeroed. */
    msg = malloc(len);
    REQUIRE(msg);
    memcpy(msg, img, len);
    memset(msg + note.desc_off, 0, note.desc_len);
    sha256(msg, len, digest);
    CHECK_STR(k->name, "test-2048");
    CHECK_EQ(rsa_verify_sha256(&key, img + note.desc_off, note.desc_len, digest), RSA_VALID);
    free(msg);
    free(obj);
    free(img);
}

TEST(the_built_in_key_table_holds_the_test_keys)
{
    static const char *const names[] = { "test-2048", "test-3072", "test-4096" };

    REQUIRE(livepatch_nkeys == 3);
    for (unsigned int i = 0; i < livepatch_nkeys; i++) {
        const struct livepatch_key *k = &livepatch_keys[i];
        EVP_PKEY *key = sig_key(names[i], false);
        unsigned char *der = NULL;
        int der_len = i2d_PUBKEY(key, &der);
        uint8_t id[SHA256_DIGEST_SIZE];
        struct sig_numbers num;

        sig_numbers(key, &num);
        sha256(der, (size_t)der_len, id);
        CHECK_STR(k->name, names[i]);
        CHECK(k->n_len == num.n_len && !memcmp(k->n, num.n, num.n_len));
        CHECK_EQ(k->e, 65537);
        CHECK(!memcmp(k->id, id, sizeof(id)));
        OPENSSL_free(der);
        EVP_PKEY_free(key);
    }
}
