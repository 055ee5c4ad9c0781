/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "names.h"

static const char *const clone_parts[] = { "isra", "constprop", "part", "cold", "lto_priv" };

static bool is_clone_part(const char *tok, size_t len)
{
    for (size_t i = 0; i < sizeof(clone_parts) / sizeof(clone_parts[0]); i++)
        if (strlen(clone_parts[i]) == len && !memcmp(tok, clone_parts[i], len))
            return true;
    return false;
}

static bool all_digits(const char *tok, size_t len)
{
    if (!len)
        return false;
    for (size_t i = 0; i < len; i++)
        if (tok[i] < '0' || tok[i] > '9')
            return false;
    return true;
}

bool name_clone_key(const char *name, char *out)
{
    bool after_part = false, found = false;
    const char *tok = name;
    char *o = out;

    /* Walk the '.'-separated tokens; drop numbers that follow a clone part. */
    for (;;) {
        const char *dot = strchr(tok, '.');
        size_t len = dot ? (size_t)(dot - tok) : strlen(tok);

        if (after_part && all_digits(tok, len)) {
            found = true;
        } else {
            if (tok != name)
                *o++ = '.';
            memcpy(o, tok, len);
            o += len;
            after_part = is_clone_part(tok, len);
            found |= after_part;
        }
        if (!dot)
            break;
        tok = dot + 1;
    }
    *o = '\0';
    return found;
}

/* Does @name end in ".<digits>", as GCC names function-local statics ("counter.3")? */
static bool name_numbered(const char *name)
{
    const char *dot = strrchr(name, '.');

    return dot && dot != name && all_digits(dot + 1, strlen(dot + 1));
}

bool sym_is_static_local(const struct symbol *s)
{
    return s->bind == STB_LOCAL && s->type == STT_OBJECT && strncmp(s->name, ".L", 2) &&
           name_numbered(s->name);
}

bool sym_is_owned_data(const struct symbol *s)
{
    return s->sec && !(s->sec->flags & (SHF_EXECINSTR | SHF_WRITE)) &&
           (s->type == STT_SECTION || sym_is_static_local(s));
}

bool name_is_mapping(const char *name)
{
    return name[0] == '$' && name[1] && strchr("adtx", name[1]) &&
           (name[2] == '\0' || name[2] == '.');
}

size_t name_cold_parent_len(const char *name)
{
    const char *c = strstr(name, ".cold");

    while (c) {
        const char *rest = c + 5;

        if (!*rest || (*rest == '.' && all_digits(rest + 1, strlen(rest + 1))))
            return (size_t)(c - name);
        c = strstr(rest, ".cold");
    }
    return 0;
}

static bool prefix(const char *s, const char *p)
{
    return !strncmp(s, p, strlen(p));
}

bool name_is_init(const char *secname)
{
    return prefix(secname, ".init.") || !strcmp(secname, ".init");
}

static bool ignored(const struct section *s)
{
    static const char *const names[] = { ".comment",     ".note",      ".debug",
                                         ".zdebug",      ".discard",   ".eh_frame",
                                         ".ARM.exidx",   ".ARM.extab", ".ARM.attributes",
                                         ".llvm_addrsig" };

    if (s->type == SHT_SYMTAB || s->type == SHT_STRTAB || s->type == SHT_SYMTAB_SHNDX ||
        s->type == SHT_NULL || s->type == SHT_NOTE)
        return true;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (prefix(s->name, names[i]))
            return true;
    return false;
}

enum sec_kind section_kind(const struct section *s)
{
    if (sec_is_rel(s))
        return SK_REL;
    if (ignored(s))
        return SK_IGNORED;
    if (!strcmp(s->name, ".ex_table"))
        return SK_EXTABLE;
    if (!strcmp(s->name, ".bug_frames"))
        return SK_BUGS;
    if (prefix(s->name, ".livepatch.hooks."))
        return SK_HOOKS;
    if (!strcmp(s->name, ".modinfo"))
        return SK_MODINFO;
    if (s->type == SHT_GROUP || !(s->flags & SHF_ALLOC) || prefix(s->name, ".livepatch."))
        return SK_UNKNOWN;
    if (s->type != SHT_PROGBITS && s->type != SHT_NOBITS)
        return SK_UNKNOWN;
    if (s->flags & SHF_EXECINSTR)
        return SK_TEXT;
    if (s->flags & SHF_WRITE)
        return SK_DATA;
    if (s->flags & SHF_MERGE)
        return SK_MERGE;
    return SK_RODATA;
}
