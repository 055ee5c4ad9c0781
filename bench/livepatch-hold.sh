#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# How long live patching holds the CPUs, and how long an action takes from
# the hypercall to completion, for payloads patching 1 and 100 functions,
# under QEMU (TCG, 2 CPUs).  Prints figures; it is not a pass/fail test.
#   bench/livepatch-hold.sh [ARCH]      (after make)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ARCH=${1:-x86_64}
LOGS=$(mktemp -d)
trap 'rm -rf "$LOGS"' EXIT

"$ROOT/tests/xtf/xtf-runner" --arch "$ARCH" -q --logdir "$LOGS" livepatch-bench > /dev/null ||
    { echo "the benchmark guest failed; see a run with: tests/xtf/xtf-runner livepatch-bench" >&2; exit 1; }
log=$(ls "$LOGS"/*livepatch-bench.log)

# stats: reads numbers, prints "min median max" (n samples)
stats() { sort -n | awk '{ v[NR] = $1 } END { printf "%8d %8d %8d   (%d runs)\n", v[1], v[int((NR + 1) / 2)], v[NR], NR }'; }

printf '%-10s %-7s %-26s %8s %8s %8s\n' payload action measure min median max
for p in bench1 bench100; do
    for a in APPLY REVERT; do
        printf '%-10s %-7s %-26s ' "$p" "$a" "CPUs held (us)"
        sed -n "s/.*livepatch: $p: $a finished with rc=0; [0-9]* CPUs held for \([0-9]*\) us.*/\1/p" "$log" | stats
        lower=$(echo "$a" | tr 'A-Z' 'a-z')
        printf '%-10s %-7s %-26s ' "$p" "$a" "hypercall to done (us)"
        sed -n "s/.*bench: $p $lower \([0-9]*\).*/\1/p" "$log" | stats
    done
done
