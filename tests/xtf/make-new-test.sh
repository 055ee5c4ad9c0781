#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# make-new-test.sh NAME [CATEGORY]: creates tests/xtf/tests/NAME with a
# Makefile and a main.c to fill in.  CATEGORY defaults to xsa for names
# starting "xsa-", functional otherwise.
set -euo pipefail

name=${1:?usage: make-new-test.sh NAME [CATEGORY]}
case $name in xsa-*) default=xsa ;; *) default=functional ;; esac
category=${2:-$default}
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/tests/$name
[ -e "$dir" ] && { echo "$dir already exists" >&2; exit 1; }
mkdir -p "$dir"
cat > "$dir/Makefile" <<MK
NAME := $name
CATEGORY := $category
TEST-ENVS := pv64
include \$(XTF)/mk/gen.mk
MK
if [ "$category" = xsa ]; then
    title="${name^^} PoC"
    body='    /* Probe the bug without bringing the host down, then: */
    xtf_failure("Vulnerable to '"${name^^}"'");
    /* or: xtf_success("Not vulnerable to '"${name^^}"'"); */'
else
    title="$name"
    body='    xtf_success(NULL);'
fi
cat > "$dir/main.c" <<C
/* SPDX-License-Identifier: MIT */
/*
 * $title: say here what this test proves (for an advisory: the bug and
 * how it is probed).
 */
#include <xtf.h>

const char test_title[] = "$title";

void test_main(void)
{
$body
}
C
echo "Created $dir; build with make xtf, run with tests/xtf/xtf-runner $name"
