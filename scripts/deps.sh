#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The one dependency step, used by make demo, make check and .ci/run.
# Checks every Debian package the build and tests need; as root it installs
# what is missing with apt-get, otherwise it prints the exact command.
set -euo pipefail

PACKAGES=(
    make gcc libc6-dev binutils git patch
    gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu
    gcc-arm-linux-gnueabihf binutils-arm-linux-gnueabihf
    qemu-system-x86 qemu-system-arm
    libelf-dev libssl-dev libxen-dev xdelta3
    clang-format clang libclang-rt-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
    echo "Missing packages: ${missing[*]}" >&2
    echo "Install them as root with:" >&2
    echo "  $cmd" >&2
    exit 1
fi
echo "Installing missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
