/* SPDX-License-Identifier: MIT */
/*
 * livepatch-sign: RSA keys and signatures for live-patch payloads, in the
 * format of public/livepatch-sig.h, with OpenSSL 3's EVP interface and
 * libelf.  One file per subcommand (cmd_*.c); the helpers below return -1
 * after printing why, and only main() exits.
 */
#ifndef LIVEPATCH_SIGN_H
#define LIVEPATCH_SIGN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include <openssl/evp.h>

#define KEY_ID_SIZE 32 /* SHA-256 */

/* Subcommands: argc/argv after the subcommand's name; 0 or 1 for exit(). */
int cmd_genkey(int argc, char **argv);
int cmd_sign(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_pubkey_c(int argc, char **argv);

/* Takes "@name VALUE" off the front of the arguments: 0, or -1 if absent. */
int take_option(int *argc, char ***argv, const char *name, const char **value);
/* Says how to call @cmd; returns 1, the exit status. */
int usage_error(const char *cmd);

/* "livepatch-sign: <message>" on stderr; returns -1. */
int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* fail(), then what OpenSSL's error queue says. */
int fail_ssl(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* file.c: whole files. */
struct image {
    const char *name; /* for messages: the file it came from */
    uint8_t *data;
    size_t len;
};
int image_read(const char *path, struct image *img);
/* The same from an open file, from its start; @what names it in messages. */
int image_read_stream(FILE *f, const char *what, struct image *img);
/* Writes through a temporary file renamed over @path, so readers never see a partial file. */
int file_replace(const char *path, const void *data, size_t len, mode_t mode);

/* keys.c: RSA keys as the hypervisor can use them (2048 to 4096 bits, a
 * multiple of 32, odd 32-bit exponent of at least 3). */
EVP_PKEY *key_load(const char *path, bool private_key);
/* Modulus (big-endian, EVP_PKEY_get_size() bytes) and exponent. */
int key_numbers(EVP_PKEY *key, uint8_t *n, uint32_t *e);
/* A digest context signing (or verifying) SHA-256 with PKCS#1 v1.5 padding. */
EVP_MD_CTX *key_pkcs1_sha256(EVP_PKEY *key, bool sign);
/* SHA-256 of the DER SubjectPublicKeyInfo. */
int key_id(EVP_PKEY *key, uint8_t id[KEY_ID_SIZE]);
/* @id in hex into @out (2 * KEY_ID_SIZE + 1 chars). */
void key_id_hex(const uint8_t id[KEY_ID_SIZE], char *out);
/* The key's name for logs: the file name without ".pub.pem" or ".pem". */
void key_name(const char *path, char *out, size_t size);

/* note.c: the signature note in a payload image. */
struct sig_note {
    bool present;    /* there is a signature section */
    bool one_note;   /* holding exactly one note named "Xen" */
    uint32_t type;   /* the note's type */
    size_t desc_off; /* the descriptor's offset in the image */
    size_t desc_len;
};
/* Finds the signature note; -1 if the image is not a relocatable ELF object. */
int note_find(const struct image *img, struct sig_note *note);
/*
 * Gives the image a format-1 RSA/SHA-256 signature note with a zeroed
 * descriptor of @desc_len bytes: in place if it has one of that size,
 * otherwise rewritten through libelf with the section added or replaced.
 */
int note_prepare(struct image *img, size_t desc_len, struct sig_note *note);

/* What is signed: the image with the note's descriptor zeroed (a copy). */
uint8_t *signed_message(const struct image *img, const struct sig_note *note);

#endif /* LIVEPATCH_SIGN_H */
