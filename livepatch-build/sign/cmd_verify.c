/* SPDX-License-Identifier: MIT */
/*
 * verify --key PUBLIC.pem FILE: checks the payload's signature note and
 * signature with OpenSSL, as the hypervisor does with its own code.  Exit 0
 * and one line naming the key if it verifies; 1 and the reason otherwise.
 */
#include <stdio.h>
#include <stdlib.h>

#include <public/livepatch-sig.h>

#include "livepatch-sign.h"

/* Is the note one the hypervisor would check with this key? */
static int check_note(const char *path, const struct sig_note *note, EVP_PKEY *key)
{
    if (!note->present)
        return fail("%s: unsigned (no " LIVEPATCH_SIG_SECTION " section)", path);
    if (!note->one_note)
        return fail("%s: " LIVEPATCH_SIG_SECTION " is not one note named Xen", path);
    if (note->type != LIVEPATCH_SIG_TYPE_V1_RSA_SHA256)
        return fail("%s: signature note type %#x, not format 1 RSA SHA-256", path, note->type);
    if (note->desc_len != (size_t)EVP_PKEY_get_size(key))
        return fail("%s: signed with an RSA-%zu key, this one is RSA-%d", path, note->desc_len * 8,
                    EVP_PKEY_get_bits(key));
    return 0;
}

static int verify_image(const char *path, const struct image *img, const struct sig_note *note,
                        EVP_PKEY *key)
{
    uint8_t *msg = signed_message(img, note);
    EVP_MD_CTX *md = msg ? key_pkcs1_sha256(key, false) : NULL;
    int rc = -1;

    if (md && EVP_DigestVerify(md, img->data + note->desc_off, note->desc_len, msg, img->len) == 1)
        rc = 0;
    else if (md)
        fail("%s: the signature does not verify with this key", path);
    EVP_MD_CTX_free(md);
    free(msg);
    return rc;
}

int cmd_verify(int argc, char **argv)
{
    struct image img = { 0 };
    uint8_t id[KEY_ID_SIZE];
    char hex[2 * KEY_ID_SIZE + 1], name[64];
    struct sig_note note;
    const char *key_path;
    EVP_PKEY *key;
    int rc = -1;

    if (take_option(&argc, &argv, "--key", &key_path) || argc != 1)
        return usage_error("verify");
    key = key_load(key_path, false);
    if (key && !image_read(argv[0], &img) && !note_find(&img, &note) &&
        !check_note(argv[0], &note, key) && !verify_image(argv[0], &img, &note, key) &&
        !key_id(key, id)) {
        key_id_hex(id, hex);
        key_name(key_path, name, sizeof(name));
        printf("%s: signature verified with key %s, id %s\n", argv[0], name, hex);
        rc = 0;
    }
    free(img.data);
    EVP_PKEY_free(key);
    return rc ? 1 : 0;
}
