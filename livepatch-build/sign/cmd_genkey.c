/* SPDX-License-Identifier: MIT */
/*
 * genkey --bits N PRIVATE.pem PUBLIC.pem: a new RSA key pair with public
 * exponent 65537, the private key as unencrypted PKCS#8 PEM (mode 0600), the
 * public key as SubjectPublicKeyInfo PEM.  Test keys are made this way at
 * build time and never committed.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "livepatch-sign.h"

static EVP_PKEY *generate(int bits)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
    EVP_PKEY *key = NULL;

    if (!ctx || EVP_PKEY_keygen_init(ctx) <= 0 ||
        EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits) <= 0 || EVP_PKEY_generate(ctx, &key) <= 0)
        fail_ssl("cannot generate an RSA-%d key", bits);
    EVP_PKEY_CTX_free(ctx);
    return key;
}

static int write_pem(const char *path, EVP_PKEY *key, bool private_key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    char *pem;
    long len;
    int rc;

    if (!bio || !(private_key ? PEM_write_bio_PrivateKey(bio, key, NULL, NULL, 0, NULL, NULL)
                              : PEM_write_bio_PUBKEY(bio, key))) {
        BIO_free(bio);
        return fail_ssl("%s: cannot encode the key", path);
    }
    len = BIO_get_mem_data(bio, &pem);
    rc = file_replace(path, pem, (size_t)len, private_key ? 0600 : 0644);
    BIO_free(bio);
    return rc;
}

int cmd_genkey(int argc, char **argv)
{
    const char *bits_arg;
    uint8_t id[KEY_ID_SIZE];
    char hex[2 * KEY_ID_SIZE + 1], name[64], *end;
    EVP_PKEY *key;
    long bits;
    int rc;

    if (take_option(&argc, &argv, "--bits", &bits_arg) || argc != 2)
        return usage_error("genkey");
    bits = strtol(bits_arg, &end, 10);
    if (*end || (bits != 2048 && bits != 3072 && bits != 4096))
        return usage_error("genkey");
    key = generate((int)bits);
    if (!key)
        return 1;
    /* The public key first: once the private key (what a build waits for) exists, both do. */
    rc = write_pem(argv[1], key, false) || write_pem(argv[0], key, true) || key_id(key, id);
    if (!rc) {
        key_id_hex(id, hex);
        key_name(argv[1], name, sizeof(name));
        printf("livepatch-sign: made RSA-%ld key %s, id %s\n", bits, name, hex);
    }
    EVP_PKEY_free(key);
    return rc ? 1 : 0;
}
