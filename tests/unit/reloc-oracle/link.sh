#!/bin/sh
# SPDX-License-Identifier: MIT
#
# link.sh CROSS BASE SOURCE OBJECT OUTPUT [LD-OPTION...]
#
# Links the relocatable OBJECT with GNU ld (CROSS is the tool prefix, "" for
# the host) into OUTPUT, the oracle the relocation engines are compared
# with.  Each allocated input section NAME gets an output section of its
# own, .oracleNAME, at BASE + n * 64 KiB, so the test finds every section's
# address and linked bytes by name.  (Not NAME itself: ld would rewrite an
# output .eh_frame.)  The undefined symbols are defined by the
# "LD-DEFSYM name=expression" lines of SOURCE.
set -eu
cross=$1 base=$2 src=$3 obj=$4 out=$5
shift 5

# readelf -SW: "[Nr] Name Type Address Off Size ES Flg Lk Inf Al".
"${cross}readelf" -SW "$obj" | sed -n 's/^ *\[ *[0-9]*\] //p' |
    awk -v base="$base" '
        NF == 10 && $7 ~ /A/ {
            if (seen[$1]++) { print "link.sh: two sections named " $1 > "/dev/stderr"; exit 1 }
            printf "    .oracle%s %s + 0x%x : { *(%s) }\n", $1, base, n++ * 65536, $1
        }' > "$out.sections"
{
    echo "SECTIONS {"
    cat "$out.sections"
    echo "}"
} > "$out.ld"
rm -f "$out.sections"

# shellcheck disable=SC2046 # one --defsym per word
"${cross}ld" -T "$out.ld" --no-relax -e 0 --fatal-warnings "$@" -o "$out" "$obj" \
    $(grep -o 'LD-DEFSYM [^ =]*=[^ ]*' "$src" | sed 's/^LD-DEFSYM /--defsym=/')
