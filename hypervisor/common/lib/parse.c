/* SPDX-License-Identifier: MIT */
/* Number parsing for command lines. */
#include <hv/lib.h>

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

bool parse_number(const char *s, const char **end, unsigned long long *out)
{
    unsigned long long v = 0;
    unsigned int base = 10;
    const char *p = s;
    bool any = false;

    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        base = 16;
        p += 2;
    }
    for (int d; (d = digit_value(*p)) < (int)base; p++) {
        if (v > (~0ULL - (unsigned int)d) / base)
            return false;
        v = v * base + (unsigned int)d;
        any = true;
    }
    if (!any)
        return false;
    *out = v;
    if (end)
        *end = p;
    return true;
}

bool parse_size(const char *s, const char **end, unsigned long long *out)
{
    unsigned long long v;
    unsigned int shift = 0;
    const char *p;

    if (!parse_number(s, &p, &v))
        return false;
    switch (*p) {
    case 'G':
    case 'g':
        shift = 30;
        p++;
        break;
    case 'M':
    case 'm':
        shift = 20;
        p++;
        break;
    case 'K':
    case 'k':
        shift = 10;
        p++;
        break;
    default:
        break;
    }
    if (shift && v > (~0ULL >> shift))
        return false;
    *out = v << shift;
    if (end)
        *end = p;
    return true;
}
