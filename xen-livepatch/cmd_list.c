/* SPDX-License-Identifier: MIT */
/* list: Xen's table, or with --json one JSON object. */
#include <string.h>

#include "cli.h"
#include "list.h"
#include "output.h"

int cmd_list(struct cli *c)
{
    struct list_failure why;
    struct lp_list l;

    if (list_fetch(c->b, &l, &why)) {
        if (why.sizes)
            fprintf(c->err, "Failed to get list sizes.\n");
        else
            fprintf(c->err, "Failed to list %u/%u.\n", why.left, why.nr);
        cli_report_error(c, why.err);
        return why.err;
    }
    if (c->args->json)
        output_list_json(c->out, &l);
    else
        output_list_table(c->out, &l);
    list_free(&l);
    return 0;
}
