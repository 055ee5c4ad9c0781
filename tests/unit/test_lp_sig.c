/* SPDX-License-Identifier: MIT */
/*
 * The signature check on upload (common/livepatch/signature.c, sig_note.c)
 * with payloads that livepatch-sign signed with the test keys, which are
 * also the built-in keys here.  With livepatch_sig=enforce a signed payload
 * loads; an unsigned one (-EACCES), one signed with a key the hypervisor
 * does not know (-ENXIO) and one changed after signing (-EBADMSG) are
 * refused, each with one log line naming its reason, and so is the signed
 * payload with any one of its bytes changed.  With livepatch_sig=log they
 * load after that log line.  Malformed signature notes are bad signatures,
 * and the check comes before any other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hv/errno.h>
#include <hv/livepatch.h>

#include "../../hypervisor/common/livepatch/private.h"
#include "fake.h"
#include "fixture.h"
#include "payload_image.h"
#include "sig_util.h"
#include "unit.h"

#define ENFORCE "livepatch_sig=enforce"
#define LOG "livepatch_sig=log"
#define UNSIGNED "unsigned: "
#define UNKNOWN_KEY "signed by an unknown key: "
#define BAD_SIGNATURE "bad signature: "
#define LOADED_ANYWAY ": loading it anyway (livepatch_sig=log)"

static struct pi_mem base;

static void boot(const char *mode)
{
    fixture_boot();
    base = pi_baseline();
    livepatch_sig_init(mode);
}

/* How many lines the hypervisor logged about payload @name. */
static unsigned int lines_about(const char *name)
{
    char prefix[64];
    unsigned int n = 0;

    snprintf(prefix, sizeof(prefix), "(XEN) livepatch: %s: ", name);
    for (const char *p = fake_console_output(); (p = strstr(p, prefix)); p++)
        n++;
    return n;
}

/* pi_valid(1), built and signed with test key @key. */
static uint8_t *signed_valid(const char *key, size_t *len)
{
    struct payload_image *pi = pi_valid_built(1);
    uint8_t *img = sig_tool_sign(pi->buf, pi->len, key, len);

    pi_free(pi);
    return img;
}

/* Changes a byte of the payload's .modinfo ("seed=1" becomes "seed=2"). */
static void tamper(uint8_t *img, size_t len)
{
    uint8_t *seed = memmem(img, len, "seed=1", 7);

    REQUIRE(seed);
    seed[5] = '2';
}

TEST(payloads_signed_with_each_test_key_load_when_enforcing)
{
    static const char *const keys[] = { "test-2048", "test-3072", "test-4096" };

    boot(ENFORCE);
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        char want[64];
        size_t len;
        uint8_t *img = signed_valid(keys[i], &len);

        UPLOAD_CHECK(img, len, 0, "");
        snprintf(want, sizeof(want), "good: signature verified with key %s\n", keys[i]);
        CHECK(strstr(fake_console_output(), want));
        free(img);
    }
}

struct refusal {
    const char *what, *reason;
    int err;
    uint8_t *img;
    size_t len;
};

/* Unsigned, signed with the untrusted key, changed after signing. */
static void three_refusals(struct refusal r[3])
{
    struct payload_image *pi = pi_valid_built(1);

    r[0] = (struct refusal){ .what = "unsigned",
                             .reason = UNSIGNED "no .note.Xen.signature section",
                             .err = -EACCES,
                             .img = malloc(pi->len),
                             .len = pi->len };
    REQUIRE(r[0].img);
    memcpy(r[0].img, pi->buf, pi->len);
    pi_free(pi);
    r[1] = (struct refusal){ .what = "unknown key",
                             .reason = UNKNOWN_KEY "no built-in RSA-2048 key made it",
                             .err = -ENXIO };
    r[1].img = signed_valid("untrusted-2048", &r[1].len);
    r[2] = (struct refusal){ .what = "bad signature",
                             .reason = BAD_SIGNATURE "made with key test-2048 over other contents",
                             .err = -EBADMSG };
    r[2].img = signed_valid("test-2048", &r[2].len);
    tamper(r[2].img, r[2].len);
}

TEST(the_three_refusals_are_logged_distinctly_when_enforcing)
{
    static const char *const reasons[] = { UNSIGNED, UNKNOWN_KEY, BAD_SIGNATURE };
    struct refusal r[3];

    boot(ENFORCE);
    three_refusals(r);
    for (unsigned int i = 0; i < 3; i++) {
        UPLOAD_CHECK(r[i].img, r[i].len, r[i].err, r[i].reason);
        unit_check(lines_about("bad") == 1, __FILE__, __LINE__, "%s: %u lines: %s", r[i].what,
                   lines_about("bad"), fake_console_output());
        for (unsigned int j = 0; j < 3; j++)
            unit_check(i == j || !strstr(fake_console_output(), reasons[j]), __FILE__, __LINE__,
                       "%s logged as %s", r[i].what, reasons[j]);
        free(r[i].img);
    }
}

TEST(the_three_are_loaded_with_their_log_line_in_log_mode)
{
    struct refusal r[3];

    boot(LOG);
    three_refusals(r);
    for (unsigned int i = 0; i < 3; i++) {
        char want[160];

        UPLOAD_CHECK(r[i].img, r[i].len, 0, "");
        snprintf(want, sizeof(want), "(XEN) livepatch: good: %s", r[i].reason);
        unit_check(strstr(fake_console_output(), want) &&
                       strstr(fake_console_output(), LOADED_ANYWAY),
                   __FILE__, __LINE__, "%s: log: %s", r[i].what, fake_console_output());
        free(r[i].img);
    }
}

/* A small payload that loads: one NOP entry (funcs[1] of pi_valid()) and the three notes. */
static struct payload_image *small_payload(void)
{
    static const char name[] = "nop";
    struct payload_image *pi = pi_new();
    unsigned int rodata, funcs, sym;
    struct livepatch_func *f;

    rodata = pi_add_section(pi, ".rodata", SHT_PROGBITS, SHF_ALLOC, 1, name, sizeof(name));
    funcs = pi_add_section(pi, ".livepatch.funcs", SHT_PROGBITS, SHF_ALLOC, 8, NULL,
                           sizeof(struct livepatch_func));
    pi_add_note(pi, ".livepatch.depends", FAKE_BUILD_ID, FAKE_BUILD_ID_LEN);
    pi_add_note(pi, ".livepatch.xen_depends", FAKE_BUILD_ID, FAKE_BUILD_ID_LEN);
    pi_add_note(pi, ".note.gnu.build-id", "small-signed-payload", 20);
    sym = pi_add_symbol(pi, "", STB_LOCAL, STT_SECTION, (uint16_t)rodata, 0, 0);
    pi_add_rela(pi, funcs, offsetof(struct livepatch_func, name), PI_R_X86_64_64, sym, 0);
    f = pi_func(pi, 0);
    f->old_addr = (void *)PI_OLD_NOP;
    f->new_size = 3;
    f->old_size = PI_OLD_FUNC_SIZE;
    f->version = LIVEPATCH_PAYLOAD_VERSION;
    pi_build(pi);
    return pi;
}

/* Each change takes a hash and an RSA-2048 check: a small payload keeps it quick. */
TEST(changing_any_one_byte_of_a_signed_payload_is_refused)
{
    struct payload_image *pi = small_payload();
    struct lp_sig_note note;
    size_t len, refused[3] = { 0 };
    uint8_t *img;

    boot(ENFORCE);
    img = sig_tool_sign(pi->buf, pi->len, "test-2048", &len);
    pi_free(pi);
    UPLOAD_CHECK(img, len, 0, "");
    REQUIRE(lp_sig_find_note(img, len, ELFCLASS64, &note) == LP_SIG_FOUND);
    for (size_t i = 0; i < len; i++) {
        bool in_sig = i >= note.desc_off && i - note.desc_off < note.desc_len;
        int rc;

        img[i] ^= 0xff;
        fake_console_clear();
        rc = pi_upload(img, len, "flip");
        img[i] ^= 0xff;
        refused[0] += rc == -EACCES;
        refused[1] += rc == -ENXIO;
        refused[2] += rc == -EBADMSG;
        if (!unit_check(rc == (in_sig ? -ENXIO : rc) &&
                            (rc == -EACCES || rc == -ENXIO || rc == -EBADMSG) &&
                            lines_about("flip") == 1 && !lp_find("flip"),
                        __FILE__, __LINE__, "byte %zu of %zu%s: rc %d; log: %s", i, len,
                        in_sig ? " (signature)" : "", rc, fake_console_output()))
            break;
    }
    CHECK_EQ(refused[0] + refused[1] + refused[2], len);
    CHECK(refused[1] >= note.desc_len && refused[2] > 0);
    CHECK(pi_mem_back_to(&base));
    free(img);
}

/* pi_valid(1) with a section @name of @type holding @note (@len bytes), built. */
static struct payload_image *with_note(const char *name, uint32_t type, const void *note,
                                       size_t len)
{
    struct payload_image *pi = pi_valid(1);

    pi_add_section(pi, name, type, 0, 4, note, len);
    pi_build(pi);
    return pi;
}

/* A note named @name, of @type, with @desc_len zero bytes of descriptor. */
static size_t make_note(uint8_t *out, const char *name, uint32_t type, uint32_t desc_len)
{
    uint32_t head[3] = { 4, desc_len, type };

    memcpy(out, head, sizeof(head));
    memcpy(out + 12, name, 4);
    memset(out + 16, 0, desc_len);
    return 16 + ((desc_len + 3) & ~3u);
}

TEST(malformed_signature_notes_are_bad_signatures)
{
    static uint8_t note[2 * (16 + 512)];
    struct payload_image *pi;
    size_t n;

    boot(ENFORCE);
    n = make_note(note, "Xem", 1, 256);
    pi = with_note(".note.Xen.signature", SHT_NOTE, note, n);
    REFUSED(pi, -EBADMSG, BAD_SIGNATURE "the signature note is not named \"Xen\"");
    pi_free(pi);
    n = make_note(note, "Xen", 1, 0);
    pi = with_note(".note.Xen.signature", SHT_NOTE, note, n);
    REFUSED(pi, -EBADMSG, BAD_SIGNATURE ".note.Xen.signature does not hold exactly one");
    pi_free(pi);
    n = make_note(note, "Xen", 1, 256);
    n += make_note(note + n, "Xen", 1, 256);
    pi = with_note(".note.Xen.signature", SHT_NOTE, note, n);
    REFUSED(pi, -EBADMSG, BAD_SIGNATURE ".note.Xen.signature does not hold exactly one");
    pi_free(pi);
    pi = with_note(".note.Xen.signature", SHT_NOTE, note, 8);
    REFUSED(pi, -EBADMSG, BAD_SIGNATURE ".note.Xen.signature is too short for a note");
    pi_free(pi);
    n = make_note(note, "Xen", 1, 256);
    pi = with_note(".note.Xen.signature", SHT_PROGBITS, note, n);
    REFUSED(pi, -EBADMSG, BAD_SIGNATURE ".note.Xen.signature is not a note section");
    pi_free(pi);
    pi = pi_valid(1);
    pi_add_section(pi, ".note.Xen.signature", SHT_NOTE, 0, 4, note, n);
    pi_add_section(pi, ".note.Xen.signature", SHT_NOTE, 0, 4, note, n);
    pi_build(pi);
    REFUSED(pi, -EBADMSG, BAD_SIGNATURE "more than one .note.Xen.signature");
    pi_free(pi);
    pi = with_note(".note.Xen.signature", SHT_NOTE, note, n);
    pi_shdr(pi, pi_section(pi, ".note.Xen.signature"))->sh_offset = pi->len - 8;
    REFUSED(pi, -EBADMSG, BAD_SIGNATURE ".note.Xen.signature is outside the file");
    pi_free(pi);
}

TEST(unknown_formats_and_key_sizes_are_named)
{
    static uint8_t note[16 + 300];
    static const struct {
        uint32_t type;
        const char *reason;
    } types[] = {
        { 0x00000002, BAD_SIGNATURE "format 2, algorithm 0, hash 0 (note type 0x2)" },
        { 0x00010001, BAD_SIGNATURE "format 1, algorithm 1, hash 0 (note type 0x10001)" },
        { 0x01000001, BAD_SIGNATURE "format 1, algorithm 0, hash 1 (note type 0x1000001)" },
    };
    struct payload_image *pi;

    boot(ENFORCE);
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        pi = with_note(".note.Xen.signature", SHT_NOTE, note,
                       make_note(note, "Xen", types[i].type, 256));
        REFUSED(pi, -EBADMSG, types[i].reason);
        pi_free(pi);
    }
    pi = with_note(".note.Xen.signature", SHT_NOTE, note, make_note(note, "Xen", 1, 300));
    REFUSED(pi, -ENXIO, UNKNOWN_KEY "no built-in key is RSA-2400");
    pi_free(pi);
}

TEST(what_has_no_section_table_is_unsigned)
{
    static uint8_t garbage[4096];
    size_t len;
    uint8_t *img;

    boot(ENFORCE);
    img = signed_valid("test-2048", &len);
    UPLOAD_CHECK(img, len - 1, -EACCES, UNSIGNED "no section table inside the file");
    memset(garbage, 0x5a, sizeof(garbage));
    UPLOAD_CHECK(garbage, sizeof(garbage), -EACCES,
                 UNSIGNED "not an ELF file of this hypervisor's class");
    free(img);
}

TEST(the_signature_is_checked_before_anything_else)
{
    struct payload_image *pi = pi_valid(1);
    uint8_t *img;
    size_t len;

    boot(ENFORCE);
    /* Unsigned, and built for another hypervisor: refused as unsigned. */
    memcpy(pi_contents(pi, ".livepatch.xen_depends") + 16, "another-hypervisor!!", 20);
    pi_build(pi);
    REFUSED(pi, -EACCES, UNSIGNED);
    CHECK(!strstr(fake_console_output(), "built for hypervisor build-id"));
    /* Signed: verified first, then refused for the build-id. */
    img = sig_tool_sign(pi->buf, pi->len, "test-2048", &len);
    UPLOAD_CHECK(img, len, -EINVAL, "built for hypervisor build-id");
    CHECK(strstr(fake_console_output(), "signature verified with key test-2048") <
          strstr(fake_console_output(), "built for hypervisor build-id"));
    free(img);
    pi_free(pi);
}

TEST(the_boot_option_selects_the_mode_and_defaults_to_enforce)
{
    static const struct {
        const char *cmdline, *says;
        bool enforce;
    } modes[] = {
        { "", "payload signatures: enforce, 3 built-in keys", true },
        { "loglvl=all livepatch_sig=log", "payload signatures: log, 3 built-in keys", false },
        { "livepatch_sig=enforce", "payload signatures: enforce", true },
        { "livepatch_sig=off", "livepatch_sig=off is not enforce or log: enforcing", true },
        { "livepatch_sig", "livepatch_sig= is not enforce or log: enforcing", true },
    };
    struct payload_image *pi = pi_valid_built(1);

    boot(LOG);
    for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
        fake_console_clear();
        livepatch_sig_init(modes[i].cmdline);
        unit_check(strstr(fake_console_output(), modes[i].says) &&
                       strstr(fake_console_output(), "livepatch: key test-4096: RSA-4096, id "),
                   __FILE__, __LINE__, "\"%s\": %s", modes[i].cmdline, fake_console_output());
        UPLOAD_CHECK(pi->buf, pi->len, modes[i].enforce ? -EACCES : 0,
                     modes[i].enforce ? UNSIGNED : "");
    }
    pi_free(pi);
}
