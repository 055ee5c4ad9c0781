#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# How fast create-diff-object is.  Prints figures; it is not a pass/fail test.
#   bench/differ.sh [N]    (N: functions in the generated object, default 3200)
#
# 1. The hypervisor's whole object set (x86_64), built twice out of tree
#    from hypervisor/ as committed (git HEAD, so work in progress in the
#    tree does not matter): as it is, and with a trivial change in
#    common/version.c.  Every object is diffed against itself (exit 3
#    expected) and against its patched build: objects per second.
# 2. A generated object with N function sections (each with a string
#    literal, a static and relocations), against itself and against a copy
#    with a few functions changed: seconds per run (median of 5).
# shellcheck disable=SC2086 # CFLAGS and LDFLAGS are lists of flags
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-3200}
OUT=$ROOT/build/x86_64/differ-bench
DIFFER=$ROOT/build/host/differ/create-diff-object
J=$(nproc 2> /dev/null || echo 2)

make -s --no-print-directory -C "$ROOT/livepatch-build/differ" O="$ROOT/build/host/differ"
mkdir -p "$OUT"

now() { date +%s.%N; }
# calc <awk expression>: arithmetic without bc
calc() { awk "BEGIN { print $1 }"; }

# build_hv <name> [sed script for common/version.c]
build_hv() {
    local src=$OUT/$1/src
    rm -rf "$src" "$OUT/$1/build"
    mkdir -p "$src"
    git -C "$ROOT" archive HEAD hypervisor | tar -x -C "$src"
    [ -z "${2:-}" ] || sed -i "$2" "$src/hypervisor/common/version.c"
    # The built-in payload keys, and the tool, come from this tree's build.
    make -s --no-print-directory -C "$src/hypervisor" ARCH=x86_64 O="$OUT/$1/build" -j"$J" \
        HVLP_BUILD="$ROOT/build" > /dev/null ||
        { echo "cannot build the hypervisor (run 'make' at the top first)" >&2; exit 1; }
}

# diff_all <orig build> <patched build>: prints "objects seconds exit-codes"
diff_all() {
    local start end o n=0 codes=""
    start=$(now)
    while read -r o; do
        "$DIFFER" "$1/$o" "$2/$o" "$1/xen-syms" "$OUT/out.o" > /dev/null 2>&1 && rc=0 || rc=$?
        codes="$codes $rc"
        n=$((n + 1))
    done < <(cd "$1" && find . -name '*.o' ! -name '.*' | sort) # not the link's .symtab.N.o
    end=$(now)
    echo "$n $(calc "$end - $start") $(echo "$codes" | tr ' ' '\n' | grep . | sort | uniq -c |
        awk '{ printf "%s%s exit %s", (NR > 1 ? ", " : ""), $1, $2 }')"
}

report_set() {
    read -r n secs codes <<< "$2"
    printf '%-34s %5d objects %7.2f s %8.1f objects/s   (%s)\n' "$1" "$n" "$secs" \
        "$(calc "$n / $secs")" "$codes"
}

echo "== hypervisor object set (x86_64) =="
build_hv base
build_hv patched 's/"Build-id: %s\\n"/"Build id: %s\\n"/'
report_set "each object against itself" "$(diff_all "$OUT/base/build" "$OUT/base/build")"
report_set "against the patched build" "$(diff_all "$OUT/base/build" "$OUT/patched/build")"

# gen <variant>: C with N functions; variant "b" changes every 700th function.
gen() {
    awk -v n="$N" -v v="$1" 'BEGIN {
        print "int printk(const char *fmt, ...);"
        for (i = 0; i < n; i++) {
            k = (v == "b" && i % 700 == 1) ? i + 1 : i
            printf "int f%d(int x);\n", i
            printf "int f%d(int x)\n{\n    static int calls;\n\n", i
            printf "    calls++;\n    printk(\"f%d %%d %%d\\n\", x, calls);\n", k
            if (i > 0)
                printf "    return f%d(x - 1) + %d;\n}\n", i - 1, k
            else
                printf "    return x;\n}\n"
        }
    }'
}

echo "== generated object: $N functions =="
eval "$(make -s --no-print-directory -f "$ROOT/tests/differ/flags.mk" ARCH=x86_64 show)"
for v in a b; do
    mkdir -p "$OUT/gen/$v"
    gen $v > "$OUT/gen/$v/gen.c"
    (cd "$OUT/gen/$v" && $CC $CFLAGS -Wno-missing-prototypes -c gen.c -o gen.o)
done
$CC $CFLAGS -c "$ROOT/tests/differ/cases/stubs.c" -o "$OUT/gen/stubs.o"
$LD $LDFLAGS -z noexecstack --no-warn-rwx-segments -T "$ROOT/tests/differ/xen-syms.lds" \
    --defsym=xen_base=0xffffffff80200000 -e 0 -o "$OUT/gen/xen-syms" "$OUT/gen/a/gen.o" \
    "$OUT/gen/stubs.o"
size=$(stat -c %s "$OUT/gen/a/gen.o")
sections=$(readelf -h "$OUT/gen/a/gen.o" | awk '/Number of section headers/ { print $5 }')
funcs=$(readelf -SW "$OUT/gen/a/gen.o" | grep -c ' \.text\.f')
printf '%-34s %d bytes, %d sections, %d function sections\n' "object" "$size" "$sections" "$funcs"

# time_runs <label> <patched object>: median of 5 runs
time_runs() {
    local t=() s e rc
    for _ in 1 2 3 4 5; do
        s=$(now)
        "$DIFFER" "$OUT/gen/a/gen.o" "$2" "$OUT/gen/xen-syms" "$OUT/gen/out.o" > /dev/null 2>&1 && rc=0 || rc=$?
        e=$(now)
        t+=("$(calc "$e - $s")")
    done
    printf '%-34s %7.3f s median (min %.3f, max %.3f), exit %d\n' "$1" \
        "$(printf '%s\n' "${t[@]}" | sort -n | sed -n 3p)" \
        "$(printf '%s\n' "${t[@]}" | sort -n | head -1)" \
        "$(printf '%s\n' "${t[@]}" | sort -n | tail -1)" "$rc"
}
time_runs "against itself" "$OUT/gen/a/gen.o"
time_runs "against a few changes" "$OUT/gen/b/gen.o"
