#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite: unit tests, lit tests, and
# the integration test on real Linux 6.12 code (kernel/sched kernel/irq
# arch/x86/kernel/fpu), which needs Debian's linux-source-6.12 and the
# corpus builder ../shared/kernel-corpus/make-corpus.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
scripts/setup.sh
MAKE_CORPUS=${PREEMPTLINT_MAKE_CORPUS:-$ROOT/../shared/kernel-corpus/make-corpus.sh}
CORPUS_OUT=${PREEMPTLINT_CORPUS_OUT:-$ROOT/build/corpus}
if [[ ${PREEMPTLINT_SKIP_CORPUS:-0} != 1 ]]; then
  [[ -x $MAKE_CORPUS ]] || { echo "test: corpus builder not found at $MAKE_CORPUS (set PREEMPTLINT_MAKE_CORPUS, or PREEMPTLINT_SKIP_CORPUS=1 for the hermetic tests only)" >&2; exit 2; }
  PKGS=(linux-source-6.12 make flex bison bc libelf-dev libssl-dev xz-utils)
  missing=()
  for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [[ ${#missing[@]} -gt 0 ]]; then
    SUDO=; [[ $(id -u) -eq 0 ]] || SUDO=sudo
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  fi
  DB=corpus-ci.json "$MAKE_CORPUS" 6.12 "$CORPUS_OUT" kernel/sched kernel/irq arch/x86/kernel/fpu
  export PREEMPTLINT_CORPUS=$CORPUS_OUT/linux-6.12/corpus-ci.json
fi
# lit reads PREEMPTLINT_CORPUS at configure time
cmake -S . -B build >/dev/null
cd build
ctest --output-on-failure
