# SPDX-License-Identifier: MIT
# The sources of xen-livepatch other than main.c, relative to xen-livepatch/:
# built into the command (Makefile) and into its tests (tests/cli/Makefile).
XL_LIB_SRCS := args.c backend.c backend_relay.c backend_xen.c cli.c cmd_action.c cmd_list.c \
               cmd_upload.c errno_name.c explain.c help.c list.c output.c payload_info.c \
               relay_io.c relay_protocol.c wait.c
