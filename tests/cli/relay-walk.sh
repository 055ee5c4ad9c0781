#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# relay-walk.sh [--arch ARCH]: xen-livepatch through the real relay.  One
# hypervisor under QEMU (scripts/launch) with the relay as dom0 and a domU
# calling xen_version (the patched code) all along; first the framing
# fuzzer (relay-fuzz), then the state-machine walk with real payloads,
# and guests run through the relay (hvlp-run).
# (The domU sleeps a millisecond between calls: a guest spinning on its CPU
# would slow QEMU's serial line, and the walk, threefold on two host cores.)
# Each step prints "PASS: cli-relay/<step>" or "FAIL: cli-relay/<step>: why".
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ARCH=x86_64
[ "${1:-}" = --arch ] && ARCH=$2
XL=$ROOT/build/host/xen-livepatch/xen-livepatch
FUZZ=$ROOT/build/host/cli/relay-fuzz
LP=$ROOT/build/$ARCH/livepatch
HELPER=$ROOT/build/$ARCH/xtf/helpers/helper-pv64-xenver-loop
RUN=$(mktemp -d)
export XEN_LIVEPATCH_CONNECT=$RUN/control.sock

cleanup() {
    "$ROOT/scripts/launch" stop --arch "$ARCH" --dir "$RUN" > /dev/null
    rm -rf "$RUN"
}
trap cleanup EXIT

# step NAME WANT_STATUS PATTERN COMMAND...: runs the command; its exit status
# must be WANT_STATUS and its output (stdout and stderr) match PATTERN.
step() {
    local name=$1 want=$2 pattern=$3 out rc
    shift 3
    out=$("$@" 2>&1)
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        echo "FAIL: cli-relay/$name: exit $rc, expected $want; output:"
        printf '%s\n' "$out" | sed 's/^/    /'
    elif ! printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
        echo "FAIL: cli-relay/$name: output does not match /$pattern/:"
        printf '%s\n' "$out" | sed 's/^/    /'
    else
        echo "PASS: cli-relay/$name"
    fi
}

# The build-id of an ELF file, as readelf shows it.
build_id() { readelf -n "$1" | awk '/Build ID:/ { print $3; exit }'; }


if ! "$ROOT/scripts/launch" start --arch "$ARCH" --dir "$RUN" --guest "$HELPER mem=1M -- interval=1000" > /dev/null; then
    echo "FAIL: cli-relay/launch: the relay did not come up"
    exit 1
fi
echo "PASS: cli-relay/launch"

"$FUZZ" "$XEN_LIVEPATCH_CONNECT" "${RELAY_FUZZ_SEED:-$RANDOM}" 300 60

# Load, list, refuse the same again, stack, refuse an out-of-order revert.
step load-hello 0 'Applying hello\.\.\. completed' "$XL" load "$LP/hello.livepatch"
step list-applied 0 '^hello +\| APPLIED +\| name=hello;purpose=test payload$' "$XL" list
step list-json 0 '"name": "hello", "state": "APPLIED", "rc": 0.*"purpose": "test payload"' \
    "$XL" list --json
step load-again-eexist 1 'Error 17: File exists' "$XL" load "$LP/hello.livepatch"
step stack-bye 0 'Applying bye\.\.\. completed' "$XL" load "$LP/bye.livepatch"
step revert-under-bye 2 'still applied: bye\.' "$XL" revert hello
step list-both-applied 0 'bye +\| APPLIED' "$XL" list
step revert-bye 0 'Reverting bye\.\.\. completed' "$XL" revert bye
step revert-hello 0 'Reverting hello\.\.\. completed' "$XL" revert hello
step list-both-checked 0 '^bye +\| CHECKED' "$XL" list
step unload-bye 0 'Unloading bye\.\.\. completed' "$XL" unload bye
step unload-hello 0 'Unloading hello\.\.\. completed' "$XL" unload hello

# Replace: hello applied, then replace takes its place.
step reload-hello 0 'Applying hello\.\.\. completed' "$XL" load "$LP/hello.livepatch"
step upload-replace 0 'Uploading .* completed' "$XL" upload replace "$LP/replace.livepatch"
step replace 0 'completed' "$XL" replace replace
step list-replaced 0 '^hello +\| CHECKED' "$XL" list
step list-replacing 0 '^replace +\| APPLIED' "$XL" list
step revert-replace 0 'completed' "$XL" revert replace
step unload-replace 0 'completed' "$XL" unload replace
step unload-hello-again 0 'completed' "$XL" unload hello

# NOP entries; unloading twice.
step load-nop 0 'Applying nop\.\.\. completed' "$XL" load "$LP/nop.livepatch"
step revert-nop 0 'completed' "$XL" revert nop
step unload-nop 0 'completed' "$XL" unload nop
step unload-nop-enoent 1 'Error 2: No such file or directory' "$XL" unload nop

# A payload built for another hypervisor: refused, both build-ids named.
want_payload=$(build_id "$ROOT/build/$ARCH/hypervisor-test/xen-syms")
want_running=$(build_id "$ROOT/build/$ARCH/hypervisor/xen-syms")
step other-build-refused 1 "needs build-id $want_payload.*" "$XL" upload other "$LP/other/hello.livepatch"
step other-build-running-id 1 "running hypervisor is +$want_running" \
    "$XL" upload other "$LP/other/hello.livepatch"

# Signatures (livepatch_sig=enforce, the default): each refusal has its own
# error, which the command explains.
step unsigned-refused 1 'payload is not signed and the hypervisor enforces signatures' \
    "$XL" upload unsigned "$LP/sig/hello-unsigned.livepatch"
step unknown-key-refused 1 'signed with a key the running hypervisor does not trust' \
    "$XL" upload untrusted "$LP/sig/hello-untrusted-2048.livepatch"
step bad-signature-refused 1 'signature does not verify: it changed after signing' \
    "$XL" upload tampered "$LP/sig/hello-tampered.livepatch"

# The largest payload the hypervisor takes (2 MiB less a little).
start=$(date +%s%N)
step load-big 0 'Applying big\.\.\. completed' "$XL" load "$LP/big.livepatch"
big_ms=$((($(date +%s%N) - start) / 1000000))
step list-big 0 '^big +\| APPLIED' "$XL" list
step revert-big 0 'completed' "$XL" revert big
step unload-big 0 'completed' "$XL" unload big

# 100 payloads uploaded and listed, then unloaded.
fails=0
for n in $(seq 1 100); do
    "$XL" upload "many-$n" "$LP/many/$n.livepatch" > /dev/null 2>&1 || fails=$((fails + 1))
done
if [ "$fails" -eq 0 ]; then echo "PASS: cli-relay/upload-100"; else echo "FAIL: cli-relay/upload-100: $fails uploads failed"; fi
listed=$("$XL" list | grep -Ec '^many-[0-9]+ +\| CHECKED +\| name=nop;seq=[0-9]+$')
if [ "$listed" -eq 100 ]; then echo "PASS: cli-relay/list-100"; else echo "FAIL: cli-relay/list-100: $listed of 100 listed"; fi
step list-100-json 0 '"name": "many-100", "state": "CHECKED", "rc": 0, "rc_name": null, "metadata": \{"name": "nop", "seq": "100"\}' \
    "$XL" list --json
for n in $(seq 1 100); do "$XL" unload "many-$n" > /dev/null 2>&1 || fails=$((fails + 1)); done
step unload-100 0 'Nothing to list' "$XL" list

# An action that cannot finish in time: exit 2 (retry), nothing applied.
step upload-nop 0 'completed' "$XL" upload nop "$LP/nop.livepatch"
step apply-timeout-ebusy 2 'Error 16: Device or resource busy' "$XL" apply nop --timeout 1
step timeout-left-checked 0 '^nop +\| CHECKED' "$XL" list
step apply-after-timeout 0 'completed' "$XL" apply nop
step revert-nop-after-timeout 0 'completed' "$XL" revert nop
step unload-nop-after-timeout 0 'completed' "$XL" unload nop

# A guest run through the relay (RELAY_REQ_RUN): an XTF test, its result.
step run-guest 0 '\(d[0-9]+\) Test result: SUCCESS' \
    "$ROOT/build/host/xen-livepatch/hvlp-run" --console "$RUN/console.log" \
    "$ROOT/build/$ARCH/xtf/tests/example/test-pv64-example"
step run-guest-crash 6 'd[0-9]+ shut down: crash' \
    "$ROOT/build/host/xen-livepatch/hvlp-run" --console "$RUN/console.log" \
    "$ROOT/build/$ARCH/xtf/helpers/helper-pv64-crash" fault=null
step run-not-elf 1 'Exec format error' \
    "$ROOT/build/host/xen-livepatch/hvlp-run" "$LP/nop.livepatch"

# The timings asked for: a 1-function payload's upload+apply, and the 2 MiB one.
start=$(date +%s%N)
step timed-load-hello 0 'Applying hello\.\.\. completed' "$XL" load "$LP/hello.livepatch"
hello_ms=$((($(date +%s%N) - start) / 1000000))
echo "relay-walk: upload+apply of hello (1 function): $hello_ms ms; of big ($(stat -c %s "$LP/big.livepatch") bytes): $big_ms ms"

# The domU called the patched code throughout and must still be running.
if grep -q -e 'Domain 1 crashed' -e 'Panic on CPU' -e 'Hypervisor fault' "$RUN/console.log"; then
    echo "FAIL: cli-relay/guest-survived: see the console:"
    grep -e 'Domain 1' -e 'Panic' -e 'fault' "$RUN/console.log" | head | sed 's/^/    /'
else
    echo "PASS: cli-relay/guest-survived"
fi
