/* SPDX-License-Identifier: MIT */
/*
 * RSASSA-PKCS1-v1_5 verification with SHA-256 (see hv/rsa.h).
 *
 * Numbers are arrays of 32-bit limbs, least significant first, all as long
 * as the modulus (k limbs).  sig^e mod n is computed in Montgomery form
 * (R = 2^(32k)) with Montgomery multiplication, which needs no division:
 * the only constants are -1/n mod 2^32 (a Newton iteration) and R^2 mod n.
 * As the modulus has its top bit set, R mod n (the Montgomery form of 1) is
 * R - n; doubling that 32 times gives the form of 2^32, and raising that to
 * the power k gives the form of 2^(32k) = R, which is R^2 mod n.
 */
#include <hv/rsa.h>
#include <hv/lib.h>
#include <hv/mm.h>

#define LIMBS_MAX (RSA_MAX_BITS / 32)

/* DigestInfo for SHA-256 (RFC 8017 9.2, note 1): the bytes before the digest. */
static const uint8_t sha256_prefix[] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                         0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };

struct rsa_work {
    unsigned int k; /* limbs in the modulus */
    uint32_t n0inv; /* -1/n mod 2^32 */
    uint32_t n[LIMBS_MAX], a[LIMBS_MAX], b[LIMBS_MAX], c[LIMBS_MAX];
    uint32_t t[LIMBS_MAX + 1];    /* Montgomery product accumulator */
    uint8_t em[RSA_MAX_BITS / 8]; /* the opened signature, big-endian */
};

static void load_be(uint32_t *x, const uint8_t *p, unsigned int k)
{
    for (unsigned int i = 0; i < k; i++) {
        const uint8_t *q = p + 4 * (k - 1 - i);

        x[i] = (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 | (uint32_t)q[2] << 8 | q[3];
    }
}

static void store_be(uint8_t *p, const uint32_t *x, unsigned int k)
{
    for (unsigned int i = 0; i < k; i++) {
        uint8_t *q = p + 4 * (k - 1 - i);

        q[0] = (uint8_t)(x[i] >> 24);
        q[1] = (uint8_t)(x[i] >> 16);
        q[2] = (uint8_t)(x[i] >> 8);
        q[3] = (uint8_t)x[i];
    }
}

/* -1, 0 or 1 as @x is below, equal to or above @y. */
static int cmp(const uint32_t *x, const uint32_t *y, unsigned int k)
{
    for (unsigned int i = k; i-- > 0;)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}

/* x -= y, modulo 2^(32k). */
static void sub(uint32_t *x, const uint32_t *y, unsigned int k)
{
    uint64_t borrow = 0;

    for (unsigned int i = 0; i < k; i++) {
        uint64_t d = (uint64_t)x[i] - y[i] - borrow;

        x[i] = (uint32_t)d;
        borrow = d >> 63;
    }
}

/*
 * out = x * y / R mod n, for x, y < n; out may be x or y.  Each step adds
 * x[i] * y and the multiple m * n of n that zeroes the low limb, then drops
 * that limb; the two products run in one loop, each with its own carry.
 */
static void mont_mul(struct rsa_work *w, uint32_t *out, const uint32_t *x, const uint32_t *y)
{
    const uint32_t *n = w->n;
    unsigned int k = w->k;
    uint32_t *t = w->t;

    memset(t, 0, (k + 1) * sizeof(*t));
    for (unsigned int i = 0; i < k; i++) {
        uint64_t xi = x[i], c1 = xi * y[0] + t[0], c2;
        uint32_t m = (uint32_t)c1 * w->n0inv;

        c2 = ((uint64_t)m * n[0] + (uint32_t)c1) >> 32; /* the low limb, now 0, is dropped */
        c1 >>= 32;
        for (unsigned int j = 1; j < k; j++) {
            c1 += xi * y[j] + t[j];
            c2 += (uint64_t)m * n[j] + (uint32_t)c1;
            t[j - 1] = (uint32_t)c2;
            c1 >>= 32;
            c2 >>= 32;
        }
        c1 += t[k];
        c2 += (uint32_t)c1;
        t[k - 1] = (uint32_t)c2;
        t[k] = (uint32_t)(c1 >> 32) + (uint32_t)(c2 >> 32);
    }
    /* t < 2n here, so one subtraction brings it below n. */
    if (t[k] || cmp(t, n, k) >= 0)
        sub(t, n, k);
    memcpy(out, t, k * sizeof(*t));
}

/* out = base^exp in Montgomery form, for exp >= 1; out must not be base. */
static void mont_pow(struct rsa_work *w, uint32_t *out, const uint32_t *base, uint32_t exp)
{
    unsigned int bit = 31;

    while (!(exp >> bit & 1))
        bit--;
    memcpy(out, base, w->k * sizeof(*out));
    while (bit-- > 0) {
        mont_mul(w, out, out, out);
        if (exp >> bit & 1)
            mont_mul(w, out, out, base);
    }
}

/* x = 2x mod n, for x < n. */
static void mod_double(const struct rsa_work *w, uint32_t *x)
{
    uint32_t carry = 0;

    for (unsigned int i = 0; i < w->k; i++) {
        uint32_t top = x[i] >> 31;

        x[i] = x[i] << 1 | carry;
        carry = top;
    }
    if (carry || cmp(x, w->n, w->k) >= 0)
        sub(x, w->n, w->k);
}

/* R^2 mod n into @out (see the top of the file); uses w->b. */
static void montgomery_r2(struct rsa_work *w, uint32_t *out)
{
    uint32_t *x = w->b;

    for (unsigned int i = 0; i < w->k; i++) /* R - n = ~n + 1 */
        x[i] = ~w->n[i];
    for (unsigned int i = 0; i < w->k; i++)
        if (++x[i] != 0)
            break;
    for (unsigned int i = 0; i < 32; i++) /* the form of 2^32 */
        mod_double(w, x);
    mont_pow(w, out, x, w->k); /* (2^32)^k = R */
}

static bool key_supported(const struct rsa_public_key *key)
{
    size_t bits = key->n_len * 8;

    return bits >= RSA_MIN_BITS && bits <= RSA_MAX_BITS && bits % 32 == 0 && key->n[0] & 0x80 &&
           key->n[key->n_len - 1] & 1 && key->e & 1 && key->e >= 3;
}

/* Compares the opened block with 00 01 FF..FF 00 DigestInfo digest. */
static enum rsa_verdict check_encoding(const uint8_t *em, size_t len,
                                       const uint8_t digest[SHA256_DIGEST_SIZE])
{
    size_t ps_len = len - 3 - sizeof(sha256_prefix) - SHA256_DIGEST_SIZE;
    const uint8_t *t = em + 3 + ps_len;

    if (em[0] != 0x00 || em[1] != 0x01 || em[2 + ps_len] != 0x00)
        return RSA_NOT_THIS_KEY;
    for (size_t i = 0; i < ps_len; i++)
        if (em[2 + i] != 0xff)
            return RSA_NOT_THIS_KEY;
    if (memcmp(t, sha256_prefix, sizeof(sha256_prefix)))
        return RSA_NOT_THIS_KEY;
    if (memcmp(t + sizeof(sha256_prefix), digest, SHA256_DIGEST_SIZE))
        return RSA_OTHER_DIGEST;
    return RSA_VALID;
}

enum rsa_verdict rsa_verify_sha256(const struct rsa_public_key *key, const uint8_t *sig,
                                   size_t sig_len, const uint8_t digest[SHA256_DIGEST_SIZE])
{
    struct rsa_work *w;
    enum rsa_verdict v;
    unsigned int k;

    if (!key_supported(key))
        return RSA_BAD_KEY;
    if (sig_len != key->n_len)
        return RSA_NOT_THIS_KEY;
    w = xzalloc(struct rsa_work);
    if (!w)
        return RSA_NO_MEMORY;
    k = w->k = (unsigned int)(key->n_len / 4);
    load_be(w->n, key->n, k);
    load_be(w->a, sig, k);
    if (cmp(w->a, w->n, k) >= 0) {
        v = RSA_NOT_THIS_KEY; /* RFC 8017 5.2.2: the signature representative must be below n */
        goto out;
    }
    w->n0inv = w->n[0]; /* right in the low 3 bits, as n is odd; each step doubles that */
    for (unsigned int i = 0; i < 4; i++)
        w->n0inv *= 2 - w->n[0] * w->n0inv;
    w->n0inv = -w->n0inv;

    montgomery_r2(w, w->c);
    mont_mul(w, w->b, w->a, w->c); /* sig in Montgomery form */
    mont_pow(w, w->c, w->b, key->e);
    memset(w->a, 0, k * sizeof(*w->a));
    w->a[0] = 1;
    mont_mul(w, w->b, w->c, w->a); /* out of Montgomery form: sig^e mod n */
    store_be(w->em, w->b, k);
    v = check_encoding(w->em, key->n_len, digest);
out:
    xfree(w);
    return v;
}
