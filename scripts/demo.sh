#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# make demo: boots the hypervisor under QEMU with an XTF test as dom0 and
# shows what happens, then runs a test in a domain that dom0 creates at run
# time.  (It becomes the live-patching demo once payloads exist.)
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ARCH=${1:-x86_64}
RUNNER=$ROOT/tests/xtf/xtf-runner
LOGS=$ROOT/build/$ARCH/xtf/logs

if [ -t 1 ]; then B=$'\033[1m' N=$'\033[0m'; else B= N=; fi
say() { printf '\n%s>>> %s%s\n' "$B" "$*" "$N"; }

say "Booting the $ARCH hypervisor under QEMU (TCG, 2 CPUs) with the 'example' test as dom0"
echo "    command: tests/xtf/xtf-runner --arch $ARCH example"
start=$(date +%s%N)
"$RUNNER" --arch "$ARCH" -q example > /dev/null
rc=$?
ms=$((($(date +%s%N) - start) / 1000000))
say "Console of that boot (hypervisor lines start (XEN), dom0's (d0)):"
tr -d '\r' < "$LOGS/test-$( [ "$ARCH" = x86_64 ] && echo pv64 || echo "$ARCH")-example.log"
say "The run took $ms ms of wall time, QEMU start-up included; the runner exited $rc."

say "Running the 'isolation' test in a domain dom0 creates at run time (XEN_DOMCTL_createdomain)"
echo "    command: tests/xtf/xtf-runner --arch $ARCH isolation"
"$RUNNER" --arch "$ARCH" -q isolation
rc2=$?
[ "$rc" -eq 0 ] && [ "$rc2" -eq 0 ] && say "Test result: SUCCESS" && exit 0
say "Something failed: see $LOGS"
exit 1
