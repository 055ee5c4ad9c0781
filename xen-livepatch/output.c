/* SPDX-License-Identifier: MIT */
/* Payload lists as Xen's table and as JSON (see output.h). */
#include <stdbool.h>
#include <string.h>

#include "backend.h"
#include "errno_name.h"
#include "output.h"

const char *output_state_name(uint32_t state)
{
    switch (state) {
    case LP_STATE_CHECKED:
        return "CHECKED";
    case LP_STATE_APPLIED:
        return "APPLIED";
    }
    return "unknown";
}

/* Xen's metadata column: the blob with its NULs as ';', up to its last NUL. */
static void metadata_column(FILE *f, const char *m, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++) {
        if (m[i])
            fputc(m[i], f);
        else if (i + 1 < len)
            fputc(';', f);
    }
}

void output_list_table(FILE *f, const struct lp_list *l)
{
    if (!l->n) {
        fprintf(f, "Nothing to list\n");
        return;
    }
    fprintf(f, " ID                                     | status     | metadata\n"
               "----------------------------------------+------------+---------------\n");
    for (unsigned int i = 0; i < l->n; i++) {
        const struct lp_entry *e = &l->e[i];

        fprintf(f, "%-40s| %s", e->name, output_state_name(e->status.state));
        if (e->status.rc)
            fprintf(f, " (%d, %s)    | ", -e->status.rc, strerror(-e->status.rc));
        else
            fprintf(f, "    | ");
        metadata_column(f, e->metadata, e->metadata_len);
        fputc('\n', f);
    }
}

/* The length of the valid UTF-8 sequence at @s (at most @len bytes), or 0. */
static size_t utf8_sequence(const unsigned char *s, size_t len)
{
    size_t n = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;

    if (s[0] >= 0xf5 || n > len)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    /* Overlong, surrogate and beyond-U+10FFFF forms are not UTF-8. */
    if ((n == 3 && s[0] == 0xe0 && s[1] < 0xa0) || (n == 3 && s[0] == 0xed && s[1] >= 0xa0) ||
        (n == 4 && s[0] == 0xf0 && s[1] < 0x90) || (n == 4 && s[0] == 0xf4 && s[1] >= 0x90))
        return 0;
    return n;
}

void output_json_string(FILE *f, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;

    fputc('"', f);
    for (size_t i = 0; i < len;) {
        unsigned char c = p[i];
        size_t n;

        if (c == '"' || c == '\\') {
            fprintf(f, "\\%c", c);
        } else if (c == '\n') {
            fputs("\\n", f);
        } else if (c == '\t') {
            fputs("\\t", f);
        } else if (c < 0x20 || c == 0x7f) {
            fprintf(f, "\\u%04x", c);
        } else if (c >= 0x80) {
            n = utf8_sequence(p + i, len - i);
            if (n) {
                fwrite(p + i, 1, n, f);
                i += n;
                continue;
            }
            fputs("\\ufffd", f);
        } else {
            fputc(c, f);
        }
        i++;
    }
    fputc('"', f);
}

/* Is the key of pair [@k, @klen) given again later in the blob?  Then the later one wins. */
static bool key_repeated(const char *m, uint32_t len, uint32_t next, const char *k, size_t klen)
{
    while (next < len) {
        const char *s = m + next;
        size_t n = strnlen(s, len - next);
        const char *eq = memchr(s, '=', n);

        if ((eq ? (size_t)(eq - s) : n) == klen && !memcmp(s, k, klen))
            return true;
        next += (uint32_t)n + 1;
    }
    return false;
}

/* The metadata "key=value\0..." as a JSON object; a pair with no '=' has value "". */
static void metadata_object(FILE *f, const char *m, uint32_t len)
{
    bool first = true;
    uint32_t off = 0;

    fputc('{', f);
    while (off < len) {
        const char *s = m + off;
        size_t n = strnlen(s, len - off);
        const char *eq = memchr(s, '=', n);
        size_t klen = eq ? (size_t)(eq - s) : n;

        off += (uint32_t)n + 1;
        if (!n || key_repeated(m, len, off, s, klen))
            continue;
        fputs(first ? "" : ", ", f);
        first = false;
        output_json_string(f, s, klen);
        fputs(": ", f);
        output_json_string(f, eq ? eq + 1 : "", eq ? n - klen - 1 : 0);
    }
    fputc('}', f);
}

void output_list_json(FILE *f, const struct lp_list *l)
{
    fprintf(f, "{\n  \"payloads\": [");
    for (unsigned int i = 0; i < l->n; i++) {
        const struct lp_entry *e = &l->e[i];
        const char *rc_name = e->status.rc ? errno_name(e->status.rc) : NULL;

        fprintf(f, "%s\n    {\"name\": ", i ? "," : "");
        output_json_string(f, e->name, strlen(e->name));
        fprintf(f, ", \"state\": \"%s\", \"rc\": %d, \"rc_name\": ",
                output_state_name(e->status.state), e->status.rc);
        if (rc_name)
            fprintf(f, "\"%s\"", rc_name);
        else
            fputs("null", f);
        fputs(", \"metadata\": ", f);
        metadata_object(f, e->metadata, e->metadata_len);
        fputc('}', f);
    }
    fprintf(f, "%s]\n}\n", l->n ? "\n  " : "");
}
