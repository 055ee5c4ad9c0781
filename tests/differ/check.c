/* SPDX-License-Identifier: MIT */
/*
 * differ-check: checks one create-diff-object run against a case's
 * expectations (tests/differ/README-style "expect" file, see run.sh).
 *
 *   differ-check ARCH EXPECT ORIG.o PATCHED.o XEN-SYMS OUT.o EXIT LOG
 *
 * Prints one line per unmet expectation and exits 1 if there was any
 * (2 if the expect file itself is wrong).  Objects are read with the
 * differ's own model (libdiffer), so names, sections and relocations are
 * seen exactly as the differ sees them; .livepatch.funcs is also checked
 * for the loader's format (entry size, version, sizes against XEN-SYMS).
 */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arch.h"
#include "model.h"
#include "xensyms.h"

#define MAX_WORDS 32

struct ctx {
    const char *arch, *paths[4]; /* orig, patched, xen-syms, out */
    int exit_code;
    char *log;
    struct object obj[3]; /* orig, patched, out */
    int loaded[3];
    struct xensyms xen;
    int xen_loaded;
    unsigned int failures;
};

static void fail(struct ctx *c, const char *fmt, const char *a, const char *b)
{
    printf("  expect: ");
    printf(fmt, a, b ? b : "");
    printf("\n");
    c->failures++;
}

/* Object @i (orig, patched, out), or NULL if it is absent or unreadable. */
static struct object *obj(struct ctx *c, int i)
{
    static const int path[] = { 0, 1, 3 };

    if (!c->loaded[i])
        c->loaded[i] =
            access(c->paths[path[i]], R_OK) || object_load(&c->obj[i], c->paths[path[i]]) ? -1 : 1;
    return c->loaded[i] > 0 ? &c->obj[i] : NULL;
}

static const struct symbol *find_sym(const struct object *o, const char *glob, int defined)
{
    for (size_t i = 1; i < o->nsyms; i++) {
        const struct symbol *s = &o->syms[i];

        if (s->type == STT_SECTION || s->type == STT_FILE || !!s->sec != defined)
            continue;
        if (!fnmatch(glob, s->name, 0))
            return s;
    }
    return NULL;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "r");
    char *buf;
    long n;

    if (!f)
        return strdup("");
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    buf = calloc(1, (size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n)
        buf[0] = '\0';
    fclose(f);
    return buf;
}

static int has_refusal(const char *log, const char *text)
{
    for (const char *l = log; l && *l;) {
        const char *end = strchr(l, '\n');
        size_t len = end ? (size_t)(end - l) : strlen(l);
        char line[1024];

        snprintf(line, sizeof(line), "%.*s", (int)len, l);
        if (strstr(line, "refused:") && strstr(line, text))
            return 1;
        l = end ? end + 1 : NULL;
    }
    return 0;
}

static uint32_t get32(const uint8_t *p)
{
    uint32_t v;

    memcpy(&v, p, 4);
    return v;
}

static const struct reloc *reloc_at(const struct section *s, uint64_t off)
{
    for (size_t i = 0; i < s->nrelocs; i++)
        if (s->relocs[i].offset == off)
            return &s->relocs[i];
    return NULL;
}

/* Entry @i's name, after checking the entry is what the loader expects. */
static const char *func_entry(struct ctx *c, const struct object *o, const struct section *f,
                              size_t i)
{
    const struct arch *a = o->arch;
    uint64_t at = i * a->funcs_size, p = a->ptr_size;
    const struct reloc *name = reloc_at(f, at), *new = reloc_at(f, at + p);
    const struct section *strs;
    const char *s;
    const struct xensym *x;

    if (!name || !new || !name->sym->sec || !new->sym->sec || new->sym->type != STT_FUNC) {
        fail(c, "funcs entry %s: name or new_addr not relocated to a string and a function", "?",
             NULL);
        return NULL;
    }
    strs = name->sym->sec;
    if (name->sym->value + (uint64_t)name->addend >= strs->size) {
        fail(c, "funcs entry: name outside %s%s", strs->name, NULL);
        return NULL;
    }
    s = (const char *)strs->data + name->sym->value + name->addend;
    for (uint64_t k = 2 * p; k < 3 * p; k++)
        if (f->data[at + k])
            fail(c, "funcs %s: old_addr is not 0%s", s, NULL);
    if (f->data[at + 3 * p + 8] != 2)
        fail(c, "funcs %s: version is not 2%s", s, NULL);
    if (get32(f->data + at + 3 * p) != new->sym->size)
        fail(c, "funcs %s: new_size is not the size of %s", s, new->sym->name);
    if (!(x = xensyms_find(&c->xen, s)) || get32(f->data + at + 3 * p + 4) != x->size)
        fail(c, "funcs %s: old_size is not its size in XEN-SYMS%s", s, NULL);
    return s;
}

static void check_funcs(struct ctx *c, char **globs, int n)
{
    const struct object *o = obj(c, 2);
    const struct section *f = o ? object_section(o, ".livepatch.funcs") : NULL;
    size_t count, matched = 0;

    if (!o || !f) {
        if (n)
            fail(c, "funcs: no .livepatch.funcs in the output%s%s", "", NULL);
        return;
    }
    count = f->size / o->arch->funcs_size;
    /* ld -r keeps the entries but not sh_entsize. */
    if (f->size % o->arch->funcs_size || (f->entsize && f->entsize != o->arch->funcs_size) ||
        f->align != o->arch->ptr_size ||
        (f->flags & (SHF_ALLOC | SHF_WRITE)) != (SHF_ALLOC | SHF_WRITE))
        fail(c, "funcs: .livepatch.funcs has the wrong size, entsize, alignment or flags%s%s", "",
             NULL);
    if (!c->xen_loaded)
        c->xen_loaded = xensyms_load(&c->xen, c->paths[2]) ? -1 : 1;
    for (size_t i = 0; i < count; i++) {
        const char *name = func_entry(c, o, f, i);
        int hit = 0;

        for (int g = 0; name && g < n; g++)
            hit |= !fnmatch(globs[g], name, 0);
        if (name && !hit)
            fail(c, "funcs: unexpected entry %s%s", name, NULL);
        matched += hit;
    }
    if (matched != (size_t)n || count != (size_t)n)
        fail(c, "funcs: %s entries expected%s", n ? "other" : "no", NULL);
}

static int reloc_to(const struct object *o, const char *sec, const char *glob)
{
    const struct section *s = object_section(o, sec);

    for (size_t i = 0; s && i < s->nrelocs; i++)
        if (!fnmatch(glob, s->relocs[i].sym->name, 0))
            return 1;
    return 0;
}

/* "counter" for "counter.3". */
static const char *static_key(const char *name)
{
    static char key[256];
    const char *dot = strrchr(name, '.');

    snprintf(key, sizeof(key), "%.*s", dot ? (int)(dot - name) : (int)strlen(name), name);
    return key;
}

/* The function-local static @var (its "counter" in "counter.3") that @func uses in @o. */
static const char *static_of(const struct object *o, const char *func, const char *var)
{
    const struct symbol *f = object_symbol(o, func);

    for (size_t i = 0; f && f->sec && i < f->sec->nrelocs; i++) {
        const struct symbol *t = f->sec->relocs[i].target;

        if (t->type == STT_OBJECT && t->bind == STB_LOCAL && !strcmp(t->key, var))
            return t->name;
    }
    return NULL;
}

/*
 * "static-ref F V": the patch renumbered F's static V, yet the output
 * refers to the running one: "<file>#V.N" with the original N, undefined.
 */
static void check_static_ref(struct ctx *c, const char *func, const char *var)
{
    const struct object *o = obj(c, 0), *p = obj(c, 1), *out = obj(c, 2);
    const char *before = o ? static_of(o, func, var) : NULL;
    const char *after = p ? static_of(p, func, var) : NULL;
    char glob[256], sec[256];

    if (!before || !after) {
        fail(c, "static-ref: %s does not use a static %s in both objects", func, var);
        return;
    }
    if (!strcmp(before, after))
        fail(c, "static-ref: the compiler did not renumber %s (%s): the case tests nothing", var,
             before);
    snprintf(glob, sizeof(glob), "*#%s", before);
    if (!out || !find_sym(out, glob, 0))
        fail(c, "static-ref: the output has undefined %s%s", glob, NULL);
    else if (!reloc_to(out, (snprintf(sec, sizeof(sec), ".text.%s", func), sec), glob))
        fail(c, "static-ref: %s does not refer to %s", sec, glob);
}

/* "static-new F V": F's static V is new with the patch: the output defines it. */
static void check_static_new(struct ctx *c, const char *func, const char *var)
{
    const struct object *p = obj(c, 1), *out = obj(c, 2);
    const char *name = p ? static_of(p, func, var) : NULL;
    char sec[256];
    const struct section *s;

    if (!name || !out) {
        fail(c, "static-new: %s does not use a static %s, or no output", func, var);
        return;
    }
    snprintf(sec, sizeof(sec), ".text.%s", func);
    s = object_section(out, sec);
    for (size_t i = 0; s && i < s->nrelocs; i++) {
        const struct symbol *t = s->relocs[i].sym;
        const char *hash = strrchr(t->name, '#');

        if (hash && t->type == STT_OBJECT && !strcmp(static_key(hash + 1), var)) {
            if (!t->sec)
                fail(c, "static-new: %s refers to the running %s", sec, t->name);
            return;
        }
    }
    fail(c, "static-new: %s does not refer to a static %s", sec, var);
}

/* "moved SEC": SEC's references land at other offsets after the patch (the case relies on it). */
static void check_moved(struct ctx *c, const char *sec)
{
    const struct object *o = obj(c, 0), *p = obj(c, 1);
    const struct section *a = o ? object_section(o, sec) : NULL;
    const struct section *b = p ? object_section(p, sec) : NULL;

    if (!a || !b || a->nrelocs != b->nrelocs) {
        fail(c, "moved: %s is not in both objects with as many relocations%s", sec, NULL);
        return;
    }
    for (size_t i = 0; i < a->nrelocs; i++)
        if (a->relocs[i].addend != b->relocs[i].addend)
            return;
    fail(c, "moved: the compiler left what %s refers to in place: the case tests nothing%s", sec,
         NULL);
}

/* One directive; returns -1 if it is not one. */
static int directive(struct ctx *c, char **w, int n)
{
    const struct object *out = obj(c, 2);

    if (!strcmp(w[0], "arches"))
        return 0; /* run.sh's business */
    if (!strcmp(w[0], "exit") && n == 2) {
        char got[16];

        snprintf(got, sizeof(got), "%d", c->exit_code);
        if (c->exit_code != atoi(w[1]))
            fail(c, "exit status %s, not %s", w[1], got);
    } else if (!strcmp(w[0], "refusal") && n >= 2) {
        char text[512] = "";

        for (int i = 1; i < n; i++)
            snprintf(text + strlen(text), sizeof(text) - strlen(text), "%s%s", i > 1 ? " " : "",
                     w[i]);
        if (!has_refusal(c->log, text))
            fail(c, "a refusal mentioning \"%s\"%s", text, NULL);
    } else if ((!strcmp(w[0], "orig-sym") || !strcmp(w[0], "patched-sym")) && n == 2) {
        const struct object *o = obj(c, w[0][0] == 'o' ? 0 : 1);

        if (!o || !find_sym(o, w[1], 1))
            fail(c, "%s: the compiler did not produce %s", w[0], w[1]);
    } else if (!strcmp(w[0], "moved") && n == 2) {
        check_moved(c, w[1]);
    } else if (!strcmp(w[0], "static-new") && n == 3) {
        check_static_new(c, w[1], w[2]);
    } else if (!strcmp(w[0], "static-ref") && n == 3) {
        check_static_ref(c, w[1], w[2]);
    } else if (!strcmp(w[0], "funcs")) {
        check_funcs(c, w + 1, n - 1);
    } else if ((!strcmp(w[0], "defined") || !strcmp(w[0], "undefined")) && n == 2) {
        if (!out || !find_sym(out, w[1], w[0][0] == 'd'))
            fail(c, "the output has %s %s", w[0], w[1]);
    } else if ((!strcmp(w[0], "not-defined") || !strcmp(w[0], "not-undefined")) && n == 2) {
        if (out && find_sym(out, w[1], w[0][4] == 'd'))
            fail(c, "the output does not have %s %s", w[0] + 4, w[1]);
    } else if ((!strcmp(w[0], "reloc") || !strcmp(w[0], "no-reloc")) && n == 3) {
        if (out ? reloc_to(out, w[1], w[2]) != (w[0][0] == 'r') : w[0][0] == 'r')
            fail(c, w[0][0] == 'r' ? "a relocation in %s to %s" : "no relocation in %s to %s", w[1],
                 w[2]);
    } else if (!strcmp(w[0], "section") && (n == 2 || n == 3)) {
        const struct section *s = out ? object_section(out, w[1]) : NULL;

        if (!s || (n == 3 && s->size != strtoull(w[2], NULL, 0)))
            fail(c, "the output has section %s %s", w[1], n == 3 ? w[2] : "");
    } else if (!strcmp(w[0], "no-section") && n == 2) {
        if (out && object_section(out, w[1]))
            fail(c, "the output has no section %s%s", w[1], NULL);
    } else {
        return -1;
    }
    return 0;
}

/* "@x86_64,arm64 directive...": is this line for c->arch? */
static int for_arch(const struct ctx *c, const char *tag)
{
    char list[128];

    snprintf(list, sizeof(list), ",%s,", tag + 1);
    for (char *p = list; *p; p++)
        if (*p == ',' && !strncmp(p + 1, c->arch, strlen(c->arch)) && p[1 + strlen(c->arch)] == ',')
            return 1;
    return 0;
}

static int check(struct ctx *c, FILE *f)
{
    char line[1024];
    int lineno = 0;

    while (fgets(line, sizeof(line), f)) {
        char *w[MAX_WORDS], *save = NULL, *t;
        int n = 0;

        lineno++;
        for (t = strtok_r(line, " \t\n", &save); t && n < MAX_WORDS;
             t = strtok_r(NULL, " \t\n", &save))
            w[n++] = t;
        if (!n || w[0][0] == '#')
            continue;
        if (w[0][0] == '@') {
            if (!for_arch(c, w[0]))
                continue;
            memmove(w, w + 1, (size_t)--n * sizeof(*w));
            if (!n)
                continue;
        }
        if (directive(c, w, n)) {
            fprintf(stderr, "differ-check: line %d: unknown directive %s\n", lineno, w[0]);
            return 2;
        }
    }
    return c->failures ? 1 : 0;
}

int main(int argc, char **argv)
{
    struct ctx c = { 0 };
    FILE *f;
    int rc;

    if (argc != 9) {
        fprintf(stderr,
                "usage: differ-check ARCH EXPECT ORIG.o PATCHED.o XEN-SYMS OUT.o EXIT LOG\n");
        return 2;
    }
    c.arch = argv[1];
    c.paths[0] = argv[3];
    c.paths[1] = argv[4];
    c.paths[2] = argv[5];
    c.paths[3] = argv[6];
    c.exit_code = atoi(argv[7]);
    c.log = read_file(argv[8]);
    f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
        return 2;
    }
    rc = check(&c, f);
    fclose(f);
    for (int i = 0; i < 3; i++)
        if (c.loaded[i])
            object_free(&c.obj[i]);
    if (c.xen_loaded)
        xensyms_free(&c.xen);
    free(c.log);
    return rc;
}
