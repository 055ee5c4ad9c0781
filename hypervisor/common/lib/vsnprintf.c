/* SPDX-License-Identifier: MIT */
/*
 * printf-style formatting: %d %i %u %x %X %o %p %s %c %% with flags
 * "-0+ #", width and precision (numbers or '*'), and the length modifiers
 * hh h l ll z t j, as C defines them.  Output is always NUL-terminated when
 * @size > 0; the return value is the length the full output would have.
 * The one difference from glibc: %p of NULL prints 0x0, not (nil).
 */
#include <hv/lib.h>

struct out {
    char *buf;
    size_t size, len;
};

struct spec {
    bool left, zero, plus, space, alt;
    int width, prec; /* prec < 0: none */
    char conv;
};

static void put(struct out *o, char c)
{
    if (o->len + 1 < o->size)
        o->buf[o->len] = c;
    o->len++;
}

static void pad(struct out *o, char c, int n)
{
    while (n-- > 0)
        put(o, c);
}

static void put_str(struct out *o, const struct spec *sp, const char *s)
{
    size_t n;
    int padding;

    if (!s)
        s = "(null)";
    n = sp->prec >= 0 ? strnlen(s, (size_t)sp->prec) : strlen(s);
    padding = sp->width > (int)n ? sp->width - (int)n : 0;
    if (!sp->left)
        pad(o, ' ', padding);
    for (size_t i = 0; i < n; i++)
        put(o, s[i]);
    if (sp->left)
        pad(o, ' ', padding);
}

static void put_num(struct out *o, const struct spec *sp, unsigned long long v, bool neg)
{
    const char *digits = sp->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned int base = 10;
    char tmp[24], sign = 0;
    const char *prefix = "";
    int n = 0, zeros, padding, prefix_len;
    bool is_zero = v == 0, is_signed = sp->conv == 'd' || sp->conv == 'i';

    if (sp->conv == 'x' || sp->conv == 'X' || sp->conv == 'p')
        base = 16;
    else if (sp->conv == 'o')
        base = 8;
    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while (v);
    if (sp->prec == 0 && is_zero)
        n = 0;
    if (neg)
        sign = '-';
    else if (is_signed && sp->plus)
        sign = '+';
    else if (is_signed && sp->space)
        sign = ' ';
    zeros = sp->prec > n ? sp->prec - n : 0;
    if (sp->alt && base == 16 && (!is_zero || sp->conv == 'p'))
        prefix = sp->conv == 'X' ? "0X" : "0x";
    else if (sp->alt && base == 8 && !zeros && (n == 0 || tmp[n - 1] != '0'))
        prefix = "0"; /* only if the first digit is not already a 0 */
    prefix_len = (int)strlen(prefix) + (sign ? 1 : 0);
    padding = sp->width - n - zeros - prefix_len;
    if (sp->zero && !sp->left && sp->prec < 0) {
        zeros += padding > 0 ? padding : 0;
        padding = 0;
    }
    if (!sp->left)
        pad(o, ' ', padding);
    if (sign)
        put(o, sign);
    for (const char *p = prefix; *p; p++)
        put(o, *p);
    pad(o, '0', zeros);
    while (n)
        put(o, tmp[--n]);
    if (sp->left)
        pad(o, ' ', padding);
}

static const char *parse_int(const char *f, int *out, va_list *ap)
{
    if (*f == '*') {
        *out = va_arg(*ap, int);
        return f + 1;
    }
    *out = 0;
    while (*f >= '0' && *f <= '9')
        *out = *out * 10 + (*f++ - '0');
    return f;
}

/* Reads the argument for an integer conversion with length modifier @len. */
static unsigned long long get_int(va_list *ap, char len, bool is_signed, bool *neg)
{
    long long s;
    unsigned long long u;

    if (is_signed) {
        switch (len) {
        case 'H':
            s = (signed char)va_arg(*ap, int);
            break;
        case 'h':
            s = (short)va_arg(*ap, int);
            break;
        case 'l':
            s = va_arg(*ap, long);
            break;
        case 'q':
            s = va_arg(*ap, long long);
            break;
        case 'z':
        case 't':
        case 'j':
            s = va_arg(*ap, long);
            break;
        default:
            s = va_arg(*ap, int);
            break;
        }
        *neg = s < 0;
        return *neg ? 0ULL - (unsigned long long)s : (unsigned long long)s;
    }
    switch (len) {
    case 'H':
        u = (unsigned char)va_arg(*ap, unsigned int);
        break;
    case 'h':
        u = (unsigned short)va_arg(*ap, unsigned int);
        break;
    case 'l':
        u = va_arg(*ap, unsigned long);
        break;
    case 'q':
        u = va_arg(*ap, unsigned long long);
        break;
    case 'z':
    case 't':
    case 'j':
        u = va_arg(*ap, unsigned long);
        break;
    default:
        u = va_arg(*ap, unsigned int);
        break;
    }
    *neg = false;
    return u;
}

static const char *parse_spec(const char *f, struct spec *sp, char *len, va_list *ap)
{
    *sp = (struct spec){ .prec = -1 };
    for (;; f++) {
        if (*f == '-')
            sp->left = true;
        else if (*f == '0')
            sp->zero = true;
        else if (*f == '+')
            sp->plus = true;
        else if (*f == ' ')
            sp->space = true;
        else if (*f == '#')
            sp->alt = true;
        else
            break;
    }
    f = parse_int(f, &sp->width, ap);
    if (sp->width < 0) {
        sp->left = true;
        sp->width = -sp->width;
    }
    if (*f == '.') {
        f = parse_int(f + 1, &sp->prec, ap);
        if (sp->prec < 0)
            sp->prec = -1;
    }
    *len = 0;
    if (f[0] == 'h' && f[1] == 'h') {
        *len = 'H';
        f += 2;
    } else if (f[0] == 'l' && f[1] == 'l') {
        *len = 'q';
        f += 2;
    } else if (*f == 'h' || *f == 'l' || *f == 'z' || *f == 't' || *f == 'j')
        *len = *f++;
    sp->conv = *f;
    return f;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap_in)
{
    struct out o = { buf, size, 0 };
    va_list ap;

    va_copy(ap, ap_in);
    for (const char *f = fmt; *f; f++) {
        struct spec sp;
        char len;
        bool neg;
        unsigned long long v;

        if (*f != '%') {
            put(&o, *f);
            continue;
        }
        f = parse_spec(f + 1, &sp, &len, &ap);
        switch (sp.conv) {
        case 'd':
        case 'i':
            v = get_int(&ap, len, true, &neg);
            put_num(&o, &sp, v, neg);
            break;
        case 'u':
        case 'x':
        case 'X':
        case 'o':
            v = get_int(&ap, len, false, &neg);
            put_num(&o, &sp, v, false);
            break;
        case 'p':
            sp.alt = true;
            put_num(&o, &sp, (uintptr_t)va_arg(ap, void *), false);
            break;
        case 's':
            put_str(&o, &sp, va_arg(ap, const char *));
            break;
        case 'c': /* a NUL is a character too: not put_str() */
            if (!sp.left)
                pad(&o, ' ', sp.width - 1);
            put(&o, (char)va_arg(ap, int));
            if (sp.left)
                pad(&o, ' ', sp.width - 1);
            break;
        case '%':
            put(&o, '%');
            break;
        default: /* unknown conversion: print it verbatim */
            put(&o, '%');
            if (!sp.conv)
                goto done;
            put(&o, sp.conv);
            break;
        }
    }
done:
    va_end(ap);
    if (size)
        buf[o.len < size ? o.len : size - 1] = '\0';
    return o.len > (size_t)INT32_MAX ? INT32_MAX : (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
