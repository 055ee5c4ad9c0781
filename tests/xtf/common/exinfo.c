/* SPDX-License-Identifier: MIT */
/* Printing exinfo values. */
#include <xtf.h>

static const char *const vec_names[32] = {
    "#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF", "#CSO", "#TS",
    "#NP", "#SS", "#GP", "#PF", "#15", "#MF", "#AC", "#MC", "#XM", "#VE",  "#CP",
};

const char *exinfo_str(exinfo_t e, char *buf, size_t len)
{
    unsigned int vec = EXINFO_VEC(e);

    if (!(e & EXINFO_EXPECTED))
        snprintf(buf, len, "none");
    else if (vec < 32 && vec_names[vec])
        snprintf(buf, len, "%s (error %#x)", vec_names[vec], EXINFO_EC(e));
    else
        snprintf(buf, len, "vector %u (error %#x)", vec, EXINFO_EC(e));
    return buf;
}
