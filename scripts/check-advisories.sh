#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# check-advisories.sh [--arch ARCH]...: the CI proof of every advisory
# under payloads/ (each folder: advisory.txt naming its XTF test, and
# fix.patch), on each architecture (default x86_64).  Per architecture:
#
#   1. livepatch-build makes, from each fix, a signed payload on the
#      running hypervisor, one stacked on the previous advisory's, and one
#      cumulative payload from all the fixes together;
#   2. in one running hypervisor (scripts/launch, the relay as dom0), for
#      each advisory: its test reports Vulnerable, xen-livepatch applies
#      the payload, the test reports SUCCESS, revert, Vulnerable again;
#   3. the stacked payloads applied in order, every test checked after
#      each; then the cumulative one takes their place with `replace`;
#   4. a hypervisor rebuilt from the fixed source passes the same tests.
#
# Each check prints "PASS: advisories/ARCH/..." or "FAIL: ...", then the
# matrix of results.  Adding an architecture means only naming it here:
# everything arch-specific comes from hypervisor/arch/ARCH/qemu.sh.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ARCHES=()
while [ $# -gt 0 ]; do
    case $1 in
    --arch) ARCHES+=("$2"); shift ;;
    *) echo "usage: check-advisories.sh [--arch ARCH]..." >&2; exit 1 ;;
    esac
    shift
done
[ ${#ARCHES[@]} -gt 0 ] || ARCHES=(x86_64)

LPB=$ROOT/livepatch-build/livepatch-build
XL=$ROOT/build/host/xen-livepatch/xen-livepatch
RUN_GUEST=$ROOT/build/host/xen-livepatch/hvlp-run
KEY=$ROOT/build/keys/test-2048.pem
mapfile -t ADVISORIES < <(cd "$ROOT/payloads" && ls -d */ | tr -d / | sort -V)
WORK=$(mktemp -d)
declare -A MATRIX
trap 'for a in "${ARCHES[@]}"; do "$ROOT/scripts/launch" stop --arch "$a" --dir "$WORK/$a/run" > /dev/null 2>&1; done; rm -rf "$WORK"' EXIT

test_of() { sed -n 's/^Test: *//p' "$ROOT/payloads/$1/advisory.txt"; }

# check ARCH NAME OK DETAIL: one result line, and the matrix cell.
check() {
    local arch=$1 name=$2 ok=$3 detail=$4
    MATRIX[$arch/$name]=$([ "$ok" = 1 ] && echo ok || echo FAIL)
    if [ "$ok" = 1 ]; then echo "PASS: advisories/$arch/$name"; else echo "FAIL: advisories/$arch/$name: $detail"; fi
}

# verdict ARCH ADVISORY: runs the advisory's test in the running hypervisor
# and prints its result: Vulnerable, SUCCESS, or what else happened.
verdict() {
    local arch=$1 t out rc
    t=$(test_of "$2")
    out=$("$RUN_GUEST" --console "$WORK/$arch/run/console.log" \
        "$ROOT/build/$arch/xtf/tests/$t/test-$ENV-$t" 2>&1)
    rc=$?
    echo "$out" >> "$WORK/$arch/tests.log"
    if [ $rc -eq 0 ]; then
        echo SUCCESS
    elif [ $rc -eq 5 ] && grep -q 'Failure: Vulnerable' <<< "$out"; then
        echo Vulnerable
    else
        echo "exit-$rc"
    fi
}

# build ARCH NAME PATCH [options]: a signed payload $WORK/ARCH/NAME.livepatch.
build() {
    local arch=$1 name=$2 patch=$3
    shift 3
    "$LPB" -s "$ROOT" -p "$patch" -n "$name" -k "$KEY" --arch "$arch" -o "$WORK/$arch" \
        --xen-syms "$ROOT/build/$arch/hypervisor/xen-syms" --advisory "$name" "$@" \
        > "$WORK/$arch/$name.build.log" 2>&1
}

xl() { "$XL" "$@" >> "$WORK/$ARCH/xl.log" 2>&1; }

launch() { # ARCH [hypervisor]
    "$ROOT/scripts/launch" start --arch "$1" --dir "$WORK/$1/run" ${2:+--hypervisor "$2"} \
        > "$WORK/$1/launch.log" 2>&1
}

# expect_all ARCH STEP N: advisories 1..N fixed, the others Vulnerable.
expect_all() {
    local arch=$1 step=$2 n=$3 i=0 a want got bad=""
    for a in "${ADVISORIES[@]}"; do
        i=$((i + 1))
        want=$([ $i -le "$n" ] && echo SUCCESS || echo Vulnerable)
        got=$(verdict "$arch" "$a")
        [ "$got" = "$want" ] || bad+=" $a:$got(want $want)"
    done
    check "$arch" "$step" "$([ -z "$bad" ] && echo 1)" "${bad# }"
}

for ARCH in "${ARCHES[@]}"; do
    # shellcheck source=/dev/null
    source "$ROOT/hypervisor/arch/$ARCH/qemu.sh"
    ENV=$RELAY_ENV
    mkdir -p "$WORK/$ARCH"
    export XEN_LIVEPATCH_CONNECT=$WORK/$ARCH/run/control.sock

    # 1. Payloads: each alone, each stacked on the one before, all in one.
    prev="" all_patches=()
    for a in "${ADVISORIES[@]}"; do
        patch=$ROOT/payloads/$a/fix.patch
        all_patches+=("$patch")
        build "$ARCH" "$a" "$patch" &&
            build "$ARCH" "$a-stacked" "$patch" ${prev:+--depends "$WORK/$ARCH/$prev.livepatch"}
        check "$ARCH" "$a/build" "$([ $? -eq 0 ] && echo 1)" "see livepatch-build's log:
$(tail -n 5 "$WORK/$ARCH/$a"*.build.log)"
        prev=$a-stacked
    done
    cat "${all_patches[@]}" > "$WORK/$ARCH/all.patch"
    build "$ARCH" advisories-all "$WORK/$ARCH/all.patch"
    check "$ARCH" cumulative/build "$([ $? -eq 0 ] && echo 1)" "$(tail -n 5 "$WORK/$ARCH/advisories-all.build.log")"

    # 2. Each advisory: Vulnerable, applied, SUCCESS, reverted, Vulnerable.
    if ! launch "$ARCH"; then
        check "$ARCH" launch 0 "$(tail -n 5 "$WORK/$ARCH/launch.log")"
        continue
    fi
    for a in "${ADVISORIES[@]}"; do
        before=$(verdict "$ARCH" "$a")
        xl load "$WORK/$ARCH/$a.livepatch"
        applied=$(verdict "$ARCH" "$a")
        xl revert "$a"
        reverted=$(verdict "$ARCH" "$a")
        xl unload "$a"
        check "$ARCH" "$a/before" "$([ "$before" = Vulnerable ] && echo 1)" "the test says $before"
        check "$ARCH" "$a/applied" "$([ "$applied" = SUCCESS ] && echo 1)" "the test says $applied"
        check "$ARCH" "$a/reverted" "$([ "$reverted" = Vulnerable ] && echo 1)" "the test says $reverted"
    done

    # 3. Stacked in order, then replaced by the cumulative payload.
    n=0
    for a in "${ADVISORIES[@]}"; do
        n=$((n + 1))
        xl load "$WORK/$ARCH/$a-stacked.livepatch"
        expect_all "$ARCH" "stacked/$n-$a" "$n"
    done
    xl upload advisories-all "$WORK/$ARCH/advisories-all.livepatch"
    xl replace advisories-all
    expect_all "$ARCH" replaced "${#ADVISORIES[@]}"
    applied=$("$XL" list 2>&1 | grep -c '| APPLIED')
    check "$ARCH" replaced/list "$([ "$applied" -eq 1 ] && "$XL" list | grep -q '^advisories-all .*| APPLIED' && echo 1)" \
        "$applied payloads applied, expected only advisories-all"
    "$ROOT/scripts/launch" stop --arch "$ARCH" --dir "$WORK/$ARCH/run" > /dev/null

    # 4. Rebuilt from the fixed source: the same tests pass.
    mkdir -p "$WORK/$ARCH/fixed"
    cp -a "$ROOT/hypervisor" "$WORK/$ARCH/fixed/"
    if (cd "$WORK/$ARCH/fixed" && cat "$WORK/$ARCH/all.patch" | patch -p1 --quiet) &&
        make -s --no-print-directory -C "$WORK/$ARCH/fixed/hypervisor" ARCH="$ARCH" \
            O="$WORK/$ARCH/fixed-obj" -j"$(nproc)" HVLP_BUILD="$ROOT/build" \
            > "$WORK/$ARCH/fixed.log" 2>&1 &&
        launch "$ARCH" "$WORK/$ARCH/fixed-obj/xen"; then
        expect_all "$ARCH" rebuilt "${#ADVISORIES[@]}"
        "$ROOT/scripts/launch" stop --arch "$ARCH" --dir "$WORK/$ARCH/run" > /dev/null
    else
        check "$ARCH" rebuilt 0 "the fixed source did not build or boot: $(tail -n 5 "$WORK/$ARCH/fixed.log")"
    fi
done

# The matrix: one row per check, one column per architecture.
echo
printf '%-28s' "advisory check"
for a in "${ARCHES[@]}"; do printf ' %-8s' "$a"; done
echo
for key in $(printf '%s\n' "${!MATRIX[@]}" | sed 's,^[^/]*/,,' | sort -uV); do
    printf '%-28s' "$key"
    for a in "${ARCHES[@]}"; do printf ' %-8s' "${MATRIX[$a/$key]:--}"; done
    echo
done
