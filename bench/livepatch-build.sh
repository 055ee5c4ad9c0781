#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# bench/livepatch-build.sh [ARCH]: how long livepatch-build takes from a
# one-function patch (tests/livepatch-build/extraversion.patch) to a
# signed, dry-run payload: once with a cold baseline (built from scratch)
# and three times warm.  Prints figures; not a test.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ARCH=${1:-x86_64}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

build() {
    local start=$(date +%s%N)
    "$ROOT/livepatch-build/livepatch-build" -s "$ROOT" -p "$ROOT/tests/livepatch-build/extraversion.patch" \
        -n bench -k "$ROOT/build/keys/test-2048.pem" --arch "$ARCH" -o "$WORK" --cache "$WORK/cache" \
        --xen-syms "$ROOT/build/$ARCH/hypervisor/xen-syms" > "$WORK/log" 2>&1
    echo "$((($(date +%s%N) - start) / 1000000))"
}

cold=$(build)
warm=()
for i in 1 2 3; do warm+=("$(build)"); done
echo "livepatch-build ($ARCH, $(nproc) CPUs): one-function patch to a signed, dry-run payload"
echo "  cold baseline (hypervisor built from scratch): $cold ms"
echo "  warm baseline: ${warm[*]} ms"
