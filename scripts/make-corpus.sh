#!/usr/bin/env bash
# Builds a real Linux 6.12 compile_commands.json with clang-19: the corpus the
# integration tests, the Kbuild test and the benchmark run on.
#
#   scripts/make-corpus.sh [-o OUTDIR] [-n DB] [-j JOBS] [DIR ...]
#
#   -o OUTDIR  where the tree is unpacked and built: OUTDIR/linux-6.12
#              (default: build/corpus in the repository)
#   -n DB      file name of the database, written at the tree root
#              (default: compile_commands.json)
#   -j JOBS    parallel make jobs (default: nproc)
#   DIR ...    kernel directories to compile and list (default: the CI set
#              kernel/sched kernel/irq arch/x86/kernel/fpu)
#
# The source is Debian's linux-source-6.12 (/usr/src/linux-source-6.12.tar.xz),
# configured as x86_64 defconfig plus every x86 crypto glue option, the crypto
# library routines with SIMD variants and the RAID456 code (so that the
# kernel_fpu_begin() users in arch/x86/crypto/ and lib/raid6/ are compiled),
# and built with `make LLVM=-19`. PREEMPTLINT_CORPUS_EXTRA="SYM ..." adds
# CONFIG_ symbols (without the prefix) set to y.
#
# Idempotent: the unpack is skipped when the tree exists, the configuration
# when its stamp says the same options were applied, and make rebuilds only
# what changed. The database is written to a temporary file and renamed into
# place; it lists only objects linked into the build (the directories'
# built-in.a / lib.a members and their modules), never stale .cmd files.
# The database path is printed on stdout; progress goes to stderr.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KVER=6.12
OUTDIR=$ROOT/build/corpus
DB=compile_commands.json
JOBS=$(nproc)
while getopts "o:n:j:h" opt; do
  case $opt in
    o) OUTDIR=$OPTARG ;;
    n) DB=$OPTARG ;;
    j) JOBS=$OPTARG ;;
    h) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: $0 [-o OUTDIR] [-n DB] [-j JOBS] [DIR ...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
DIRS=("$@")
[[ ${#DIRS[@]} -gt 0 ]] || DIRS=(kernel/sched kernel/irq arch/x86/kernel/fpu)
case $DB in */*|"") echo "make-corpus: -n takes a plain file name" >&2; exit 2 ;; esac

say() { echo "make-corpus: $*" >&2; }
step_start=0
step() { step_start=$SECONDS; say "$*"; }
step_done() { say "  done in $((SECONDS - step_start)) s"; }

# ---- packages --------------------------------------------------------------
PKGS=(linux-source-$KVER make flex bison bc libelf-dev libssl-dev xz-utils python3
      clang-19 lld-19 llvm-19)
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [[ ${#missing[@]} -gt 0 ]]; then
  say "installing ${missing[*]}"
  SUDO=; [[ $(id -u) -eq 0 ]] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >&2
fi
TARBALL=/usr/src/linux-source-$KVER.tar.xz
[[ -r $TARBALL ]] || { say "$TARBALL not found (package linux-source-$KVER)"; exit 1; }

mkdir -p "$OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)
TREE=$OUTDIR/linux-$KVER
LOGS=$OUTDIR/logs
mkdir -p "$LOGS"
KMAKE=(make -C "$TREE" LLVM=-19 -j"$JOBS")

# Runs a command with its output in a log; on failure shows the log's tail.
logged() {
  local log=$LOGS/$1; shift
  if ! "$@" >"$log" 2>&1; then
    say "failed: $* (log: $log)"
    tail -n 30 "$log" >&2
    return 1
  fi
}

# ---- unpack ----------------------------------------------------------------
if [[ -f $TREE/Makefile && -f $TREE/.unpacked ]]; then
  say "tree present: $TREE"
else
  step "unpacking $TARBALL"
  tmp=$(mktemp -d "$OUTDIR/.unpack.XXXXXX")
  tar -xJf "$TARBALL" -C "$tmp" --strip-components=1
  touch "$tmp/.unpacked"
  rm -rf "$TREE"
  mv "$tmp" "$TREE"
  step_done
fi

# ---- configure -------------------------------------------------------------
# Every option of the x86 crypto menu (those that cannot be set on x86_64
# are dropped again by olddefconfig), the library code with SIMD glue, and
# RAID456 for lib/raid6.
mapfile -t CRYPTO < <(sed -n 's/^config \([A-Z0-9_]*\).*/\1/p' "$TREE/arch/x86/crypto/Kconfig")
SYMS=("${CRYPTO[@]}" CRYPTO_LIB_CHACHA CRYPTO_LIB_POLY1305 CRYPTO_LIB_CURVE25519 CRC_T10DIF
      MD_RAID456 ${PREEMPTLINT_CORPUS_EXTRA:-})
want="x86_64_defconfig ${SYMS[*]}"
if [[ -f $TREE/.config && -f $TREE/.corpus-config && $(cat "$TREE/.corpus-config") == "$want" ]]; then
  say "tree configured"
else
  step "configuring: x86_64 defconfig + ${#SYMS[@]} options"
  rm -f "$TREE/.corpus-config"
  logged config.log "${KMAKE[@]}" x86_64_defconfig
  args=()
  for s in "${SYMS[@]}"; do args+=(-e "$s"); done
  "$TREE/scripts/config" --file "$TREE/.config" "${args[@]}"
  logged olddefconfig.log "${KMAKE[@]}" olddefconfig
  grep -q '^CONFIG_CC_IS_CLANG=y' "$TREE/.config" || { say "the configuration is not a clang one"; exit 1; }
  on=0
  for s in "${SYMS[@]}"; do grep -q "^CONFIG_$s=[ym]" "$TREE/.config" && on=$((on + 1)); done
  say "  $on of ${#SYMS[@]} options set (the rest need what x86_64 defconfig lacks)"
  echo "$want" >"$TREE/.corpus-config"
  step_done
fi

# ---- build -----------------------------------------------------------------
targets=()
for d in "${DIRS[@]}"; do
  d=${d%/}
  [[ -d $TREE/$d ]] || { say "no directory $d in the tree"; exit 1; }
  targets+=("$d/")
done
step "building ${targets[*]} with $JOBS jobs"
logged build.log "${KMAKE[@]}" "${targets[@]}"
step_done

# ---- database --------------------------------------------------------------
# gen_compile_commands.py reads the members of archives and the objects of
# modules.order: only what this build links is listed.
step "writing $DB"
inputs=()
for d in "${DIRS[@]}"; do
  d=${d%/}
  for a in built-in.a lib.a modules.order; do
    [[ -s $TREE/$d/$a ]] && inputs+=("$d/$a")
  done
done
[[ ${#inputs[@]} -gt 0 ]] || { say "nothing was built in ${DIRS[*]}"; exit 1; }
tmp=$(mktemp "$TREE/.$DB.XXXXXX")
(cd "$TREE" && python3 scripts/clang-tools/gen_compile_commands.py -d . -a llvm-ar-19 \
  -o "$tmp" "${inputs[@]}")
# Nested directories list a file twice: keep the first entry of each.
python3 - "$tmp" <<'EOF'
import json, sys
path = sys.argv[1]
seen, out = set(), []
for e in json.load(open(path)):
    if e["file"] not in seen:
        seen.add(e["file"])
        out.append(e)
out.sort(key=lambda e: e["file"])
json.dump(out, open(path, "w"), indent=2)
c = sum(e["file"].endswith(".c") for e in out)
print("make-corpus:   %d entries (%d .c)" % (len(out), c), file=sys.stderr)
EOF
chmod 644 "$tmp"
mv -f "$tmp" "$TREE/$DB"
step_done
echo "$TREE/$DB"
