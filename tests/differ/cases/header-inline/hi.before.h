/* SPDX-License-Identifier: MIT */
/* An inline helper every caller compiles into itself. */
static inline __attribute__((always_inline)) int hi_clamp(int v)
{
    return v > 100 ? 100 : v < 0 ? 0 : v;
}
