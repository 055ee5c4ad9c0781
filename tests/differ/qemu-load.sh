#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# tests/differ/qemu-load.sh: the differ's output, end to end, on x86_64
# under QEMU.  Builds the committed hypervisor (git HEAD) twice out of tree,
# the second time with xen_extra_version() changed (a new static, a new
# string, a call to printk); diffs common/version.o; links the output into
# a payload as livepatch-build will (ld -r with the build-id notes, signed
# with the test key when the tree has signing); boots the first build with
# a guest calling xen_version in a loop; loads the payload with
# xen-livepatch, checks the new code ran, then reverts and unloads it.
# Needs `make` done (the relay, the XTF helpers, xen-livepatch).  Prints
# "PASS: differ/x86_64/qemu-load", "FAIL: ...: why" or "SKIP: ...: why".
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
W=$ROOT/build/x86_64/differ-load
NAME=differ/x86_64/qemu-load
XL=$ROOT/build/host/xen-livepatch/xen-livepatch
HELPER=$ROOT/build/x86_64/xtf/helpers/helper-pv64-xenver-loop
SIGN=$ROOT/build/host/sign/livepatch-sign
KEY=$ROOT/build/keys/test-2048.pem
MESSAGE="xen_extra_version: patched by a create-diff-object payload"
export XEN_LIVEPATCH_CONNECT=$W/run/control.sock

fail() { echo "FAIL: $NAME: $*"; exit 1; }
for f in "$XL" "$HELPER" "$ROOT/build/x86_64/relay/relay-pv64"; do
    [ -e "$f" ] || { echo "SKIP: $NAME: ${f#"$ROOT/"} is missing (run make)"; exit 0; }
done

# build <name> [patch]: hypervisor/ at HEAD into $W/<name>, with xen_extra_version patched
build() {
    rm -rf "${W:?}/$1"
    mkdir -p "$W/$1"
    git -C "$ROOT" archive HEAD hypervisor | tar -x -C "$W/$1" || return 1
    if [ -n "${2:-}" ]; then
        sed -i 's|^    return ".0-hv";|    static bool said;\n\n    if (!said) {\n        said = true;\n        printk("'"$MESSAGE"'\\n");\n    }\n    return ".0-hv-live";|' \
            "$W/$1/hypervisor/common/version.c"
        grep -q "$MESSAGE" "$W/$1/hypervisor/common/version.c" || return 1
    fi
    make -s --no-print-directory -C "$W/$1/hypervisor" ARCH=x86_64 O="$W/$1/build" \
        -j"$(nproc 2> /dev/null || echo 2)" HVLP_BUILD="$ROOT/build"
}

# note <section>: the base build's build-id as a note object named <section>
note() {
    objcopy -O binary --only-section=.note.gnu.build-id "$W/base/build/xen-syms" "$W/$1.bin" &&
        objcopy -I binary -O elf64-x86-64 -B i386:x86-64 -S \
            --rename-section .data="$1",alloc,load,readonly,data,contents \
            --set-section-alignment "$1"=4 "$W/$1.bin" "$W/$1.o"
}

mkdir -p "$W"
make -s --no-print-directory -C "$ROOT/livepatch-build/differ" O="$ROOT/build/host/differ" ||
    fail "the differ does not build"
{ build base && build patched yes; } > "$W/build.log" 2>&1 ||
    fail "the hypervisor does not build (see $W/build.log)"
"$ROOT/build/host/differ/create-diff-object" "$W/base/build/common/version.o" \
    "$W/patched/build/common/version.o" "$W/base/build/xen-syms" "$W/out.o" > "$W/differ.log" 2>&1 ||
    fail "create-diff-object exit $? (see $W/differ.log)"
if ! note .livepatch.xen_depends || ! note .livepatch.depends ||
    ! ld -m elf_x86_64 -r -z noexecstack --fatal-warnings --build-id=sha1 -o "$W/e2e.livepatch" \
        "$W/out.o" "$W/.livepatch.xen_depends.o" "$W/.livepatch.depends.o"; then
    fail "the output does not link into a payload"
fi
if [ -x "$SIGN" ] && [ -f "$KEY" ]; then
    "$SIGN" sign --key "$KEY" "$W/e2e.livepatch" "$W/e2e.livepatch" || fail "cannot sign the payload"
fi

trap '"$ROOT/scripts/launch" stop --arch x86_64 --dir "$W/run" > /dev/null' EXIT
"$ROOT/scripts/launch" start --arch x86_64 --dir "$W/run" --hypervisor "$W/base/build/xen" \
    --guest "$HELPER mem=1M -- interval=1000" > "$W/launch.log" 2>&1 ||
    fail "the hypervisor does not start (see $W/launch.log)"
"$XL" load "$W/e2e.livepatch" > "$W/xl.log" 2>&1 || fail "load refused (see $W/xl.log, $W/run/console.log)"
for _ in $(seq 50); do
    grep -aq "$MESSAGE" "$W/run/console.log" && break
    sleep 0.1
done
grep -aq "$MESSAGE" "$W/run/console.log" || fail "the patched function did not run (see $W/run/console.log)"
{ "$XL" revert e2e && "$XL" unload e2e; } >> "$W/xl.log" 2>&1 || fail "revert or unload failed (see $W/xl.log)"
grep -aqE "Domain 1 crashed|Panic on CPU" "$W/run/console.log" && fail "a crash (see $W/run/console.log)"
echo "PASS: $NAME"
