# SPDX-License-Identifier: MIT
# How to run the x86_64 hypervisor under QEMU (TCG).  Sourced by bash tools.
#
# qemu_cmd OUT_ARRAY HYPERVISOR HV_CMDLINE MODULE... sets OUT_ARRAY to the
# QEMU command line.  Each MODULE is "path [module command line]"; the first
# is dom0's kernel.  Multiboot modules are comma-separated, so commas inside
# a module's command line are doubled.
QEMU_BIN=qemu-system-x86_64

qemu_cmd() {
    local -n _out=$1
    local hv=$2 cmdline=$3 mods="" m
    shift 3
    for m in "$@"; do
        mods+="${mods:+,}${m//,/,,}"
    done
    _out=("$QEMU_BIN" -M q35 -cpu max -smp 2 -m 256 -display none -monitor none
          -serial stdio -no-reboot -kernel "$hv" -append "$cmdline" -initrd "$mods")
}
