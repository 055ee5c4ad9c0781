#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Tests of the XTF runner and of the check harness, using the runner-probe
# fixture (a test that reports whatever its variation asks for).  Shows in
# particular that a failing test makes "make check" fail.
# Prints PASS:/FAIL: lines for scripts/check.sh.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ARCH=x86_64
[ "${1:-}" = --arch ] && ARCH=$2
RUNNER=$ROOT/tests/xtf/xtf-runner
ENV=$("$RUNNER" --arch "$ARCH" --list runner-probe | head -n1 | sed 's/^test-\([^-]*\)-.*/\1/')

# Nested check.sh runs keep their logs apart from the outer run's.
CHECK_LOGDIR=$(mktemp -d)
export CHECK_LOGDIR
trap 'rm -rf "$CHECK_LOGDIR"' EXIT

check() { # check NAME CONDITION-STATUS [detail]
    if [ "$2" -eq 0 ]; then echo "PASS: runner/$1"; else echo "FAIL: runner/$1${3:+: $3}"; fi
}

# expect_result VARIATION EXIT WORD
expect_result() {
    local inst="test-$ENV-runner-probe~$1" out rc
    out=$("$RUNNER" --arch "$ARCH" -q --timeout 4 "$inst")
    rc=$?
    [ "$rc" -eq "$2" ] && grep -Eq "^$inst +$3\$" <<< "$out"
    check "$1-gives-$3-exit-$2" $? "exit $rc, output: $(tail -n1 <<< "$out")"
}

expect_result success 0 SUCCESS
expect_result warning 0 SUCCESS
expect_result skip 3 SKIP
expect_result error 4 ERROR
expect_result failure 5 FAILURE
expect_result noreport 4 ERROR
expect_result hang 6 CRASH

out=$("$RUNNER" --arch "$ARCH" -q --timeout 4 -j 2 "test-$ENV-runner-probe~success" \
      "test-$ENV-runner-probe~skip" "test-$ENV-runner-probe~failure")
rc=$?
[ "$rc" -eq 5 ] && grep -q '^Combined test results:' <<< "$out" && [ "$(grep -c runner-probe <<< "$out")" -eq 3 ]
check worst-result-wins $? "exit $rc"

"$RUNNER" --arch "$ARCH" -q no-such-test > /dev/null 2>&1
rc=$?
[ "$rc" -eq 1 ]
check unknown-test-is-an-error $? "exit $rc"

list=$("$RUNNER" --arch "$ARCH" --list)
! grep -q -e runner-probe -e example <<< "$list" && grep -q "^test-$ENV-" <<< "$list"
check default-selection-is-functional-and-xsa $?

out=$(XTF_SELECT="test-$ENV-runner-probe~failure" "$ROOT/scripts/check.sh" --arch "$ARCH" xtf)
rc=$?
[ "$rc" -ne 0 ] && [ "$(tail -n1 <<< "$out")" = "0 passed, 1 failed" ]
check failing-test-fails-make-check $? "exit $rc, last line: $(tail -n1 <<< "$out")"

out=$(XTF_SELECT="test-$ENV-runner-probe~success" "$ROOT/scripts/check.sh" --arch "$ARCH" xtf)
rc=$?
[ "$rc" -eq 0 ] && [ "$(tail -n1 <<< "$out")" = "1 passed, 0 failed" ]
check passing-test-passes-make-check $? "exit $rc"
exit 0
