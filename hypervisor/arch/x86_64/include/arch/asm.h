/* SPDX-License-Identifier: MIT */
/*
 * Assembly helpers.  Every .S file includes this first: the .file directive
 * names the source path so its local symbols get "<path>#<name>" names in
 * the embedded symbol table, like those of C files.
 */
#ifndef ARCH_ASM_H
#define ARCH_ASM_H

/* clang-format off */
#ifdef __ASSEMBLY__
#ifdef ASM_FILE_NAME
.file ASM_FILE_NAME
#endif

#define ENTRY(name)                                                   \
    .globl name;                                                      \
    .type name, @function;                                            \
    name:

#define END(name) .size name, . - name
#endif
/* clang-format on */

#endif /* ARCH_ASM_H */
