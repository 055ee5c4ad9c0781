/* SPDX-License-Identifier: MIT */
/* Files packed into the test's boot module by tests/livepatch/mkbundle.c. */
#ifndef XTF_BUNDLE_H
#define XTF_BUNDLE_H

#include <hv/types.h>

/* The file called @name in the bundle, or NULL (no bundle, no such file). */
const void *bundle_file(const char *name, size_t *size);

#endif /* XTF_BUNDLE_H */
