#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite: unit tests, lit tests (every
# checker test through the command line and through clang-tidy with the
# plugin), and the integration tests on real Linux 6.12 code (kernel/sched
# kernel/irq arch/x86/kernel/fpu) built by scripts/make-corpus.sh from
# Debian's linux-source-6.12.
#
#   PREEMPTLINT_SKIP_CORPUS=1     hermetic tests only (no kernel build)
#   PREEMPTLINT_CORPUS_OUT=DIR    where the corpus is built (default build/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
scripts/setup.sh

# The SARIF validator for the SARIF output tests.
SARIF=build/tools/node_modules/.bin/sarif-multitool
if [[ ! -x $SARIF ]]; then
  if ! command -v npm >/dev/null; then
    SUDO=; [[ $(id -u) -eq 0 ]] || SUDO=sudo
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq npm >/dev/null
  fi
  npm install --prefix build/tools --no-audit --no-fund --loglevel=error @microsoft/sarif-multitool >/dev/null
fi
export PREEMPTLINT_SARIF_MULTITOOL=$ROOT/$SARIF

unset PREEMPTLINT_CORPUS
if [[ ${PREEMPTLINT_SKIP_CORPUS:-0} != 1 ]]; then
  PREEMPTLINT_CORPUS=$(scripts/make-corpus.sh -o "${PREEMPTLINT_CORPUS_OUT:-$ROOT/build/corpus}" \
    -n corpus-ci.json kernel/sched kernel/irq arch/x86/kernel/fpu)
  export PREEMPTLINT_CORPUS PREEMPTLINT_REQUIRE_CORPUS=1
fi
# lit reads PREEMPTLINT_CORPUS at configure time
cmake -S . -B build >/dev/null
cd build
ctest --output-on-failure
