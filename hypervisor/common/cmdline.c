/* SPDX-License-Identifier: MIT */
/* Boot command line parsing. */
#include <hv/cmdline.h>
#include <hv/lib.h>

bool cmdline_find(const char *cmdline, const char *name, const char **val, size_t *len)
{
    size_t name_len = strlen(name);
    const char *p = cmdline;

    if (!p)
        return false;
    while (*p) {
        const char *word, *end;

        while (*p == ' ')
            p++;
        word = p;
        while (*p && *p != ' ')
            p++;
        end = p;
        if ((size_t)(end - word) >= name_len && !strncmp(word, name, name_len)) {
            const char *rest = word + name_len;

            if (rest == end) {
                *val = rest;
                *len = 0;
                return true;
            }
            if (*rest == '=') {
                *val = rest + 1;
                *len = (size_t)(end - rest - 1);
                return true;
            }
        }
    }
    return false;
}

bool cmdline_flag(const char *cmdline, const char *name)
{
    const char *val;
    size_t len;

    return cmdline_find(cmdline, name, &val, &len);
}

bool cmdline_string(const char *cmdline, const char *name, char *buf, size_t size)
{
    const char *val;
    size_t len;

    if (!cmdline_find(cmdline, name, &val, &len) || len >= size)
        return false;
    memcpy(buf, val, len);
    buf[len] = '\0';
    return true;
}

unsigned long long cmdline_size(const char *cmdline, const char *name, unsigned long long def)
{
    char buf[32];
    const char *end;
    unsigned long long v;

    if (!cmdline_string(cmdline, name, buf, sizeof(buf)))
        return def;
    if (!parse_size(buf, &end, &v) || *end)
        return def;
    return v;
}
