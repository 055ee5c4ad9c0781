#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# make demo: an advisory fixed on a running hypervisor, step by step.  The
# hypervisor boots under QEMU with the relay as dom0 (scripts/launch); the
# advisory's test, run in a fresh guest each time (hvlp-run), shows the
# bug; livepatch-build turns the advisory's source fix into a signed
# payload; xen-livepatch applies it and the test passes; the revert brings
# the bug back.  Each step shows the command that does it.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ARCH=${1:-x86_64}
ADVISORY=${DEMO_ADVISORY:-hvsa-1}
RUN=$ROOT/build/$ARCH/demo
XL=$ROOT/build/host/xen-livepatch/xen-livepatch
export XEN_LIVEPATCH_CONNECT=$RUN/control.sock
# shellcheck source=/dev/null
source "$ROOT/hypervisor/arch/$ARCH/qemu.sh"
TEST=$(sed -n 's/^Test: *//p' "$ROOT/payloads/$ADVISORY/advisory.txt")
IMAGE=build/$ARCH/xtf/tests/$TEST/test-$RELAY_ENV-$TEST

if [ -t 1 ]; then B=$'\033[1m' N=$'\033[0m'; else B= N=; fi
say() { printf '\n%s>>> %s%s\n' "$B" "$*" "$N"; }
# Shows a command (paths relative to the repository), runs it there, indents its output.
run() {
    echo "    \$ $*"
    (cd "$ROOT" && "$@") 2>&1 | sed 's/^/      /'
    return "${PIPESTATUS[0]}"
}
# Runs the advisory's test in a new guest; prints its result lines.
run_test() {
    echo "    \$ build/host/xen-livepatch/hvlp-run --console ${RUN#"$ROOT/"}/console.log $IMAGE"
    (cd "$ROOT" && build/host/xen-livepatch/hvlp-run --console "$RUN/console.log" "$IMAGE") |
        grep -E 'Failure|Success|Test result' | sed 's/^/      /'
    return "${PIPESTATUS[0]}"
}
trap '"$ROOT/scripts/launch" stop --arch "$ARCH" --dir "$RUN" > /dev/null' EXIT
start=$(date +%s)
ok=1

say "The advisory: payloads/$ADVISORY/advisory.txt"
sed -n '1,6s/^/      /p' "$ROOT/payloads/$ADVISORY/advisory.txt"

say "1. Boot the $ARCH hypervisor under QEMU (TCG, 2 CPUs), the xen-livepatch relay as dom0"
run scripts/launch start --arch "$ARCH" --dir "${RUN#"$ROOT/"}" || exit 1

say "2. Run the advisory's test in a new, unprivileged guest: the bug is there"
run_test
[ "${PIPESTATUS[0]}" = 5 ] || ok=0

say "3. Build a live patch from the source fix with livepatch-build"
echo "    (it rebuilds the running hypervisor's source, checks the build-id matches, applies"
echo "    payloads/$ADVISORY/fix.patch, diffs the changed objects, links, signs and dry-runs)"
run livepatch-build/livepatch-build -s . -p "payloads/$ADVISORY/fix.patch" -n "$ADVISORY" \
    -k build/keys/test-2048.pem --xen-syms "build/$ARCH/hypervisor/xen-syms" \
    --advisory "$(sed -n 's/^ID: *//p' "$ROOT/payloads/$ADVISORY/advisory.txt")" \
    -o "${RUN#"$ROOT/"}" || exit 1

say "4. Upload and apply it while the hypervisor runs: xen-livepatch through the relay"
run build/host/xen-livepatch/xen-livepatch load "${RUN#"$ROOT/"}/$ADVISORY.livepatch" || ok=0
run build/host/xen-livepatch/xen-livepatch list

say "5. The same test in a new guest: the bug is gone"
run_test
[ "${PIPESTATUS[0]}" = 0 ] || ok=0

say "6. Revert the live patch: the original code runs again, and so does the bug"
run build/host/xen-livepatch/xen-livepatch revert "$ADVISORY" || ok=0
run_test
[ "${PIPESTATUS[0]}" = 5 ] || ok=0
run build/host/xen-livepatch/xen-livepatch unload "$ADVISORY"

say "What the hypervisor logged about the live patch (${RUN#"$ROOT/"}/console.log):"
grep -E "livepatch: $ADVISORY" "$RUN/console.log" | sed 's/^/      /'

say "Done in $(($(date +%s) - start)) s.  Every advisory is proven the same way by make check-advisories."
if [ "$ok" = 1 ]; then say "Test result: SUCCESS"; exit 0; fi
say "Test result: FAILURE (a step above did not do what it says)"
exit 1
