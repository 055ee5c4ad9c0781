/* SPDX-License-Identifier: MIT */
/*
 * The list as Xen's table and as JSON, from canned entries: column widths,
 * rc shown only when non-zero, metadata NULs as ';', "Nothing to list",
 * JSON escaping, and metadata as an object.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "errno_name.h"
#include "harness.h"
#include "output.h"
#include "unit.h"

static char *render(void (*fn)(FILE *, const struct lp_list *), const struct lp_list *l)
{
    char *text = NULL;
    size_t len;
    FILE *f = open_memstream(&text, &len);

    fn(f, l);
    fclose(f);
    return text;
}

static struct lp_entry entry(const char *name, uint32_t state, int32_t rc, const char *meta,
                             uint32_t meta_len)
{
    struct lp_entry e = { (char *)name, { state, rc }, meta, meta_len };

    return e;
}

TEST(table_matches_xen)
{
    struct lp_entry e[] = {
        entry("xsa-1", LP_STATE_APPLIED, 0, "LIVEPATCH_RULEZ=rulez\0", 22),
        entry("xsa-2", LP_STATE_CHECKED, -EBUSY, "a=1\0b=2\0", 8),
        entry("nometa", LP_STATE_CHECKED, 0, "", 0),
    };
    struct lp_list l = { 3, e, NULL };
    char *t = render(output_list_table, &l);

    CHECK_STR(t, " ID                                     | status     | metadata\n"
                 "----------------------------------------+------------+---------------\n"
                 "xsa-1                                   | APPLIED    | LIVEPATCH_RULEZ=rulez\n"
                 "xsa-2                                   | CHECKED (16, Device or resource busy)"
                 "    | a=1;b=2\n"
                 "nometa                                  | CHECKED    | \n");
    free(t);
}

TEST(table_keeps_long_names_and_odd_metadata)
{
    char name[61];
    struct lp_entry e[2];
    struct lp_list l = { 2, e, NULL };
    char *t;

    memset(name, 'x', 60);
    name[60] = '\0';
    /* No final NUL: printed to the end; embedded NULs in a row: one ';' each. */
    e[0] = entry(name, LP_STATE_APPLIED, 0, "k=v\0\0z=1", 8);
    e[1] = entry("u", 7, 0, "", 0);
    t = render(output_list_table, &l);
    CHECK(has(t, name));
    CHECK(has(t, "xxxx| APPLIED    | k=v;;z=1\n"));
    CHECK(has(t, "u                                       | unknown    | \n"));
    free(t);
}

TEST(empty_list_says_nothing_to_list)
{
    struct lp_list l = { 0, NULL, NULL };
    char *t = render(output_list_table, &l);

    CHECK_STR(t, "Nothing to list\n");
    free(t);
    t = render(output_list_json, &l);
    CHECK_STR(t, "{\n  \"payloads\": []\n}\n");
    free(t);
}

TEST(json_has_every_field)
{
    struct lp_entry e[] = {
        entry("xsa-1", LP_STATE_APPLIED, 0, "LIVEPATCH_RULEZ=rulez\0", 22),
        entry("xsa-2", LP_STATE_CHECKED, -EAGAIN, "a=1\0b=x=y\0flag\0", 16),
    };
    struct lp_list l = { 2, e, NULL };
    char *t = render(output_list_json, &l);

    CHECK_STR(t, "{\n  \"payloads\": [\n"
                 "    {\"name\": \"xsa-1\", \"state\": \"APPLIED\", \"rc\": 0, \"rc_name\": null, "
                 "\"metadata\": {\"LIVEPATCH_RULEZ\": \"rulez\"}},\n"
                 "    {\"name\": \"xsa-2\", \"state\": \"CHECKED\", \"rc\": -11, \"rc_name\": "
                 "\"EAGAIN\", \"metadata\": {\"a\": \"1\", \"b\": \"x=y\", \"flag\": \"\"}}\n"
                 "  ]\n}\n");
    free(t);
}

TEST(json_later_duplicate_key_wins)
{
    struct lp_entry e[] = { entry("p", LP_STATE_CHECKED, 0, "k=1\0j=2\0k=3", 11) };
    struct lp_list l = { 1, e, NULL };
    char *t = render(output_list_json, &l);

    CHECK(has(t, "\"metadata\": {\"j\": \"2\", \"k\": \"3\"}"));
    free(t);
}

TEST(json_strings_are_escaped)
{
    char *text = NULL;
    size_t len;
    FILE *f = open_memstream(&text, &len);

    output_json_string(f, "a\"b\\c\nd\te\x01\x7f", 11);
    fputc('|', f);
    /* Valid UTF-8 stays, invalid bytes become U+FFFD. */
    output_json_string(f, "\xc3\xa9\xff\xc3", 4);
    fputc('|', f);
    output_json_string(f, "\xed\xa0\x80", 3); /* a surrogate: not UTF-8 */
    fclose(f);
    CHECK_STR(text, "\"a\\\"b\\\\c\\nd\\te\\u0001\\u007f\"|\"\xc3\xa9\\ufffd\\ufffd\"|"
                    "\"\\ufffd\\ufffd\\ufffd\"");
    free(text);
}

TEST(rc_names_cover_the_xen_errnos)
{
    CHECK_STR(errno_name(-EAGAIN), "EAGAIN");
    CHECK_STR(errno_name(EBUSY), "EBUSY");
    CHECK_STR(errno_name(-ENOENT), "ENOENT");
    CHECK_STR(errno_name(-EOVERFLOW), "EOVERFLOW");
    CHECK_STR(errno_name(-ENOBUFS), "ENOBUFS");
    CHECK_STR(errno_name(-ENODATA), "ENODATA");
    CHECK_STR(errno_name(-EOPNOTSUPP), "EOPNOTSUPP");
    CHECK(errno_name(0) == NULL);
    CHECK(errno_name(-4000) == NULL);
}

TEST(json_unknown_rc_is_null)
{
    struct lp_entry e[] = { entry("p", LP_STATE_CHECKED, -4000, "", 0) };
    struct lp_list l = { 1, e, NULL };
    char *t = render(output_list_json, &l);

    CHECK(has(t, "\"rc\": -4000, \"rc_name\": null, \"metadata\": {}"));
    free(t);
}
