/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the live-patch loader, on the fake arch: each input
 * is uploaded as a payload with lp_upload() (signature, ELF checks, target
 * build-id, layout, symbols, relocations, live-patch sections, symbol
 * table) and unloaded if it loaded.  Signatures are checked as with
 * livepatch_sig=log: every input reaches the signature parser and, however
 * its signature fares, the ELF parser.  After every input the heap, the machine pages and
 * the vmap space must be exactly as before and the hypervisor text
 * untouched, or the run aborts: a leak on some refusal path is a finding
 * like a crash.  The image is libFuzzer's exactly sized copy, so any read
 * past its end is an ASan report.
 *
 * Environment: FUZZ_LOADER_EXPECT_LOAD=1 aborts on any input that does not
 * load (to check that the seed corpus still does); FUZZ_LOADER_DEBUG=1
 * prints what the hypervisor logged for each input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hv/livepatch.h>

#include "../../hypervisor/common/livepatch/private.h"
#include "fake.h"
#include "payload_image.h"

#define MACHINE_SIZE MiB(64)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct pi_mem base;
static uint8_t text_copy[PI_TEXT_SIZE];
static bool expect_load, debug;

static __attribute__((noreturn)) void fail(const char *why)
{
    fprintf(stderr, "fuzz-loader: %s\nhypervisor log:\n%s\n", why, fake_console_output());
    abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *e;

    (void)argc;
    (void)argv;
    fake_boot_memory(MACHINE_SIZE);
    livepatch_sig_init("livepatch_sig=log");
    pi_text_init();
    memcpy(text_copy, (const void *)PI_TEXT_ADDR, PI_TEXT_SIZE);
    pi_mem_warm();
    base = pi_mem_now();
    e = getenv("FUZZ_LOADER_EXPECT_LOAD");
    expect_load = e && *e == '1';
    e = getenv("FUZZ_LOADER_DEBUG");
    debug = e && *e == '1';
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct pi_mem now;
    int rc;

    if (size > LIVEPATCH_MAX_SIZE)
        return -1; /* the sysctl refuses it before the loader sees it */
    fake_console_clear();
    rc = lp_upload("fuzz", data, size);
    if (debug)
        fprintf(stderr, "fuzz-loader: %zu bytes: rc %d\n%s", size, rc, fake_console_output());
    if (rc == 0 && lp_action("fuzz", LIVEPATCH_ACTION_UNLOAD, 0, 0))
        fail("a loaded payload cannot be unloaded");
    if (lp_find("fuzz"))
        fail("a refused payload is registered");
    now = pi_mem_now();
    if (!pi_mem_same(&base, &now)) {
        fprintf(stderr, "fuzz-loader: heap %zu -> %zu, pages %lu -> %lu, vmap %#lx -> %#lx\n",
                base.heap, now.heap, base.pages, now.pages, base.vmap, now.vmap);
        fail("memory not back to baseline");
    }
    if (memcmp(text_copy, (const void *)PI_TEXT_ADDR, PI_TEXT_SIZE))
        fail("uploading changed the hypervisor text");
    if (expect_load && rc)
        fail("a seed does not load");
    return 0;
}
