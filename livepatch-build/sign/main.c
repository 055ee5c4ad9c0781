/* SPDX-License-Identifier: MIT */
/* livepatch-sign: the command line (see usage below and hypervisor/docs/livepatch.md). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <openssl/err.h>

#include "livepatch-sign.h"

static const char usage[] =
    "usage: livepatch-sign genkey --bits 2048|3072|4096 PRIVATE.pem PUBLIC.pem\n"
    "       livepatch-sign sign --key PRIVATE.pem IN.livepatch OUT.livepatch\n"
    "       livepatch-sign verify --key PUBLIC.pem FILE.livepatch\n"
    "       livepatch-sign pubkey-c PUBLIC.pem...\n"
    "\n"
    "genkey    makes an RSA key pair (public exponent 65537), PEM files.\n"
    "sign      signs a payload: adds a .note.Xen.signature section sized for the\n"
    "          key (or refills the one there) holding an RSA PKCS#1 v1.5 signature\n"
    "          over the SHA-256 of the whole file with the signature zeroed.\n"
    "verify    checks a payload's signature with OpenSSL; exit 0 if it verifies.\n"
    "pubkey-c  prints the C source of the hypervisor's built-in key table.\n"
    "Exit status: 0 done, 1 otherwise.\n";

static void report(const char *fmt, va_list ap)
{
    fputs("livepatch-sign: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

int fail(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report(fmt, ap);
    va_end(ap);
    return -1;
}

int fail_ssl(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report(fmt, ap);
    va_end(ap);
    ERR_print_errors_fp(stderr);
    return -1;
}

int take_option(int *argc, char ***argv, const char *name, const char **value)
{
    if (*argc < 2 || strcmp((*argv)[0], name))
        return -1;
    *value = (*argv)[1];
    *argc -= 2;
    *argv += 2;
    return 0;
}

int usage_error(const char *cmd)
{
    char needle[32];
    const char *line;

    snprintf(needle, sizeof(needle), "livepatch-sign %s ", cmd);
    line = strstr(usage, needle);
    fprintf(stderr, "usage: %.*s\n", (int)strcspn(line, "\n"), line);
    return 1;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*run)(int argc, char **argv);
    } cmds[] = {
        { "genkey", cmd_genkey },
        { "sign", cmd_sign },
        { "verify", cmd_verify },
        { "pubkey-c", cmd_pubkey_c },
    };

    if (argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
        fputs(usage, stdout);
        return 0;
    }
    for (size_t i = 0; argc >= 2 && i < sizeof(cmds) / sizeof(cmds[0]); i++)
        if (!strcmp(argv[1], cmds[i].name))
            return cmds[i].run(argc - 2, argv + 2);
    fputs(usage, stderr);
    return 1;
}
