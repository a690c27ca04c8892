#!/usr/bin/env bash
# Installs the toolchain (Debian 12 packages) and builds preemptlint in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS=(clang-19 lld-19 llvm-19 llvm-19-dev libclang-19-dev clang-tidy-19 llvm-19-tools
      nlohmann-json3-dev libgtest-dev cmake ninja-build python3)
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [[ ${#missing[@]} -gt 0 ]]; then
  SUDO=; [[ $(id -u) -eq 0 ]] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld -DCMAKE_SHARED_LINKER_FLAGS=-fuse-ld=lld \
  -DCMAKE_MODULE_LINKER_FLAGS=-fuse-ld=lld >/dev/null
ninja -C build
