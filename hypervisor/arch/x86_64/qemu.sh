# SPDX-License-Identifier: MIT
# How to run the x86_64 hypervisor under QEMU (TCG).  Sourced by bash tools.
#
# qemu_cmd OUT_ARRAY HYPERVISOR HV_CMDLINE MODULE... sets OUT_ARRAY to the
# QEMU command line.  Each MODULE is "path [module command line]"; the first
# is dom0's kernel.  Multiboot modules are comma-separated, so commas inside
# a module's command line are doubled.
#
# COM1 is the hypervisor's console (stdio).  COM2 is there for a domain to
# be given (ioports=0x2f8-0x2ff irq=3): unconnected, unless
# QEMU_CONTROL_CHARDEV holds a QEMU -chardev spec for it (the launcher binds
# it to the relay's unix socket).
QEMU_BIN=qemu-system-x86_64
# The control-domain relay here: its guest environment and boot module
# options (COM2 passed through; "uart=" tells the relay where it is).
RELAY_ENV=pv64
RELAY_OPTIONS="mem=12M ioports=0x2f8-0x2ff irq=3 -- uart=0x2f8"

qemu_cmd() {
    local -n _out=$1
    local hv=$2 cmdline=$3 mods="" m
    shift 3
    for m in "$@"; do
        mods+="${mods:+,}${m//,/,,}"
    done
    _out=("$QEMU_BIN" -M q35 -cpu max -smp 2 -m 256 -display none -monitor none
          -serial stdio -no-reboot -kernel "$hv" -append "$cmdline" -initrd "$mods")
    if [ -n "${QEMU_CONTROL_CHARDEV:-}" ]; then
        _out+=(-chardev "$QEMU_CONTROL_CHARDEV,id=control" -serial chardev:control)
    else
        _out+=(-serial null)
    fi
}
