/* SPDX-License-Identifier: MIT */
/*
 * RSA keys from PEM files, held to what the hypervisor's verifier supports
 * (hypervisor/include/hv/rsa.h): a 2048- to 4096-bit modulus whose length
 * is a multiple of 32 bits, and an odd public exponent of 3 to 2^32 - 1.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "livepatch-sign.h"

static int check_rsa(EVP_PKEY *key, const char *path)
{
    int bits = EVP_PKEY_get_bits(key);
    uint32_t e;

    if (!EVP_PKEY_is_a(key, "RSA"))
        return fail("%s: not an RSA key", path);
    if (bits < 2048 || bits > 4096 || bits % 32)
        return fail("%s: a %d-bit key; the hypervisor takes 2048 to 4096 bits, a multiple of 32",
                    path, bits);
    if (key_numbers(key, NULL, &e))
        return fail("%s: public exponent not an odd number from 3 to 2^32 - 1", path);
    return 0;
}

EVP_PKEY *key_load(const char *path, bool private_key)
{
    FILE *f = fopen(path, "r");
    EVP_PKEY *key;

    if (!f) {
        fail("%s: %s", path, strerror(errno));
        return NULL;
    }
    key = private_key ? PEM_read_PrivateKey(f, NULL, NULL, NULL)
                      : PEM_read_PUBKEY(f, NULL, NULL, NULL);
    fclose(f);
    if (!key) {
        fail_ssl("%s: not a PEM %s key", path, private_key ? "private" : "public");
        return NULL;
    }
    if (check_rsa(key, path)) {
        EVP_PKEY_free(key);
        return NULL;
    }
    return key;
}

int key_numbers(EVP_PKEY *key, uint8_t *n, uint32_t *e)
{
    BIGNUM *bn_n = NULL, *bn_e = NULL;
    int rc = -1;

    if (!EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_N, &bn_n) ||
        !EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_E, &bn_e))
        goto out;
    if (BN_num_bits(bn_e) > 32 || !BN_is_odd(bn_e) || BN_get_word(bn_e) < 3)
        goto out;
    *e = (uint32_t)BN_get_word(bn_e);
    if (n && BN_bn2binpad(bn_n, n, EVP_PKEY_get_size(key)) < 0)
        goto out;
    rc = 0;
out:
    BN_free(bn_n);
    BN_free(bn_e);
    return rc;
}

EVP_MD_CTX *key_pkcs1_sha256(EVP_PKEY *key, bool sign)
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx;
    int ok = md &&
             (sign ? EVP_DigestSignInit(md, &pctx, EVP_sha256(), NULL, key)
                   : EVP_DigestVerifyInit(md, &pctx, EVP_sha256(), NULL, key)) > 0 &&
             EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) > 0;

    if (ok)
        return md;
    EVP_MD_CTX_free(md);
    fail_ssl("cannot set up RSA PKCS#1 v1.5 with SHA-256");
    return NULL;
}

int key_id(EVP_PKEY *key, uint8_t id[KEY_ID_SIZE])
{
    unsigned char *der = NULL;
    int len = i2d_PUBKEY(key, &der);
    int ok = len > 0 && EVP_Digest(der, (size_t)len, id, NULL, EVP_sha256(), NULL);

    OPENSSL_free(der);
    return ok ? 0 : fail_ssl("cannot compute a key id");
}

void key_id_hex(const uint8_t id[KEY_ID_SIZE], char *out)
{
    for (unsigned int i = 0; i < KEY_ID_SIZE; i++)
        sprintf(out + 2 * i, "%02x", id[i]);
}

void key_name(const char *path, char *out, size_t size)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t len = strlen(base);

    if (len > 8 && !strcmp(base + len - 8, ".pub.pem"))
        len -= 8;
    else if (len > 4 && !strcmp(base + len - 4, ".pem"))
        len -= 4;
    snprintf(out, size, "%.*s", (int)len, base);
}
