#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Hypervisor behaviour seen from outside:
# - a fault in hypervisor context prints registers and a backtrace with
#   symbol names (globals by name, statics as <path>#<name>), then reboots
#   (QEMU exits), or halts with "noreboot";
# - WARN() reports and carries on; BUG() reports and panics;
# - the test hooks that cause it exist only in the test build;
# - the build-id printed at boot and returned by XENVER_build_id is the
#   GNU build-id note of xen-syms;
# - a payload's own bug frames are found, and backtraces name its symbols.
# Prints PASS:/FAIL: lines for scripts/check.sh.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ARCH=x86_64
[ "${1:-}" = --arch ] && ARCH=$2
. "$ROOT/hypervisor/arch/$ARCH/qemu.sh"
HV=$ROOT/build/$ARCH/hypervisor
HV_TEST=$ROOT/build/$ARCH/hypervisor-test
EXAMPLE=$(ls "$ROOT"/build/"$ARCH"/xtf/tests/example/test-*-example | head -n1)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

result() { # result NAME STATUS [why]
    if [ "$2" -eq 0 ]; then echo "PASS: hv/$1"; else echo "FAIL: hv/$1${3:+: $3}"; fi
}

# boot HYPERVISOR-DIR LOG TIMEOUT HV-CMDLINE: boots with the example test as dom0.
boot() {
    local cmd
    qemu_cmd cmd "$1/xen" "$4" "$EXAMPLE"
    timeout --kill-after=5 "$3" "${cmd[@]}" > "$2" 2>&1 < /dev/null
}

# expect LOG TEXT...: every TEXT appears in LOG.
expect() {
    local log=$1 t
    shift
    for t in "$@"; do
        grep -qF -- "$t" "$log" || { echo "missing: $t"; return 1; }
    done
}

log=$WORK/fault.log
boot "$HV_TEST" "$log" 30 "test_fault=hypervisor"
rc=$?
why=$(expect "$log" "Hypervisor fault on CPU0" "#PF page fault" "RIP: [<" "rax: " "rflags: " \
      "Backtrace:" "common/test_hooks.c#touch_unmapped" "test_hooks_boot+" \
      "start_hypervisor+" "Panic on CPU 0" "Rebooting.")
[ -z "$why" ] && [ "$rc" -ne 124 ] && [ "$rc" -ne 137 ]
result fault-report-with-symbols $? "${why:-QEMU did not exit (rc $rc)}"
cp "$log" "$ROOT/build/$ARCH/hv-fault.log" 2>/dev/null

log=$WORK/noreboot.log
boot "$HV_TEST" "$log" 5 "test_fault=hypervisor noreboot"
rc=$?
why=$(expect "$log" "Panic on CPU 0" "'noreboot' set - not rebooting.")
[ -z "$why" ] && [ "$rc" -eq 124 ]
result noreboot-halts $? "${why:-QEMU exited (rc $rc) instead of halting}"

log=$WORK/warn.log
boot "$HV_TEST" "$log" 30 "test_fault=warn"
why=$(expect "$log" "Warning at ./hypervisor/common/test_hooks.c:" "test_hooks_boot+" \
      "(d0) Test result: SUCCESS")
[ -z "$why" ] && ! grep -q "Panic on CPU" "$log"
result warn-reports-and-carries-on $? "${why:-it panicked}"

log=$WORK/bug.log
boot "$HV_TEST" "$log" 30 "test_fault=bug"
why=$(expect "$log" "BUG at ./hypervisor/common/test_hooks.c:" "#UD invalid opcode" \
      "test_hooks_boot+" "Panic on CPU 0")
[ -z "$why" ] && ! grep -q "Test result:" "$log"
result bug-reports-and-panics $? "${why:-dom0 ran after a BUG}"

if nm "$HV/xen-syms" | grep -q test_hooks_boot; then
    result test-hooks-compiled-out 1 "test_hooks_boot is in the normal build"
else
    result test-hooks-compiled-out 0
fi

log=$WORK/version.log
"$ROOT/tests/xtf/xtf-runner" --arch "$ARCH" -q --logdir "$WORK/logs" version > /dev/null
rc=$?
note=$(readelf -n "$HV/xen-syms" | sed -n 's/.*Build ID: //p')
cat "$WORK"/logs/*version.log > "$log" 2>/dev/null
why=$(expect "$log" "Build-id: $note" "build-id $note")
[ "$rc" -eq 0 ] && [ -n "$note" ] && [ -z "$why" ]
result build-id-reported "$?" "${why:-version test exit $rc}"
# hello's load hook trips its own WARN(): the frame and the backtrace's
# symbol must come from the payload.
"$ROOT/tests/xtf/xtf-runner" --arch "$ARCH" -q --logdir "$WORK/lp" livepatch-basic > /dev/null
rc=$?
why=$(expect "$WORK"/lp/*livepatch-basic.log "Warning at ./tests/livepatch/payloads/hello.c:" \
      "hello_load+0x" "[hello]")
[ "$rc" -eq 0 ] && [ -z "$why" ]
result payload-bug-frame-and-symbols "$?" "${why:-livepatch-basic exit $rc}"
exit 0
