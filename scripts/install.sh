#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# install.sh DESTDIR PREFIX ARCH BUILD: installs what make built.
#   PREFIX/lib/hvlp/ARCH/hypervisor/{xen,xen-syms}  the hypervisor
#   PREFIX/lib/hvlp/ARCH/xtf/...                     XTF tests, helpers, launcher
#   PREFIX/lib/hvlp/xtf-runner, qemu-ARCH.sh         the runner and its QEMU settings
#   PREFIX/bin/xtf-runner                            -> ../lib/hvlp/xtf-runner
#   PREFIX/lib/hvlp/ARCH/relay/relay-*               the control-domain relay guest
#   PREFIX/sbin/xen-livepatch, PREFIX/share/man/man1/xen-livepatch.1,
#   PREFIX/bin/hvlp-run
set -euo pipefail

DESTDIR=$1 PREFIX=$2 ARCH=$3 BUILD=$4
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LIB=$DESTDIR$PREFIX/lib/hvlp

install -d "$LIB/$ARCH/hypervisor" "$DESTDIR$PREFIX/bin"
install -m 644 "$BUILD/$ARCH/hypervisor/xen" "$BUILD/$ARCH/hypervisor/xen-syms" "$LIB/$ARCH/hypervisor/"
for f in $(cd "$BUILD/$ARCH/xtf" && find tests helpers launcher-* -type f ! -name '*.log' 2>/dev/null); do
    install -D -m 644 "$BUILD/$ARCH/xtf/$f" "$LIB/$ARCH/xtf/$f"
done
install -D -m 644 -t "$LIB/$ARCH/relay" "$BUILD/$ARCH"/relay/relay-*
make -s -C "$ROOT/xen-livepatch" O="$BUILD/host/xen-livepatch" install DESTDIR="$DESTDIR" \
    PREFIX="$PREFIX" > /dev/null
install -m 755 "$ROOT/tests/xtf/xtf-runner" "$LIB/xtf-runner"
install -m 644 "$ROOT/hypervisor/arch/$ARCH/qemu.sh" "$LIB/qemu-$ARCH.sh"
ln -sfn "../lib/hvlp/xtf-runner" "$DESTDIR$PREFIX/bin/xtf-runner"
echo "Installed into $DESTDIR$PREFIX (run: $PREFIX/bin/xtf-runner --arch $ARCH --all)"
