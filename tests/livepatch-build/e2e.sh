#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# e2e.sh [--arch ARCH]: livepatch-build from a source fix to a running
# hypervisor.  A one-function fix (extraversion.patch: xen_extra_version()
# says ".0-hv-lp") is built into a signed payload against this tree's
# hypervisor, which runs under QEMU with the relay (scripts/launch); a
# guest reads the extra version before, after xen-livepatch applies the
# payload, and after it reverts it.  Then the refusals: a patch changing
# existing data (exit 2), one changing no code (exit 3), and a target whose
# build-id the source does not rebuild into (exit 1, both ids named).
# Prints "PASS: livepatch-build/ARCH/<step>" or "FAIL: ...".
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/tests/livepatch-build
ARCH=x86_64
[ "${1:-}" = --arch ] && ARCH=$2
LPB=$ROOT/livepatch-build/livepatch-build
XL=$ROOT/build/host/xen-livepatch/xen-livepatch
RUN_GUEST=$ROOT/build/host/xen-livepatch/hvlp-run
XEN_SYMS=$ROOT/build/$ARCH/hypervisor/xen-syms
KEY=$ROOT/build/keys/test-2048.pem
GUEST=$ROOT/build/$ARCH/xtf/tests/extraversion/test-pv64-extraversion
WORK=$(mktemp -d)
export XEN_LIVEPATCH_CONNECT=$WORK/run/control.sock
trap '"$ROOT/scripts/launch" stop --arch "$ARCH" --dir "$WORK/run" > /dev/null; rm -rf "$WORK"' EXIT

pass() { echo "PASS: livepatch-build/$ARCH/$1"; }
fail() {
    echo "FAIL: livepatch-build/$ARCH/$1: $2"
    [ -f "${3:-}" ] && sed 's/^/    /' "$3" | tail -n 25
}

# build NAME PATCH [options]: livepatch-build's exit status; its output in $WORK/NAME.log.
build() {
    local name=$1 patch=$2
    shift 2
    "$LPB" -s "$ROOT" -p "$patch" -n "$name" -k "$KEY" --xen-syms "$XEN_SYMS" -o "$WORK" \
        --arch "$ARCH" "$@" > "$WORK/$name.log" 2>&1
}

# The extra version a guest reads now.
extraversion() {
    "$RUN_GUEST" --console "$WORK/run/console.log" "$GUEST" | sed -n "s/.*extraversion: '\(.*\)'.*/\1/p"
}

start=$(date +%s%N)
if build lp-e2e "$HERE/extraversion.patch" && [ -f "$WORK/lp-e2e.livepatch" ] &&
    grep -q 'signature verified' "$WORK/lp-e2e.log" && grep -q 'lp-e2e loads' "$WORK/lp-e2e.log"; then
    pass "build ($((($(date +%s%N) - start) / 1000000)) ms, signed, dry run loads it)"
else
    fail build "no signed payload that the dry run loads" "$WORK/lp-e2e.log"
    exit 1
fi

if ! "$ROOT/scripts/launch" start --arch "$ARCH" --dir "$WORK/run" > "$WORK/launch.log" 2>&1; then
    fail launch "the hypervisor did not come up" "$WORK/launch.log"
    exit 1
fi
before=$(extraversion)
"$XL" load "$WORK/lp-e2e.livepatch" > "$WORK/load.log" 2>&1
after=$(extraversion)
"$XL" revert lp-e2e > "$WORK/revert.log" 2>&1
reverted=$(extraversion)
if [ "$before" = .0-hv ] && [ "$after" = .0-hv-lp ] && [ "$reverted" = .0-hv ]; then
    pass "apply-revert (extra version '$before' -> '$after' -> '$reverted')"
else
    fail apply-revert "extra version '$before' -> '$after' -> '$reverted'" "$WORK/load.log"
fi

build lp-data "$HERE/data.patch"
rc=$?
if [ $rc -eq 2 ] && grep -q 'refused: log_threshold' "$WORK/lp-data.log"; then
    pass "refuses-changed-data"
else
    fail refuses-changed-data "exit $rc, expected 2 naming log_threshold" "$WORK/lp-data.log"
fi

build lp-comment "$HERE/comment.patch"
rc=$?
if [ $rc -eq 3 ] && [ ! -f "$WORK/lp-comment.livepatch" ]; then
    pass "no-change"
else
    fail no-change "exit $rc, expected 3 and no payload" "$WORK/lp-comment.log"
fi

other=$ROOT/build/$ARCH/hypervisor-test/xen-syms
want=$(readelf -n "$other" | awk '/Build ID:/ { print $3; exit }')
"$LPB" -s "$ROOT" -p "$HERE/extraversion.patch" -n lp-other -k "$KEY" --build-id "$want" \
    -o "$WORK" --arch "$ARCH" > "$WORK/lp-other.log" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q "running hypervisor is $want" "$WORK/lp-other.log"; then
    pass "refuses-other-build-id"
else
    fail refuses-other-build-id "exit $rc, expected 1 naming $want" "$WORK/lp-other.log"
fi
