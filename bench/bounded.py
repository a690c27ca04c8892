#!/usr/bin/env python3
"""Bounded work: time and peak memory of preemptlint on one very long `&&`
condition and on very long functions, against clang-19 -fsyntax-only on the
same file. Run by hand; the inputs come from test/tool/Inputs/gen-bounded.py.

  bench/bounded.py [--tool PATH] [--chains 1000,2000,...] [--longs 10000,...]
                   [--budget N] [--timeout S]

Prints one row per input: its size, clang's wall time and peak RSS, then
preemptlint's wall time, peak RSS, exit status and the functions that ran
out of budget. A run that does not finish within --timeout seconds is shown
as such. Peak RSS is the child's own maximum resident set (os.wait4)."""
import argparse, json, os, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(ROOT, "test", "tool", "Inputs", "gen-bounded.py")
INC = os.path.join(ROOT, "test", "Inputs", "include")
KFLAGS = ["-nostdinc", "-isystem", INC, "-std=gnu11", "-ffreestanding",
          "--target=x86_64-linux-gnu", "-include", os.path.join(INC, "config-full.h")]


def run(cmd, timeout):
    """Wall seconds, peak RSS in MB, exit status, stdout (None on timeout)."""
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        out, _ = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        return None, None, None, None
    return time.monotonic() - start, p.rss, p.returncode, out


class Child(subprocess.Popen):
    """A Popen whose wait records the child's own rusage (peak RSS)."""
    rss = 0.0

    def _try_wait(self, wait_flags):
        try:
            pid, sts, ru = os.wait4(self.pid, wait_flags)
        except ChildProcessError:
            pid, sts = self.pid, 0
        else:
            if pid == self.pid:
                self.rss = ru.ru_maxrss / 1024.0
        return pid, sts


subprocess.Popen = Child


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", default=os.path.join(ROOT, "build", "bin", "preemptlint"))
    ap.add_argument("--chains", default="1000,2000,4000,8000,10000")
    ap.add_argument("--longs", default="10000,32768,65536,131072")
    ap.add_argument("--budget", type=int, default=0, help="--budget for preemptlint (0: its default)")
    ap.add_argument("--timeout", type=float, default=600)
    o = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="bounded-")
    inputs = []
    for n in filter(None, o.chains.split(",")):
        inputs.append(("chain", int(n), "mixed"))
    for n in filter(None, o.longs.split(",")):
        inputs.append(("long", int(n), "if"))
    print(f"{'input':<22} {'clang s':>8} {'clang MB':>9} {'lint s':>8} {'lint MB':>8} {'exit':>5}  incomplete")
    for kind, n, var in inputs:
        src = os.path.join(tmp, f"{kind}-{n}.c")
        with open(src, "w") as f:
            subprocess.run([sys.executable, GEN, kind, str(n), var], stdout=f, check=True)
        cw, cr, _, _ = run(["clang-19", "-fsyntax-only", "-w"] + KFLAGS + [src], o.timeout)
        cmd = [o.tool, "--whole-tree=false", "--format=json"]
        if o.budget:
            cmd += ["--budget", str(o.budget)]
        lw, lr, rc, out = run(cmd + [src, "--"] + KFLAGS, o.timeout)
        name = f"{kind} {n}"
        if lw is None:
            print(f"{name:<22} {cw:8.2f} {cr:9.0f} {'>' + str(int(o.timeout)):>8} {'-':>8} {'-':>5}")
            continue
        incomplete = ""
        try:
            d = json.loads(out)
            incomplete = ",".join(x["function"] for x in d["stats"]["incomplete"])
        except (ValueError, KeyError):
            pass
        print(f"{name:<22} {cw:8.2f} {cr:9.0f} {lw:8.2f} {lr:8.0f} {rc:>5}  {incomplete}", flush=True)


if __name__ == "__main__":
    main()
