#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Reproducibility: payloads are matched to a running hypervisor by build-id,
# so the same source and toolchain must give a byte-identical xen-syms
# whatever the directory.  Copies the tracked sources into two differently
# named (and differently deep) directories, builds each out of tree, and
# compares both with each other and with this tree's build.  All three
# build in the same public keys (this tree's build/keys, made at build time
# and never committed) with this tree's livepatch-sign.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ARCH=x86_64
[ "${1:-}" = --arch ] && ARCH=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

copy_tree() {
    mkdir -p "$1"
    (cd "$ROOT" && git ls-files -z hypervisor | xargs -0 cp --parents -t "$1")
}

build_in() { # build_in SRC OUT
    mkdir -p "$(dirname "$2")"
    make -s -C "$1/hypervisor" ARCH="$ARCH" O="$2" -j"$(nproc)" HVLP_BUILD="$ROOT/build" \
        > "$2.log" 2>&1 ||
        { echo "build in $1 failed:"; tail -n 20 "$2.log"; return 1; }
}

A=$WORK/a/src
B=$WORK/elsewhere/deeper/tree/src
copy_tree "$A" && copy_tree "$B" || { echo "FAIL: repro/copy"; exit 0; }
build_in "$A" "$WORK/out-a" && build_in "$B" "$WORK/b-out/x"
[ $? -eq 0 ] || { echo "FAIL: repro/$ARCH: a build failed"; exit 0; }

sum() { sha256sum "$1" | cut -d' ' -f1; }
a=$(sum "$WORK/out-a/xen-syms")
b=$(sum "$WORK/b-out/x/xen-syms")
if [ "$a" = "$b" ]; then
    echo "PASS: repro/$ARCH/two-directories (xen-syms sha256 $a)"
else
    echo "FAIL: repro/$ARCH/two-directories: $a != $b"
fi
main=$ROOT/build/$ARCH/hypervisor/xen-syms
if [ -f "$main" ] && [ -z "$(cd "$ROOT" && git status --porcelain hypervisor)" ]; then
    if [ "$(sum "$main")" = "$a" ]; then
        echo "PASS: repro/$ARCH/matches-this-tree"
    else
        echo "FAIL: repro/$ARCH/matches-this-tree: $(sum "$main") != $a"
    fi
fi
exit 0
