/* SPDX-License-Identifier: MIT */
/*
 * sign --key PRIVATE.pem IN OUT: gives the payload a signature note sized for
 * the key (adding or resizing the section as needed), then fills it with the
 * RSA PKCS#1 v1.5 signature over the SHA-256 of the whole file with the
 * descriptor zeroed.  PKCS#1 v1.5 signatures are deterministic, so signing a
 * signed payload again with the same key gives the same bytes.
 */
#include <stdlib.h>

#include "livepatch-sign.h"

static int sign_image(EVP_PKEY *key, struct image *img, const struct sig_note *note)
{
    uint8_t *msg = signed_message(img, note);
    EVP_MD_CTX *md = msg ? key_pkcs1_sha256(key, true) : NULL;
    size_t len = note->desc_len;
    int rc = -1;

    if (!md)
        goto out;
    if (EVP_DigestSign(md, img->data + note->desc_off, &len, msg, img->len) <= 0)
        fail_ssl("signing failed");
    else if (len != note->desc_len)
        fail("the signature has %zu bytes, not the key's %zu", len, note->desc_len);
    else
        rc = 0;
out:
    EVP_MD_CTX_free(md);
    free(msg);
    return rc;
}

int cmd_sign(int argc, char **argv)
{
    struct image img = { 0 };
    struct sig_note note;
    const char *key_path;
    EVP_PKEY *key;
    int rc = -1;

    if (take_option(&argc, &argv, "--key", &key_path) || argc != 2)
        return usage_error("sign");
    key = key_load(key_path, true);
    if (key && !image_read(argv[0], &img) &&
        !note_prepare(&img, (size_t)EVP_PKEY_get_size(key), &note) && !sign_image(key, &img, &note))
        rc = file_replace(argv[1], img.data, img.len, 0644);
    free(img.data);
    EVP_PKEY_free(key);
    return rc ? 1 : 0;
}
