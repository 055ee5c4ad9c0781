#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# symbol-bytes.sh ELF SYMBOL COUNT: prints the first COUNT bytes of SYMBOL's
# code in ELF as a C initializer ("0xf3, 0x0f, ...").
set -euo pipefail
elf=$1 sym=$2 count=$3
addr=$(nm "$elf" | awk -v s="$sym" '$3 == s { print $1; exit }')
[ -n "$addr" ] || { echo "symbol-bytes.sh: no symbol $sym in $elf" >&2; exit 1; }
read -r sh_addr sh_off < <(readelf -SW "$elf" | awk '{ for (i = 1; i < NF; i++) if ($i == ".text") { print $(i + 2), $(i + 3); exit } }')
off=$(( 0x$addr - 0x$sh_addr + 0x$sh_off ))
od -An -tx1 -v -j "$off" -N "$count" "$elf" | tr -s ' \n' ' ' | sed 's/^ //; s/ $//; s/\([0-9a-f][0-9a-f]\)/0x\1,/g; s/,$//'
