/* SPDX-License-Identifier: MIT */
/* Host helpers for the signature tests: see sig_util.h. */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "sig_util.h"
#include "unit.h"

#define SCRATCH_FILES 16

extern char **environ;

static __attribute__((noreturn)) void stop(const char *fmt, const char *what)
{
    unit_check(false, __FILE__, __LINE__, fmt, what);
    unit_stop();
}

EVP_PKEY *sig_key(const char *name, bool private_key)
{
    char path[512];
    EVP_PKEY *key;
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s%s", SIG_KEYS_DIR, name, private_key ? ".pem" : ".pub.pem");
    f = fopen(path, "r");
    if (!f)
        stop("no test key %s (run make keys)", path);
    key = private_key ? PEM_read_PrivateKey(f, NULL, NULL, NULL)
                      : PEM_read_PUBKEY(f, NULL, NULL, NULL);
    fclose(f);
    if (!key)
        stop("%s is not a PEM key", path);
    return key;
}

void sig_numbers(EVP_PKEY *key, struct sig_numbers *out)
{
    BIGNUM *n = NULL, *e = NULL;

    if (!EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_N, &n) ||
        !EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_E, &e) || BN_num_bytes(n) > SIG_MAX_BYTES)
        stop("%s", "cannot read an RSA key's numbers");
    out->n_len = (size_t)BN_num_bytes(n);
    BN_bn2bin(n, out->n);
    out->e = (uint32_t)BN_get_word(e);
    BN_free(n);
    BN_free(e);
}

static EVP_MD_CTX *pkcs1_sha256(EVP_PKEY *key, bool sign)
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx;

    if (!md ||
        (sign ? EVP_DigestSignInit(md, &pctx, EVP_sha256(), NULL, key)
              : EVP_DigestVerifyInit(md, &pctx, EVP_sha256(), NULL, key)) <= 0 ||
        EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) <= 0)
        stop("%s", "OpenSSL cannot set up RSA PKCS#1 v1.5 with SHA-256");
    return md;
}

size_t sig_openssl_sign(EVP_PKEY *key, const void *msg, size_t len, uint8_t *sig)
{
    EVP_MD_CTX *md = pkcs1_sha256(key, true);
    size_t sig_len = SIG_MAX_BYTES;

    if (EVP_DigestSign(md, sig, &sig_len, msg, len) <= 0)
        stop("%s", "OpenSSL cannot sign");
    EVP_MD_CTX_free(md);
    return sig_len;
}

bool sig_openssl_verify(EVP_PKEY *key, const void *msg, size_t len, const uint8_t *sig,
                        size_t sig_len)
{
    EVP_MD_CTX *md = pkcs1_sha256(key, false);
    bool ok = EVP_DigestVerify(md, sig, sig_len, msg, len) == 1;

    EVP_MD_CTX_free(md);
    return ok;
}

void sig_openssl_raw_sign(EVP_PKEY *key, const uint8_t *em, uint8_t *sig)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key, NULL);
    size_t len = (size_t)EVP_PKEY_get_size(key);

    if (!ctx || EVP_PKEY_sign_init(ctx) <= 0 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_NO_PADDING) <= 0 ||
        EVP_PKEY_sign(ctx, sig, &len, em, len) <= 0)
        stop("%s", "OpenSSL cannot do the raw private-key operation");
    EVP_PKEY_CTX_free(ctx);
}

/* --- livepatch-sign and its files -------------------------------------------- */

static char scratch_dir[64];
static char *scratch_files[SCRATCH_FILES];

static void scratch_cleanup(void)
{
    for (unsigned int i = 0; i < SCRATCH_FILES && scratch_files[i]; i++) {
        unlink(scratch_files[i]);
        free(scratch_files[i]);
    }
    rmdir(scratch_dir);
}

const char *sig_scratch(const char *name)
{
    char path[128];
    unsigned int i;

    if (!scratch_dir[0]) {
        snprintf(scratch_dir, sizeof(scratch_dir), "%s/unit-sig-XXXXXX",
                 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        if (!mkdtemp(scratch_dir))
            stop("cannot make a scratch directory %s", scratch_dir);
        atexit(scratch_cleanup);
    }
    snprintf(path, sizeof(path), "%s/%s", scratch_dir, name);
    for (i = 0; i < SCRATCH_FILES && scratch_files[i]; i++)
        if (!strcmp(scratch_files[i], path))
            return scratch_files[i];
    if (i == SCRATCH_FILES || !(scratch_files[i] = strdup(path)))
        stop("%s", "too many scratch files");
    return scratch_files[i];
}

void sig_write(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");

    if (!f || fwrite(data, 1, len, f) != len || fclose(f))
        stop("cannot write %s", path);
}

uint8_t *sig_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *data;
    long size;

    if (!f || fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
        stop("cannot read %s", path);
    data = malloc(size ? (size_t)size : 1);
    if (!data || fread(data, 1, (size_t)size, f) != (size_t)size)
        stop("cannot read %s", path);
    fclose(f);
    *len = (size_t)size;
    return data;
}

int sig_tool(const char *const *args)
{
    const char *argv[16] = { SIG_TOOL };
    posix_spawn_file_actions_t fa;
    const char *out = sig_scratch("tool.out");
    unsigned int n = 1;
    int status;
    pid_t pid;

    while (*args && n < 15)
        argv[n++] = *args++;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    if (posix_spawn(&pid, SIG_TOOL, &fa, NULL, (char *const *)argv, environ) ||
        waitpid(pid, &status, 0) != pid)
        stop("cannot run %s (run make)", SIG_TOOL);
    posix_spawn_file_actions_destroy(&fa);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

uint8_t *sig_tool_sign(const void *img, size_t len, const char *key, size_t *out_len)
{
    char key_path[512];
    const char *in = sig_scratch("in.livepatch"), *out = sig_scratch("out.livepatch");

    snprintf(key_path, sizeof(key_path), "%s/%s.pem", SIG_KEYS_DIR, key);
    sig_write(in, img, len);
    if (sig_tool((const char *const[]){ "sign", "--key", key_path, in, out, NULL }))
        stop("livepatch-sign could not sign with %s", key_path);
    return sig_read(out, out_len);
}

/* --- Random numbers (splitmix64) ---------------------------------------------- */

static uint64_t rand_state;

void sig_rand_seed(uint64_t seed)
{
    rand_state = seed;
}

uint64_t sig_rand(void)
{
    uint64_t z = (rand_state += 0x9e3779b97f4a7c15ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void sig_rand_bytes(void *p, size_t len)
{
    uint8_t *b = p;

    for (size_t i = 0; i < len; i++)
        b[i] = (uint8_t)(sig_rand() >> 56);
}
