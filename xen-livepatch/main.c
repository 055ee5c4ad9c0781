/* SPDX-License-Identifier: MIT */
/* xen-livepatch: live-patch the hypervisor (see xen-livepatch(1)). */
#include <stdio.h>

#include "cli.h"

int main(int argc, char **argv)
{
    struct cli_config cfg;

    /* "Applying foo... " must show before the wait, as in Xen. */
    setvbuf(stdout, NULL, _IONBF, 0);
    cli_config_from_env(&cfg);
    return cli_run(argc, argv, &cfg);
}
