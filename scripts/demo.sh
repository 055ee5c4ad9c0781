#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# make demo: boots the hypervisor under QEMU with an XTF test as dom0 and
# shows what happens; then starts it with the xen-livepatch relay as dom0
# and a guest calling the code to be patched, and applies, lists and
# reverts a live patch with xen-livepatch, narrating each step.  (The
# advisory demo replaces the payload here once advisories exist.)
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ARCH=${1:-x86_64}
RUNNER=$ROOT/tests/xtf/xtf-runner
LOGS=$ROOT/build/$ARCH/xtf/logs
XL=$ROOT/build/host/xen-livepatch/xen-livepatch
LP=$ROOT/build/$ARCH/livepatch
RUN=$ROOT/build/$ARCH/demo
HELPER=$ROOT/build/$ARCH/xtf/helpers/helper-pv64-xenver-loop
export XEN_LIVEPATCH_CONNECT=$RUN/control.sock

if [ -t 1 ]; then B=$'\033[1m' N=$'\033[0m'; else B= N=; fi
say() { printf '\n%s>>> %s%s\n' "$B" "$*" "$N"; }
# Shows a command, runs it, indents its output.
run() {
    echo "    \$ ${*#"$ROOT/"}"
    "$@" 2>&1 | sed 's/^/      /'
    return "${PIPESTATUS[0]}"
}
trap '"$ROOT/scripts/launch" stop --arch "$ARCH" --dir "$RUN" > /dev/null' EXIT

say "Booting the $ARCH hypervisor under QEMU (TCG, 2 CPUs) with the 'example' test as dom0"
echo "    command: tests/xtf/xtf-runner --arch $ARCH example"
"$RUNNER" --arch "$ARCH" -q example > /dev/null
rc=$?
say "Console of that boot (hypervisor lines start (XEN), dom0's (d0)):"
tr -d '\r' < "$LOGS/test-pv64-example.log"

say "Starting the hypervisor with the relay as dom0 and a guest (d1) calling xen_version in a loop"
run "$ROOT/scripts/launch" start --arch "$ARCH" --dir "$RUN" --guest "$HELPER mem=1M -- interval=1000" || exit 1

say "Uploading and applying the 'hello' payload: xen_extra_version() will say \"Hello World\""
run "$XL" load "$LP/hello.livepatch" || rc=1
say "What the hypervisor logged while the patch went in (its console):"
grep -E 'livepatch: hello|hello: loaded' "$RUN/console.log" | tail -n 3 | sed 's/^/      /'
say "The payloads it now holds"
run "$XL" list || rc=1
say "Reverting and unloading it again, while d1 keeps calling the patched function"
run "$XL" revert hello || rc=1
run "$XL" unload hello || rc=1
run "$XL" list || rc=1
if grep -q -e 'Domain 1 crashed' -e 'Panic on CPU' "$RUN/console.log"; then
    say "d1 or the hypervisor failed: see $RUN/console.log"
    rc=1
fi
[ "$rc" -eq 0 ] && say "Test result: SUCCESS" && exit 0
say "Something failed: see $LOGS and $RUN/console.log"
exit 1
