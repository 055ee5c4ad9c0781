#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# check.sh [--arch ARCH] SUITE...  runs test suites and prints one summary
# line "N passed, N failed" (", N skipped" when some were); exits non-zero
# if anything failed.
#
# Suites: format unit fuzz cli differ xtf livepatch relay advisories hv runner
# install repro,
# or "all".  Each prints lines
# "PASS: name", "FAIL: name[: why]" or "SKIP: name"; those are counted and
# echoed, everything else goes to build/check/<suite>.log.  A suite that
# exits non-zero without reporting a failure counts as one failure.
#
# XTF_SELECT picks the XTF instances (default: every test but the fixtures
# and the advisories' xsa tests, which report Vulnerable on this hypervisor
# until their live patch is applied: check-advisories runs those).
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ARCH=x86_64
SUITES=()
while [ $# -gt 0 ]; do
    case $1 in
    --arch) ARCH=$2; shift ;;
    all) SUITES+=(format unit fuzz cli differ xtf relay advisories hv runner install repro) ;;
    *) SUITES+=("$1") ;;
    esac
    shift
done
[ ${#SUITES[@]} -gt 0 ] || { echo "usage: check.sh [--arch ARCH] SUITE..." >&2; exit 1; }

LOGDIR=${CHECK_LOGDIR:-$ROOT/build/check}
mkdir -p "$LOGDIR"

suite_format() {
    local f bad=0 n=0
    while read -r f; do
        n=$((n + 1))
        if ! clang-format --dry-run --Werror "$ROOT/$f" > /dev/null 2>&1; then
            echo "FAIL: format/$f: not formatted (run clang-format -i $f)"
            bad=1
        fi
    done < <(cd "$ROOT" && git ls-files '*.c' '*.h' 2>/dev/null || find . -name '*.[ch]' -not -path './build/*')
    [ "$bad" -eq 0 ] && echo "PASS: format ($n files)"
    return 0
}

suite_unit() {
    "$ROOT/build/host/unit/unit-tests"
}

# xen-livepatch's host tests (fake relay, fake libxenctrl).
suite_cli() {
    "$ROOT/build/host/cli/cli-tests"
}

# xen-livepatch through the real relay under QEMU: framing fuzz, then the walk.
suite_relay() {
    "$ROOT/tests/cli/relay-walk.sh" --arch "$ARCH"
}

# The differ's corpus on all three arches (run.sh builds an ASan/UBSan
# differ), a differ payload loaded under QEMU (x86_64), and livepatch-build
# from a patch to a signed payload applied under QEMU.
suite_differ() {
    local rc=0
    "$ROOT/tests/differ/run.sh" || rc=1
    "$ROOT/tests/differ/qemu-load.sh" || rc=1
    "$ROOT/tests/livepatch-build/e2e.sh" --arch "$ARCH" || rc=1
    return $rc
}

# Every advisory's proof (scripts/check-advisories.sh).
suite_advisories() {
    "$ROOT/scripts/check-advisories.sh" --arch "$ARCH"
}

# A bounded libFuzzer run of the payload loader (make fuzz runs longer).
suite_fuzz() {
    make -s --no-print-directory -C "$ROOT/tests/fuzz" O="$ROOT/build/host/fuzz" smoke
}

# Turns the runner's "Combined test results" into PASS/FAIL/SKIP lines.
suite_xtf() {
    local sel
    read -r -a sel <<< "${XTF_SELECT:-functional special utility in-development}"
    "$ROOT/tests/xtf/xtf-runner" --arch "$ARCH" -q -j 2 "${sel[@]}" |
        awk '/^Combined test results:/ { on = 1; next }
             on && NF == 2 {
                 if ($2 == "SUCCESS") print "PASS: xtf/" $1
                 else if ($2 == "SKIP") print "SKIP: xtf/" $1
                 else print "FAIL: xtf/" $1 ": " $2
             }
             !on { print }'
    local rc=${PIPESTATUS[0]}
    # 0 and 3-6 are results, already reported per instance; others are errors
    case $rc in 0 | 3 | 4 | 5 | 6) return 0 ;; *) return "$rc" ;; esac
}

# The XTF tests of live patching only (they are part of "xtf" too).
suite_livepatch() {
    local names
    names=$(cd "$ROOT/tests/xtf/tests" &&
        grep -L 'CATEGORY := fixture' livepatch-*/Makefile | sed 's,/Makefile,,' | tr '\n' ' ')
    XTF_SELECT="$names" suite_xtf
}

suite_runner() {
    "$ROOT/tests/xtf/selftest-runner.sh" --arch "$ARCH"
}

suite_hv() {
    "$ROOT/scripts/check-hv.sh" --arch "$ARCH"
}

# make install into a scratch DESTDIR, then run a test with what it installed.
suite_install() {
    local dest rc
    dest=$(mktemp -d)
    make -s -C "$ROOT" install ARCH="$ARCH" DESTDIR="$dest" PREFIX=/opt/hvlp > /dev/null
    rc=$?
    if [ "$rc" -eq 0 ] && [ -f "$dest/opt/hvlp/lib/hvlp/$ARCH/hypervisor/xen-syms" ] &&
        [ -f "$dest/opt/hvlp/share/man/man1/xen-livepatch.1" ] &&
        "$dest/opt/hvlp/sbin/xen-livepatch" --help > /dev/null &&
        [ -x "$dest/opt/hvlp/bin/hvlp-run" ] &&
        "$dest/opt/hvlp/bin/xtf-runner" --arch "$ARCH" -q --logdir "$dest/logs" example; then
        echo "PASS: install/$ARCH"
    else
        echo "FAIL: install/$ARCH: make install exit $rc, or what it installed does not run"
    fi
    rm -rf "$dest"
}

suite_repro() {
    "$ROOT/scripts/check-repro.sh" --arch "$ARCH"
}

passed=0 failed=0 skipped=0
for s in "${SUITES[@]}"; do
    if ! declare -F "suite_$s" > /dev/null; then
        echo "check.sh: unknown suite '$s'" >&2
        exit 1
    fi
    log=$LOGDIR/$s.log
    echo "== $s"
    start=$SECONDS
    "suite_$s" > "$log" 2>&1
    rc=$?
    p=$(grep -c '^PASS: ' "$log")
    f=$(grep -c '^FAIL: ' "$log")
    k=$(grep -c '^SKIP: ' "$log")
    grep -E '^(PASS|FAIL|SKIP): ' "$log"
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "FAIL: $s: the suite exited with status $rc"
        f=1
    fi
    if [ "$f" -gt 0 ]; then
        echo "-- last lines of $log:"
        grep -vE '^(PASS|SKIP): ' "$log" | tail -n 25
    fi
    echo "== $s: $p passed, $f failed, $k skipped ($((SECONDS - start)) s)"
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + k))
done

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary+=", $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
