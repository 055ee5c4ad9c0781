#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# tests/differ/run.sh [--arch ARCH]...   (default: x86_64 arm64 arm32)
#
# The differ's corpus: each cases/<case>/ holds before.c and after.c (after.c
# missing: the same source), optional X.before.h / X.after.h (copied as X.h
# beside each), a "cflags" file of extra compiler flags, an "args" file of
# extra differ options (XEN-SYMS cannot know symbols other objects of a
# payload define: --extern, --extern-from), and "expect".  For
# each arch, both sources are compiled as the hypervisor compiles (flags.mk)
# into common/<case>.c objects (STT_FILE renamed as hypervisor/Makefile
# does), the "before" object is linked with cases/stubs.c into a fake
# xen-syms, and create-diff-object (ASan+UBSan) runs on the pair; then
# differ-check holds its exit status and output against "expect".  Every
# case also diffs "before" against itself, which must give "no change", and
# an output is then linked as the driver will (ld -r with the build-id
# notes of the fake xen-syms, --fatal-warnings) and checked again.
#
# expect: one directive a line; "#" starts a comment line; a leading
# "@arch1,arch2" keeps a line to those arches.
#   arches A...            arches the case runs on (default: all)
#   exit N                 the differ's exit status
#   refusal TEXT           a "refused:" line mentions TEXT
#   orig-sym GLOB          the compiler produced such a symbol (before / after):
#   patched-sym GLOB         a case about clones fails loudly when it did not
#   funcs GLOB...          .livepatch.funcs has exactly these entries
#   defined GLOB / not-defined GLOB / undefined GLOB / not-undefined GLOB
#   reloc SEC GLOB / no-reloc SEC GLOB    a relocation in SEC to a symbol
#   static-ref FUNC VAR    FUNC's static VAR is renumbered by the patch, yet the
#                          output refers to the running one ("<file>#VAR.<old N>")
#   static-new FUNC VAR    FUNC's static VAR is new: the output defines its own
#   moved SEC              what SEC refers to moves with the patch (the case relies on it)
#   section NAME [SIZE] / no-section NAME
#
# Prints "PASS: differ/<arch>/<case>" or "FAIL: differ/<arch>/<case>: why"
# per case and "differ/<arch>: N passed, N failed" per arch; exits non-zero
# if anything failed.  Work files: build/host/differ-tests/<arch>/<case>/.
# shellcheck disable=SC2086 # CFLAGS, LDFLAGS, OBJCOPY_TARGET and args are lists of flags
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TESTS=$ROOT/tests/differ
CASES=$TESTS/cases
OUT=${DIFFER_TESTS_OUT:-$ROOT/build/host/differ-tests}
ARCHES=()
while [ $# -gt 0 ]; do
    case $1 in
    --arch) ARCHES+=("$2"); shift ;;
    *) echo "usage: run.sh [--arch x86_64|arm64|arm32]..." >&2; exit 1 ;;
    esac
    shift
done
[ ${#ARCHES[@]} -gt 0 ] || ARCHES=(x86_64 arm64 arm32)

mkdir -p "$OUT"
if ! make -s --no-print-directory -C "$TESTS" O="$OUT" > "$OUT/build.log" 2>&1; then
    echo "FAIL: differ/build: see $OUT/build.log"
    exit 1
fi
DIFFER=${DIFFER:-$OUT/differ/create-diff-object}
CHECK=$OUT/differ-check
# Sanitizer reports must not pass for the differ's own "error" status (1).
export ASAN_OPTIONS=exitcode=99:detect_leaks=1
export UBSAN_OPTIONS=exitcode=99:print_stacktrace=1:halt_on_error=1

# compile <dir> <case> <extra cflags>: <dir>/<case>.c -> <dir>/<case>.o named common/<case>.c
compile() {
    (cd "$1" && $CC $CFLAGS $3 -I"$CASES" -c "$2.c" -o "$2.tmp.o") &&
        $OBJCOPY --redefine-sym "$2.c=common/$2.c" "$1/$2.tmp.o" "$1/$2.o"
}

# stage <case dir> <side> <dest>: the case's sources for one side.
stage() {
    local f base
    mkdir -p "$3"
    cp "$1/before.c" "$3/$CASE.c"
    [ "$2" = after ] && [ -f "$1/after.c" ] && cp "$1/after.c" "$3/$CASE.c"
    for f in "$1"/*.h; do
        [ -e "$f" ] || continue
        base=$(basename "$f")
        case $base in
        *.before.h) [ "$2" = before ] && cp "$f" "$3/${base%.before.h}.h" ;;
        *.after.h) [ "$2" = after ] && cp "$f" "$3/${base%.after.h}.h" ;;
        *) cp "$f" "$3/$base" ;;
        esac
    done
}

# note_object <output> <ELF with a build-id> <section name>: the note in its own object.
note_object() {
    $OBJCOPY -O binary --only-section=.note.gnu.build-id "$2" "$1.bin" &&
        $OBJCOPY -I binary $OBJCOPY_TARGET -S \
            --rename-section .data="$3",alloc,load,readonly,data,contents \
            --set-section-alignment "$3"=4 "$1.bin" "$1"
}

# payload <work dir>: links out.o into payload.livepatch as the driver will.
payload() {
    note_object "$1/xen_depends.o" "$1/xen-syms" .livepatch.xen_depends &&
        note_object "$1/depends.o" "$1/xen-syms" .livepatch.depends &&
        $LD $LDFLAGS -r -z noexecstack --fatal-warnings --build-id=sha1 -o "$1/payload.livepatch" \
            "$1/out.o" "$1/xen_depends.o" "$1/depends.o" &&
        { cat "$2"; printf 'section %s\n' .note.gnu.build-id .livepatch.depends \
            .livepatch.xen_depends; } > "$1/payload.expect"
}

# run_case <arch> <case dir>: prints its PASS/FAIL line; returns 0 on PASS.
run_case() {
    local arch=$1 dir=$2 w=$OUT/$1/$CASE extra="" args="" rc self why
    rm -rf "$w"
    mkdir -p "$w"
    [ -f "$dir/cflags" ] && extra=$(grep -v "^#" "$dir/cflags")
    [ -f "$dir/args" ] && args=$(grep -v "^#" "$dir/args")
    stage "$dir" before "$w/orig"
    stage "$dir" after "$w/patched"
    if ! compile "$w/orig" "$CASE" "$extra" > "$w/build.log" 2>&1 ||
        ! compile "$w/patched" "$CASE" "$extra" >> "$w/build.log" 2>&1 ||
        ! $LD $LDFLAGS -z noexecstack --no-warn-rwx-segments --build-id=sha1 -T "$TESTS/xen-syms.lds" \
            --defsym=xen_base="$XEN_BASE" -e 0 -o "$w/xen-syms" "$w/orig/$CASE.o" \
            "$OUT/$arch/stubs.o" >> "$w/build.log" 2>&1; then
        echo "FAIL: differ/$arch/$CASE: does not build (see $w/build.log)"
        return 1
    fi
    "$DIFFER" $args "$w/orig/$CASE.o" "$w/patched/$CASE.o" "$w/xen-syms" "$w/out.o" > "$w/log" 2>&1
    rc=$?
    "$DIFFER" "$w/orig/$CASE.o" "$w/orig/$CASE.o" "$w/xen-syms" "$w/self.o" > "$w/self.log" 2>&1
    self=$?
    "$CHECK" "$arch" "$dir/expect" "$w/orig/$CASE.o" "$w/patched/$CASE.o" "$w/xen-syms" \
        "$w/out.o" "$rc" "$w/log" > "$w/check.log" 2>&1
    case $? in
    0) why="" ;;
    *) why=$(head -n 1 "$w/check.log" | sed 's/^ *//') ;;
    esac
    if [ -z "$why" ] && [ $rc -eq 0 ]; then
        if ! payload "$w" "$dir/expect" > "$w/payload.log" 2>&1; then
            why="the output does not link into a payload (see $w/payload.log)"
        elif ! "$CHECK" "$arch" "$w/payload.expect" "$w/orig/$CASE.o" "$w/patched/$CASE.o" \
            "$w/xen-syms" "$w/payload.livepatch" "$rc" "$w/log" >> "$w/check.log" 2>&1; then
            why="as a linked payload: $(head -n 1 "$w/check.log" | sed 's/^ *//')"
        fi
    fi
    if [ $rc -eq 99 ] || [ $self -eq 99 ]; then
        why="sanitizer report (see $w/log, $w/self.log)"
    elif [ -z "$why" ] && [ $self -ne 3 ]; then
        why="the object against itself gave exit $self, not 3 (see $w/self.log)"
    fi
    if [ -n "$why" ]; then
        echo "FAIL: differ/$arch/$CASE: $why"
        sed 's/^/    /' "$w/check.log" "$w/log" > "$w/failure.log"
        return 1
    fi
    echo "PASS: differ/$arch/$CASE"
}

# Is <case dir> for <arch>?  ("arches" line in expect)
for_arch() {
    local list
    list=$(awk '$1 == "arches" { $1 = ""; print }' "$2/expect")
    [ -z "$list" ] || [[ " $list " == *" $1 "* ]]
}

status=0
for arch in "${ARCHES[@]}"; do
    if ! flags=$(make -s --no-print-directory -f "$TESTS/flags.mk" ARCH="$arch" show); then
        echo "FAIL: differ/$arch: unknown arch"
        status=1
        continue
    fi
    eval "$flags"
    mkdir -p "$OUT/$arch"
    if ! $CC $CFLAGS -I"$CASES" -c "$CASES/stubs.c" -o "$OUT/$arch/stubs.o" 2> "$OUT/$arch/stubs.log"; then
        echo "FAIL: differ/$arch: the stubs do not build (see $OUT/$arch/stubs.log)"
        status=1
        continue
    fi
    passed=0 failed=0
    for dir in "$CASES"/*/; do
        dir=${dir%/}
        CASE=$(basename "$dir")
        for_arch "$arch" "$dir" || continue
        if run_case "$arch" "$dir"; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
        fi
    done
    echo "differ/$arch: $passed passed, $failed failed"
    [ $failed -eq 0 ] || status=1
done
exit $status
