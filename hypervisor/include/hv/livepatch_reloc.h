/* SPDX-License-Identifier: MIT */
/*
 * Relocation engines for live-patch payloads.
 *
 * Each engine applies one relocation of its architecture to bytes already
 * placed in memory.  Engines are plain portable C: the host build links all
 * three (for the GNU ld oracle test and the fuzzer), the differ too (the
 * types they name are those it lets through), the hypervisor links only
 * its own, found with lp_reloc_native().
 *
 * Every field written is bounds-checked against @room and overflow-checked
 * against the field's width, as the psABI defines the check for that type.
 */
#ifndef HV_LIVEPATCH_RELOC_H
#define HV_LIVEPATCH_RELOC_H

#include <hv/types.h>

/*
 * Applies relocation @type at @where (@room bytes are available there) whose
 * run-time address is @place.  @sym is the symbol's final run-time address.
 * With @rela the addend is @addend; without, it is read from the field at
 * @where (REL, as ARM32 uses).  Returns 0, -EOPNOTSUPP for a type the
 * engine does not handle, -EINVAL if the field does not fit in @room or the
 * instruction is not the kind the type expects, -EOVERFLOW if the value
 * does not fit the field.
 */
typedef int (*lp_reloc_fn)(uint32_t type, uint8_t *where, size_t room, uint64_t place, uint64_t sym,
                           int64_t addend, bool rela);

struct lp_reloc_arch {
    const char *name;       /* "x86_64", "aarch64", "arm" */
    uint16_t machine;       /* EM_* */
    uint8_t elf_class;      /* ELFCLASS32 / ELFCLASS64 */
    bool has_rel, has_rela; /* section types the arch uses */
    lp_reloc_fn apply;
    /* Name of a relocation type for messages ("R_X86_64_PC32"), or NULL. */
    const char *(*type_name)(uint32_t type);
};

extern const struct lp_reloc_arch lp_reloc_x86_64;
extern const struct lp_reloc_arch lp_reloc_aarch64;
extern const struct lp_reloc_arch lp_reloc_arm;

/* The engine for the architecture this hypervisor runs on. */
const struct lp_reloc_arch *lp_reloc_native(void);

#endif /* HV_LIVEPATCH_RELOC_H */
