/* SPDX-License-Identifier: MIT */
/*
 * create-diff-object [options] ORIG.o PATCHED.o XEN-SYMS OUT.o
 *
 * Compares an object of the running hypervisor's build (ORIG.o) with the
 * same object rebuilt from patched source (PATCHED.o) and writes what a
 * live patch needs into OUT.o.  XEN-SYMS is the running hypervisor: it
 * gives the old functions' sizes and must define everything OUT.o leaves
 * undefined.
 *
 * Exit status: 0 changes found (OUT.o written), 1 error, 2 refused (a
 * change that cannot be live-patched; each reason on its own line),
 * 3 no change.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "passes.h"

enum { EXIT_CHANGED = 0, EXIT_ERROR = 1, EXIT_REFUSED = 2, EXIT_NO_CHANGE = 3 };

static void usage(FILE *f)
{
    fprintf(f, "usage: create-diff-object [options] ORIG.o PATCHED.o XEN-SYMS OUT.o\n"
               "  -d, --debug             print correlation, marking and inclusion decisions\n"
               "  -e, --extern SYMBOL     SYMBOL is defined by another object of the same\n"
               "                          payload: do not require it in XEN-SYMS\n"
               "  -E, --extern-from OBJ   the same for every global symbol OBJ defines\n"
               "  -h, --help              this text\n"
               "-e and -E may be repeated.\n"
               "exit status: 0 changes found, 1 error, 2 refused, 3 no change\n");
}

static int same_build(const struct object *a, const struct object *b)
{
    if (a->machine != b->machine || a->elf_class != b->elf_class || a->e_flags != b->e_flags)
        return log_error("%s and %s are not built for the same machine and ABI", a->path, b->path);
    return 0;
}

static int run(struct diff *d, const char *const *paths)
{
    if (object_load(&d->orig, paths[0]) || object_load(&d->patched, paths[1]) ||
        same_build(&d->orig, &d->patched) || xensyms_load(&d->xen, paths[2]))
        return EXIT_ERROR;
    if (correlate(d) || compare(d) || include(d) || special_sections(d) || verify(d))
        return EXIT_ERROR;
    if (log_refusals()) {
        fprintf(stderr, "create-diff-object: %s: %u change(s) cannot be live-patched\n", paths[1],
                log_refusals());
        return EXIT_REFUSED;
    }
    if (!d->changed_funcs && !d->new_globals && !d->carried) {
        log_debug("no change");
        return EXIT_NO_CHANGE;
    }
    return output_write(d, paths[3]) ? EXIT_ERROR : EXIT_CHANGED;
}

/* Reads the options into @d and *@first, the index of ORIG.o; -1 to go on, else an exit status. */
static int options(int argc, char **argv, struct diff *d, int *first)
{
    static const struct option opts[] = { { "debug", no_argument, NULL, 'd' },
                                          { "extern", required_argument, NULL, 'e' },
                                          { "extern-from", required_argument, NULL, 'E' },
                                          { "help", no_argument, NULL, 'h' },
                                          { NULL, 0, NULL, 0 } };
    int c;

    while ((c = getopt_long(argc, argv, "de:E:h", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            log_set_debug(true);
            break;
        case 'e':
            if (externs_add_name(&d->externs, optarg))
                return EXIT_ERROR;
            break;
        case 'E':
            if (externs_add_object(&d->externs, optarg))
                return EXIT_ERROR;
            break;
        case 'h':
            usage(stdout);
            return EXIT_CHANGED;
        default:
            usage(stderr);
            return EXIT_ERROR;
        }
    }
    if (argc - optind != 4) {
        usage(stderr);
        return EXIT_ERROR;
    }
    *first = optind;
    return -1;
}

int main(int argc, char **argv)
{
    struct diff d;
    int rc, first = 0;

    memset(&d, 0, sizeof(d));
    if (externs_init(&d.externs))
        return EXIT_ERROR;
    rc = options(argc, argv, &d, &first);
    if (rc < 0)
        rc = run(&d, (const char *const *)&argv[first]);
    for (size_t i = 1; i < d.patched.nsecs; i++)
        free(d.patched.secs[i].keep);
    object_free(&d.orig);
    object_free(&d.patched);
    xensyms_free(&d.xen);
    externs_free(&d.externs);
    free(d.work);
    return rc;
}
