/* SPDX-License-Identifier: MIT */
/*
 * The patch adds a load hook and metadata: .livepatch.hooks.load and
 * .modinfo are carried, with the (new, static) hook function.
 */
#include "corpus.h"

int hk_main(int x);

static void hk_on_load(void)
{
    printk("loaded\n");
}
CORPUS_LOAD_HOOK(hk_on_load);

static const char hk_info[] __attribute__((used, section(".modinfo"))) = "advisory=TEST-1";

int hk_main(int x)
{
    printk("main %d\n", x);
    return x + 2;
}
