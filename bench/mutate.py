#!/usr/bin/env python3
"""Mutation harness: injects one preemption bug at a time into real kernel
functions and measures how many preemptlint catches.

  bench/mutate.py --db <compile_commands.json> [--preemptlint BIN] [--seed N]
                  [--max-per-op N] [--jobs N] [--files GLOB,...] [--ops OP,...]
                  [--whole-tree | --facts-base DIR] [--out results.json]
  bench/mutate.py --reuse results.json [--preemptlint BIN] [--out new.json]

Operators (one mutation per mutant): delete-release, delete-acquire,
early-return, sleep-in-atomic, unprotect-percpu.  Candidate sites are found
lexically in the function bodies of the database's .c files; every mutant is
checked with `clang-19 -fsyntax-only` and the database's flags.  preemptlint is
run on the original file (once per file) and on the mutant (written as a hidden
temporary file next to the original, always removed again), and the mutant is
"caught" when a new finding of the operator's checks appears in the mutated
function.  See bench/MUTATION.md.  Python 3 standard library only."""
import argparse, atexit, bisect, collections, concurrent.futures, datetime, fnmatch
import hashlib, json, os, random, re, shlex, shutil, signal, subprocess, sys
import tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_TOOL = os.path.join(ROOT, "build", "bin", "preemptlint")
CLANG = "clang-19"
SCHEMA = 1

OPS = ["delete-release", "delete-acquire", "early-return", "sleep-in-atomic", "unprotect-percpu"]
REGIONS = ["lock", "preempt", "irq", "bh", "rcu", "kmap", "fpu"]
BALANCE_CHECKS = ("preempt-balance", "preempt-lock-balance", "preempt-lock-owner")
RELEVANT = {
    "delete-release": BALANCE_CHECKS,
    "delete-acquire": BALANCE_CHECKS,
    "early-return": BALANCE_CHECKS,
    "sleep-in-atomic": ("preempt-sleep-in-atomic", "preempt-fpu-region"),
    "unprotect-percpu": ("preempt-percpu-access",),
}


def relevant_checks(m):
    """The checks whose new finding in the mutated function catches the mutant. An FPU
    section left open or never begun is also reported by preempt-fpu-region (a section
    begun inside another, FPU state used outside a section), which is the same bug."""
    rel = RELEVANT[m["operator"]]
    if m.get("region") == "fpu" and "preempt-fpu-region" not in rel:
        rel = rel + ("preempt-fpu-region",)
    return rel


LINE_BUCKETS = [("<30", 0, 29), ("30-99", 30, 99), ("100-299", 100, 299), (">=300", 300, 1 << 30)]
RET_BUCKETS = [("0-1", 0, 1), ("2-4", 2, 4), ("5-9", 5, 9), (">=10", 10, 1 << 30)]

# ---------------------------------------------------------------------------------------
# The kernel API the operators know: acquire and release primitives, paired by "class".
# A class is (family, variant); an acquire and a release pair when their classes are equal
# and, for keyed families, their first arguments are textually equal.


class Prim:
    def __init__(self, name, role, region, family, variant="", cond=False, keyed=False, spinning=False):
        self.name, self.role, self.region, self.family = name, role, region, family
        self.variant, self.cond, self.keyed, self.spinning = variant, cond, keyed, spinning

    @property
    def cls(self):
        return (self.family, self.variant)


PRIMS = {}


def _p(name, role, region, family, variant="", **kw):
    PRIMS[name] = Prim(name, role, region, family, variant, **kw)


for fam in ("spin", "raw_spin", "read", "write"):
    for suffix, variant, cond in (("lock", "", False), ("lock_nested", "", False), ("trylock", "", True),
                                  ("lock_irq", "irq", False), ("trylock_irq", "irq", True),
                                  ("lock_irqsave", "irqsave", False), ("lock_irqsave_nested", "irqsave", False),
                                  ("trylock_irqsave", "irqsave", True),
                                  ("lock_bh", "bh", False), ("trylock_bh", "bh", True)):
        _p("%s_%s" % (fam, suffix), "acquire", "lock", fam, variant, cond=cond, keyed=True, spinning=True)
    for suffix, variant in (("unlock", ""), ("unlock_irq", "irq"), ("unlock_irqrestore", "irqsave"),
                            ("unlock_bh", "bh")):
        _p("%s_%s" % (fam, suffix), "release", "lock", fam, variant, keyed=True, spinning=True)
for name, cond in (("mutex_lock", False), ("mutex_lock_nested", False), ("mutex_lock_io", False),
                   ("mutex_lock_interruptible", True), ("mutex_lock_killable", True), ("mutex_trylock", True)):
    _p(name, "acquire", "lock", "mutex", cond=cond, keyed=True)
_p("mutex_unlock", "release", "lock", "mutex", keyed=True)
for side in ("read", "write"):
    for suffix, cond in (("", False), ("_nested", False), ("_killable", True), ("_interruptible", True),
                         ("_trylock", True)):
        _p("down_%s%s" % (side, suffix), "acquire", "lock", "rwsem_" + side, cond=cond, keyed=True)
    _p("up_" + side, "release", "lock", "rwsem_" + side, keyed=True)
_p("preempt_disable", "acquire", "preempt", "preempt")
_p("preempt_enable", "release", "preempt", "preempt")
_p("get_cpu", "acquire", "preempt", "get_cpu")
_p("put_cpu", "release", "preempt", "get_cpu")
_p("local_irq_save", "acquire", "irq", "irq", "save", keyed=True)
_p("local_irq_restore", "release", "irq", "irq", "save", keyed=True)
_p("local_irq_disable", "acquire", "irq", "irq")
_p("local_irq_enable", "release", "irq", "irq")
_p("local_bh_disable", "acquire", "bh", "bh")
_p("local_bh_enable", "release", "bh", "bh")
for suffix in ("", "_bh", "_sched"):
    _p("rcu_read_lock" + suffix, "acquire", "rcu", "rcu", suffix)
    _p("rcu_read_unlock" + suffix, "release", "rcu", "rcu", suffix)
_p("kmap_atomic", "acquire", "kmap", "kmap")
_p("kunmap_atomic", "release", "kmap", "kmap")
_p("kernel_fpu_begin", "acquire", "fpu", "fpu")
_p("kernel_fpu_end", "release", "fpu", "fpu")

PRIM_RE = re.compile(r"\b(%s)\s*\(" % "|".join(sorted(PRIMS, key=len, reverse=True)))
# Acquires after which sleeping is a bug: spinning locks and the atomic regions.
SLEEP_AFTER = lambda p: p.role == "acquire" and (p.spinning or p.region in ("preempt", "irq", "bh", "rcu", "kmap", "fpu"))
# Protections the unprotect-percpu operator removes.
UNPROTECT = lambda p: p.role == "acquire" and (
    p.name in ("preempt_disable", "get_cpu", "local_irq_save", "local_irq_disable")
    or (p.family in ("spin", "raw_spin")))
# Per-CPU accesses that need protection (this_cpu_inc() and friends are preemption-safe on their own).
PERCPU_RE = re.compile(r"\b(__this_cpu_\w+|this_cpu_ptr|smp_processor_id|get_cpu_var)\s*\(")
# Acquires kept as expressions when deleted (their value is used): the replacement.
VALUE_ACQUIRE = {"get_cpu": "smp_processor_id", "kmap_atomic": "page_address"}

ERET_CONDS = ["READ_ONCE(jiffies) & 1",
              "({ extern unsigned long mutate_cond__; *(volatile unsigned long *)&mutate_cond__; }) & 1"]
ERET_VALUES = {"void": "return;", "int": "return -EINVAL;", "pointer": "return NULL;"}


def eret_lines(acquire_line, rkind, variant):
    """The early return inserted after an acquire: a guarded return of the right type."""
    indent = re.match(r"[ \t]*", acquire_line).group()
    return [indent + "if (%s)" % ERET_CONDS[variant], indent + "\t" + ERET_VALUES[rkind]]
SLEEP_STMT = "msleep(1);"
DELAY_INCLUDE = "#include <linux/delay.h>"

# ---------------------------------------------------------------------------------------
# Lexical scanning.

_STRIP_RE = re.compile(r"""
    (?P<bc>/\*.*?\*/)
  | (?P<lc>//[^\n]*)
  | (?P<str>"(?:\\.|[^"\\\n])*")
  | (?P<chr>'(?:\\.|[^'\\\n])*')
  | (?P<pp>^[ \t]*\#(?:/\*.*?\*/|\\\n|[^\n/]|/(?!\*))*)
""", re.S | re.M | re.X)


def strip_code(text):
    """The text with comments, string and character literals and preprocessor lines
    blanked out (same length, newlines kept)."""
    return _STRIP_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


ATTR_WORDS = set("""static inline extern __always_inline noinline __init __exit notrace __cold __hot
__weak __visible asmlinkage __sched __kprobes noinstr __noreturn __must_check __latent_entropy
const volatile __pure __maybe_unused __used __ref __meminit __init_or_module __inline __inline__
__always_unused __naked __flatten __noinline __attribute_const__ __malloc __noclone __irq_entry
__softirq_entry __head __cpuidle __nocfi noinline_for_stack __init_memblock __net_init __net_exit
__iomem __user __rcu __percpu __force __kernel __noinline_for_stack __no_kcsan __no_sanitize_address
__always_inline__ __section __attribute__ __attribute __printf __scanf __aligned __alloc_size
__acquires __releases __must_hold __cond_acquires __cond_releases __realloc_size __assume_aligned
__no_profile __no_stack_protector __nostackprotector __noinstr_section __cpuinit __devinit __fastcall
__init_task_data __ro_after_init __read_mostly __bpf_kfunc __diag_ignore_all __sysfb_init
__initdata __exitdata __meminitdata""".split())
KEYWORDS = set("if for while switch return sizeof do else case goto typeof __typeof__ _Static_assert"
               " void int long char short unsigned signed".split())
INT_TYPES = {("int",), ("long",), ("long", "int"), ("long", "long"), ("signed", "int"), ("signed",),
             ("signed", "long"), ("ssize_t",), ("s32",), ("s64",), ("long", "long", "int")}


class Func:
    def __init__(self, name, start, end, open_line, rkind, returns):
        self.name, self.start, self.end, self.open_line = name, start, end, open_line
        self.rkind, self.returns = rkind, returns

    @property
    def lines(self):
        return self.end - self.start + 1


def _paren_groups(s):
    """Top-level (...) groups of s: list of (open index, close index)."""
    out, depth, opn = [], 0, -1
    for i, c in enumerate(s):
        if c == "(":
            if depth == 0:
                opn = i
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                out.append((opn, i))
            if depth < 0:
                return None
    return out if depth == 0 else None


def _return_kind(type_text):
    t = re.sub(r"\b(__attribute__|__attribute|__\w+)\s*\(\(.*?\)\)", " ", type_text)
    t = t.strip()
    words = [w for w in re.findall(r"[A-Za-z_]\w*", t) if w not in ATTR_WORDS]
    if not words:
        return None
    if t.endswith("*"):
        return "pointer"
    if words == ["void"]:
        return "void"
    if tuple(words) in INT_TYPES:
        return "int"
    return None


def find_functions(stripped, line_of):
    """Function definitions in the stripped text of a .c file."""
    funcs = []
    depth, boundary, i, n = 0, 0, 0, len(stripped)
    tok = re.compile(r"[{};]")
    while True:
        m = tok.search(stripped, i)
        if not m:
            break
        c, i = m.group(), m.end()
        if depth > 0:
            depth += 1 if c == "{" else -1 if c == "}" else 0
            if depth == 0:
                boundary = i
            continue
        if c in ";}":
            boundary = i
            continue
        # '{' at file level: a function definition when the header ends with ')'
        header = stripped[boundary:m.start()]
        hs = header.strip()
        # find the end of this brace block
        d, j = 1, i
        while d and j < n:
            mm = tok.search(stripped, j)
            if not mm:
                j = n
                break
            j = mm.end()
            if mm.group() == "{":
                d += 1
            elif mm.group() == "}":
                d -= 1
        close = j - 1
        depth = 1
        if not hs.endswith(")") or "=" in re.sub(r"\(.*\)", "", hs, flags=re.S):
            continue
        groups = _paren_groups(hs)
        if not groups:
            continue
        name = None
        for (o, c2) in groups:
            mname = re.search(r"([A-Za-z_]\w*)\s*$", hs[:o])
            if not mname:
                continue
            w = mname.group(1)
            if w in ATTR_WORDS or w in KEYWORDS:
                continue
            name, name_start = w, mname.start(1)
            break
        if not name:
            continue
        rkind = _return_kind(hs[:name_start])
        hstart = boundary + (len(header) - len(header.lstrip()))
        body = stripped[i:close]
        funcs.append(Func(name, line_of(hstart), line_of(close), line_of(m.start()), rkind,
                          len(re.findall(r"\breturn\b", body))))
        # the scan resumes inside the body; depth tracking closes it
    return funcs


STMT_RE = re.compile(r"^(?:(?P<lhs>[A-Za-z_*][\w\s.\->\[\]*]*?)\s*=\s*)?(?P<fn>[A-Za-z_]\w*)\s*\((?P<args>.*)\)\s*;$")


def _balanced(s):
    d = 0
    for c in s:
        d += 1 if c == "(" else -1 if c == ")" else 0
        if d < 0:
            return False
    return d == 0


def split_args(s):
    out, d, cur = [], 0, []
    for c in s:
        if c in "([{":
            d += 1
        elif c in ")]}":
            d -= 1
        if c == "," and d == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    out.append("".join(cur))
    return [a.strip() for a in out]


def norm(s):
    return re.sub(r"\s+", "", s or "")


class Stmt:
    def __init__(self, line, fn, lhs, args):
        self.line, self.fn, self.lhs, self.args = line, fn, lhs, args
        self.is_decl = bool(lhs and re.search(r"[\w*]\s+[*\w]", lhs.strip()))


class FileScan:
    """What the operators need to know about one .c file."""

    def __init__(self, path):
        self.path = path
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            self.text = f.read()
        self.raw_lines = self.text.split("\n")
        self.stripped = strip_code(self.text)
        self.slines = self.stripped.split("\n")
        starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self.line_of = lambda pos: bisect.bisect_right(starts, pos)
        self.funcs = find_functions(self.stripped, self.line_of)
        self.starts = starts

    def stmt(self, line):
        """The simple statement alone on this (1-based) line, or None."""
        s = self.slines[line - 1].strip()
        m = STMT_RE.match(s)
        if not m or not _balanced(m.group("args")):
            return None
        raw = re.sub(r"/\*.*?\*/", " ", self.raw_lines[line - 1])
        raw = re.sub(r"//.*", "", raw)
        if " ".join(raw.split()) != " ".join(s.split()) or raw.rstrip().endswith("\\"):
            return None
        return Stmt(line, m.group("fn"), m.group("lhs"), split_args(m.group("args")))

    def own_statement(self, line, func):
        """True when the line is not the braceless body of an if/else/for/while."""
        for l in range(line - 1, func.open_line - 1, -1):
            s = self.slines[l - 1].strip()
            if s:
                return s[-1] in ";{}:"
        return False

    def prim_uses(self, func):
        """Every call of a known primitive in the function body: (line, Prim, first arg)."""
        a = self.starts[func.open_line - 1]
        b = self.starts[func.end - 1] + len(self.raw_lines[func.end - 1])
        out = []
        for m in PRIM_RE.finditer(self.stripped, a, b):
            j, d = m.end(), 1
            while d and j < b:
                d += {"(": 1, ")": -1}.get(self.stripped[j], 0)
                j += 1
            args = split_args(self.stripped[m.end():j - 1])
            out.append((self.line_of(m.start()), PRIMS[m.group(1)], norm(args[0]) if args else ""))
        return out


# ---------------------------------------------------------------------------------------
# Candidates.  A candidate is a list of line edits:
#   ["delete", line, text]            the line is emptied (line numbers are kept)
#   ["replace", line, text, new]      the line is rewritten
#   ["insert", after_line, [lines]]   new lines after a line (0: at the top)
# `text` is the original line, checked when the edit is applied.


def candidates_for_file(fs, rel):
    """{op: [candidate dict]} for one scanned file."""
    out = {op: [] for op in OPS}
    first_include = None
    ifdepth = 0
    for idx, raw in enumerate(fs.raw_lines):
        s = raw.strip()
        if re.match(r"#\s*if", s):
            ifdepth += 1
        elif re.match(r"#\s*endif", s):
            ifdepth -= 1
        elif re.match(r"#\s*include\b", s) and ifdepth == 0 and first_include is None:
            first_include = idx + 1
        if fs.funcs and idx + 1 >= fs.funcs[0].start:
            break
    has_delay = re.search(r"^\s*#\s*include\s*<linux/delay\.h>", fs.text, re.M) is not None
    for f in fs.funcs:
        uses = fs.prim_uses(f)
        if not uses:
            continue
        base = {"file": rel, "function": f.name, "func_start": f.start, "func_end": f.end,
                "lines": f.lines, "returns": f.returns}

        def deletable(line, want_stmt_fn):
            st = fs.stmt(line)
            if not st or st.fn != want_stmt_fn or not fs.own_statement(line, f):
                return None
            return st

        def removal_edit(st, prim):
            """Edit that takes away an acquire statement; None when it cannot."""
            raw = fs.raw_lines[st.line - 1]
            if st.lhs is None:
                return ["delete", st.line, raw]
            if prim.name in VALUE_ACQUIRE:
                new = re.sub(r"\b%s\s*\(" % prim.name, VALUE_ACQUIRE[prim.name] + "(", raw, count=1)
                return ["replace", st.line, raw, new]
            return None

        def matches(a_prim, a_arg, r_prim, r_arg):
            return a_prim.cls == r_prim.cls and (not a_prim.keyed or a_arg == r_arg)

        acquires = [(l, p, a) for (l, p, a) in uses if p.role == "acquire"]
        releases = [(l, p, a) for (l, p, a) in uses if p.role == "release"]
        # delete-release
        for (l, p, a) in releases:
            if not any(matches(ap, aa, p, a) and al < l for (al, ap, aa) in acquires):
                continue
            st = deletable(l, p.name)
            if st and st.lhs is None:
                out["delete-release"].append(dict(base, operator="delete-release", region=p.region,
                                                  family=p.family, prim=p.name, line=l,
                                                  edits=[["delete", l, fs.raw_lines[l - 1]]]))
        for (l, p, a) in acquires:
            if p.cond:
                continue
            st = deletable(l, p.name)
            if not st:
                continue
            rels = [(rl, rp, ra) for (rl, rp, ra) in releases if rl > l and matches(p, a, rp, ra)]
            if not rels:
                continue
            indent = re.match(r"[ \t]*", fs.raw_lines[l - 1]).group()
            c = dict(base, region=p.region, family=p.family, prim=p.name, line=l)
            # delete-acquire
            e = removal_edit(st, p)
            if e:
                out["delete-acquire"].append(dict(c, operator="delete-acquire", edits=[e]))
            # early-return
            if f.rkind:
                out["early-return"].append(dict(c, operator="early-return", rkind=f.rkind, edits=[
                    ["insert", l, eret_lines(fs.raw_lines[l - 1], f.rkind, 0)]]))
            # sleep-in-atomic
            if SLEEP_AFTER(p):
                edits = [["insert", l, [indent + SLEEP_STMT]]]
                if not has_delay:
                    edits.insert(0, ["insert", first_include or 0, [DELAY_INCLUDE]])
                out["sleep-in-atomic"].append(dict(c, operator="sleep-in-atomic", edits=edits))
            # unprotect-percpu: the only acquire of its class in the function, every
            # matching release a deletable statement, a per-CPU access inside
            if UNPROTECT(p) and e:
                same = [x for x in acquires if matches(p, a, x[1], x[2])]
                if len(same) != 1:
                    continue
                all_rels = [(rl, rp, ra) for (rl, rp, ra) in releases if matches(p, a, rp, ra)]
                if any(rl < l for (rl, _, _) in all_rels):
                    continue
                red = []
                for (rl, rp, ra) in all_rels:
                    rst = deletable(rl, rp.name)
                    if not rst or rst.lhs is not None:
                        red = None
                        break
                    red.append(["delete", rl, fs.raw_lines[rl - 1]])
                if not red:
                    continue
                last = max(rl for (rl, _, _) in all_rels)
                region_text = "\n".join(fs.slines[l:last - 1])
                acc = sorted(set(m.group(1) for m in PERCPU_RE.finditer(region_text)))
                if p.name == "get_cpu":
                    acc = sorted(set(acc) | {"smp_processor_id"})
                if not acc:
                    continue
                region = "preempt" if p.region == "preempt" else p.region
                out["unprotect-percpu"].append(dict(c, operator="unprotect-percpu", region=region,
                                                    percpu=acc, edits=[e] + red))
    return out


# ---------------------------------------------------------------------------------------
# Equivalent mutants.  Taking away the protection around a per-CPU access is no bug
# when the access stays protected: inside another section of the same function that
# pins the task (nested protection), or in a function that asserts it runs with
# interrupts or preemption off.  Such mutants are counted apart, not as misses.  The
# rule is lexical (no path conditions), so it can only under-count equivalents.

# Sections that pin the task (spinning locks, preemption, interrupts, bottom halves).
PINS = lambda p: p.role in ("acquire", "release") and (
    p.region in ("preempt", "irq", "bh") or p.spinning or p.variant in ("_bh", "_sched"))
ASSERT_PINNED_RE = re.compile(
    r"\b(lockdep_assert_irqs_disabled|lockdep_assert_preemption_disabled|lockdep_assert_in_softirq)\s*\("
    r"|\b(WARN_ON|WARN_ON_ONCE|BUG_ON)\s*\(\s*!\s*(irqs_disabled|in_atomic|in_interrupt|preempt_count)\s*\(")


def equivalent_reason(fs, m):
    """Why an unprotect-percpu mutant leaves the access protected, or None."""
    if m["operator"] != "unprotect-percpu":
        return None
    f = next((x for x in fs.funcs if x.start == m["func_start"] and x.name == m["function"]), None)
    if f is None:
        return None
    removed = {e[1] for e in m["edits"]}
    body = "\n".join(fs.slines[f.open_line - 1:f.end])
    a = ASSERT_PINNED_RE.search(body)
    if a:
        return "the function asserts it: %s" % a.group(0).rstrip("(").strip()
    # Brace depth at the start of each line of the body: an enclosing acquire must be
    # an unconditional statement of a block that is still open at the mutated line.
    bdepth, d = {}, 0
    for l in range(f.open_line, f.end + 1):
        bdepth[l] = d
        t = fs.slines[l - 1]
        d += t.count("{") - t.count("}")
    def encloses(l):
        if not fs.own_statement(l, f) or fs.stmt(l) is None:
            return False
        return all(bdepth[x] >= bdepth[l] for x in range(l, m["line"] + 1))
    depth = collections.Counter()
    where = {}
    for (l, p, arg) in fs.prim_uses(f):
        if l >= m["line"]:
            break
        if l in removed or not PINS(p) or (p.role == "acquire" and not encloses(l)):
            continue
        k = (p.family, p.variant, arg if p.keyed and p.family not in ("irq",) else "")
        if p.role == "acquire" and not p.cond:
            depth[k] += 1
            where[k] = (l, p.name)
        elif p.role == "release" and depth[k] > 0:
            depth[k] -= 1
    for k, n in depth.items():
        if n > 0:
            return "still inside %s() of line %d" % (where[k][1], where[k][0])
    return None


# Mutants read by hand and found equivalent by their calling context (a timer or
# hard-irq handler, every caller atomic, a per-CPU kthread), which the lexical rule
# above cannot see: one line each, "ID<TAB>function<TAB>why, with file:line evidence".
# Kept apart from the lexical rule so that each verdict can be checked against the
# source; a mutant whose id is not in the sample is ignored.
REVIEWED_EQUIVALENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "equivalent-mutants.tsv")


def load_reviewed(path=REVIEWED_EQUIVALENTS):
    out = {}
    if not path or not os.path.exists(path):
        return out
    with open(path) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                out[parts[0]] = (parts[1], parts[2])
    return out


def mark_equivalents(mutants, path_of, reviewed=None):
    """Sets m["equivalent"] (a reason) on the mutants whose injected bug is no bug."""
    scans = {}
    reviewed = load_reviewed() if reviewed is None else reviewed
    for m in mutants:
        m.pop("equivalent", None)
        if m.get("operator") != "unprotect-percpu":
            continue
        r = reviewed.get(m.get("id"))
        if r and r[0] == m.get("function"):
            m["equivalent"] = "read by hand: " + r[1]
            continue
        rel = m["file"]
        if rel not in scans:
            try:
                scans[rel] = FileScan(path_of(rel))
            except OSError:
                scans[rel] = None
        why = scans[rel] and equivalent_reason(scans[rel], m)
        if why:
            m["equivalent"] = why


def mutant_id(c):
    h = hashlib.sha1(json.dumps([c["file"], c["operator"], c["edits"]]).encode()).hexdigest()
    return h[:12]


def apply_edits(lines, edits):
    """(new lines, map from new 1-based line to original 1-based line)."""
    dels = {}
    ins = collections.defaultdict(list)
    for e in edits:
        if e[0] == "delete":
            if lines[e[1] - 1] != e[2]:
                raise ValueError("line %d changed since the mutant was made" % e[1])
            dels[e[1]] = ""
        elif e[0] == "replace":
            if lines[e[1] - 1] != e[2]:
                raise ValueError("line %d changed since the mutant was made" % e[1])
            dels[e[1]] = e[3]
        elif e[0] == "insert":
            ins[e[1]].extend(e[2])
    out, omap = [], [0]
    for new in ins.get(0, []):
        out.append(new)
        omap.append(1)
    for i, line in enumerate(lines, 1):
        out.append(dels.get(i, line))
        omap.append(i)
        for new in ins.get(i, []):
            out.append(new)
            omap.append(i)
    return out, omap


# ---------------------------------------------------------------------------------------
# Running the compiler and preemptlint.

LIVE_TEMPS = set()
LIVE_DIRS = set()
TEMP_LOCK = threading.Lock()
COUNTER = [0]


def _cleanup():
    with TEMP_LOCK:
        for p in list(LIVE_TEMPS):
            try:
                os.unlink(p)
            except OSError:
                pass
        LIVE_TEMPS.clear()
        for d in list(LIVE_DIRS):
            shutil.rmtree(d, ignore_errors=True)
        LIVE_DIRS.clear()


atexit.register(_cleanup)
signal.signal(signal.SIGTERM, lambda *a: sys.exit(143))


class TempSource:
    """A hidden file next to the original (relative #include "..." keeps working),
    removed on exit from the with block whatever happens."""

    def __init__(self, orig, text):
        d, b = os.path.split(orig)
        with TEMP_LOCK:
            COUNTER[0] += 1
            n = COUNTER[0]
        self.path = os.path.join(d, ".%s.mut%d-%d.c" % (os.path.splitext(b)[0], os.getpid(), n))
        self.text = text

    def __enter__(self):
        with TEMP_LOCK:
            LIVE_TEMPS.add(self.path)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(self.text)
        return self.path

    def __exit__(self, *a):
        try:
            os.unlink(self.path)
        except OSError:
            pass
        finally:
            with TEMP_LOCK:
                LIVE_TEMPS.discard(self.path)


class TempDir:
    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix="mutate-")
        with TEMP_LOCK:
            LIVE_DIRS.add(self.path)
        return self.path

    def __exit__(self, *a):
        shutil.rmtree(self.path, ignore_errors=True)
        with TEMP_LOCK:
            LIVE_DIRS.discard(self.path)


class Entry:
    """One compile command of the database."""

    def __init__(self, e, dbdir):
        self.raw = e
        self.dir = e["directory"] if os.path.isabs(e["directory"]) else os.path.normpath(
            os.path.join(dbdir, e["directory"]))
        self.file = os.path.normpath(os.path.join(self.dir, e["file"]))
        self.args = list(e["arguments"]) if "arguments" in e else shlex.split(e["command"])

    def args_for(self, path):
        """The arguments with the source file replaced by path."""
        out, hit = [], False
        for a in self.args:
            if not hit and os.path.normpath(os.path.join(self.dir, a)) == self.file:
                out.append(path)
                hit = True
            else:
                out.append(a)
        if not hit:
            out.append(path)
        return out

    def entry_for(self, path):
        return {"directory": self.dir, "file": path, "arguments": self.args_for(path)}

    def clang_args(self, path, mode):
        out, skip = [CLANG], False
        for a in self.args_for(path)[1:]:
            if skip:
                skip = False
                continue
            if a in ("-o", "-MF", "-MT", "-MQ"):
                skip = True
                continue
            if a in ("-c", "-MD", "-MMD", "-M", "-MM", "-MP") or a.startswith("-Wp,-M") \
                    or a.startswith("-Werror") or a.startswith("-fplugin") or a.startswith("-o"):
                continue
            out.append(a)
        return out + [mode, "-w", "-fno-caret-diagnostics"] + (["-o", "-"] if mode == "-E" else [])


def run(cmd, cwd, timeout):
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return -1, b"", b"timeout"


def live_lines(entry, timeout):
    """Source lines of the file that survive preprocessing (not in a false #if)."""
    rc, out, err = run(entry.clang_args(entry.file, "-E"), entry.dir, timeout)
    if rc != 0:
        return None
    live, cur, main, line = set(), None, None, 0
    marker = re.compile(rb'^# (\d+) "((?:\\.|[^"\\])*)"')
    for l in out.split(b"\n"):
        m = marker.match(l)
        if m:
            line, cur = int(m.group(1)), m.group(2)
            if main is None:
                main = cur
            continue
        if cur == main and l.strip():
            live.add(line)
        line += 1
    return live


def names_file(name, path, dbdir, entry_dir):
    """Whether a file name in a report is path: absolute, or relative to the database
    directory or to the entry's directory (the report names files as the command does)."""
    return any(os.path.normpath(os.path.join(b, name)) == path for b in (dbdir, entry_dir))


def _escape_name(name):
    b = name.encode("utf-8", "surrogateescape")
    out = b"".join(b"%%%02X" % c if c in (0x25, 0x2F, 0x00) else bytes([c]) for c in b)
    return out.decode("utf-8", "surrogateescape")


def facts_name(name):
    """The name preemptlint gives the facts file of a file named name by the run (relative
    to the database directory when below it, else absolute): '%', '/' and NUL written as
    %XX (uppercase hex), then ".facts.json". An escaped name longer than 200 characters is
    cut to 180 and given a hash (xxh3, not in the standard library): None for those."""
    esc = _escape_name(name)
    return esc + ".facts.json" if len(esc) <= 200 else None


def find_facts(base, name):
    """The facts file of the file called name in directory base, or None."""
    fn = facts_name(name)
    if fn is not None:
        return fn if os.path.isfile(os.path.join(base, fn)) else None
    # a long name: the 180-character prefix, '.', a hash; read the candidates' "file"
    pre = _escape_name(name)[:180] + "."
    for x in sorted(os.listdir(base)):
        if x.startswith(pre) and x.endswith(".facts.json"):
            try:
                with open(os.path.join(base, x)) as f:
                    if json.load(f).get("file") == name:
                        return x
            except (OSError, ValueError):
                pass
    return None


def link_copy(base, dest, drop):
    """A private copy of the facts directory base at dest, without the file drop: hard
    links (preemptlint replaces a facts file by renaming a new one over it, never writes
    one in place, so the shared files are not changed), copies across file systems."""
    os.mkdir(dest)
    for x in os.listdir(base):
        if x == drop or not x.endswith(".facts.json"):
            continue
        src, dst = os.path.join(base, x), os.path.join(dest, x)
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)


class Lint:
    def __init__(self, tool, extra, timeout, jobs, facts_base=None):
        self.tool, self.extra, self.timeout, self.jobs = tool, extra, timeout, jobs
        self.facts_base = facts_base
        self.tls = threading.local()

    def run_one(self, entry, path, drop=None):
        """preemptlint on one file through a one-entry database: (diagnostics of path, error).
        With a facts base, the link also reads a private copy of it from which the facts of
        the original file (drop) are removed, so the file is judged against the whole tree."""
        with TempDir() as d:
            with open(os.path.join(d, "compile_commands.json"), "w") as f:
                json.dump([entry.entry_for(path)], f)
            args = [path]
            if self.facts_base:
                fd = os.path.join(d, "facts")
                link_copy(self.facts_base, fd, drop)
                args = ["--facts-dir", fd, path]
            return self._run(d, args, path, entry.dir)

    def run_tree(self, db_entries, entry, path):
        """preemptlint over a copy of the whole database in which this entry names path."""
        with TempDir() as d:
            rows = [e.entry_for(path) if e is entry else dict(e.raw, directory=e.dir, file=e.file) for e in db_entries]
            with open(os.path.join(d, "compile_commands.json"), "w") as f:
                json.dump(rows, f)
            return self._run(d, ["-j", str(self.jobs)], path, entry.dir)

    def _run(self, d, args, path, entry_dir):
        self.tls.analysis_seconds = None
        out = os.path.join(d, "report.json")
        cmd = [self.tool, "-p", d, "--checks=preempt-*", "--format=json", "-o", out] + self.extra + args
        rc, _, err = run(cmd, d, self.timeout)
        try:
            with open(out) as f:
                rep = json.load(f)
        except (OSError, ValueError):
            return None, "preemptlint exit %d: %s" % (rc, err.decode(errors="replace").strip()[-300:])
        def mine(x):
            return names_file(x.get("file", ""), path, d, entry_dir)
        diags = [x for x in rep.get("diagnostics", []) if mine(x)]
        # findings in other files (a linked run reports the whole tree's),
        # kept apart: a caller's finding may name the mutated function
        diags += [dict(x, elsewhere=True) for x in rep.get("diagnostics", []) if not mine(x)]
        # functions whose analysis ran out of budget ride along as pseudo-findings
        diags += [dict(x, check="<incomplete>") for x in rep.get("stats", {}).get("incomplete", [])
                  if mine(x)]
        errs = [x for x in rep.get("errors", []) if mine(x)]
        # the report's own time (the files' analysis; the link and the start are outside it)
        self.tls.analysis_seconds = rep.get("stats", {}).get("seconds")
        if errs:
            return diags, errs[0].get("message", "error")
        return diags, None


# ---------------------------------------------------------------------------------------
# Verdicts.

def msg_key(d, basename_from=None, basename_to=None):
    m = d.get("message", "")
    if basename_from:
        m = m.replace(basename_from, basename_to)
    m = re.sub(r"\bline \d+", "line N", m)
    return (d.get("check"), d.get("function"), m)


def names_function(d, name):
    """Whether a finding's message or notes quote the function ('f')."""
    q = "'%s'" % name
    return q in d.get("message", "") or any(q in n.get("message", "") for n in d.get("notes", []))


def judge(m, orig_diags, mut_diags, omap, orig_path, tmp_path):
    span = (m["func_start"], m["func_end"])
    rel = relevant_checks(m)
    # Findings in other files: a new one of the operator's checks that names
    # the mutated function is a catch at a caller (counted apart).
    orig_else = collections.Counter((d.get("check"), d.get("file"), d.get("function"), d.get("message"))
                                    for d in orig_diags if d.get("elsewhere"))
    new_else = []
    for d in mut_diags:
        if not d.get("elsewhere"):
            continue
        k = (d.get("check"), d.get("file"), d.get("function"), d.get("message"))
        if orig_else[k] > 0:
            orig_else[k] -= 1
        else:
            new_else.append(d)
    orig_diags = [d for d in orig_diags if not d.get("elsewhere")]
    mut_diags = [d for d in mut_diags if not d.get("elsewhere")]
    incomplete = any(d.get("check") == "<incomplete>" and d.get("function") == m["function"] for d in mut_diags)
    orig_diags = [d for d in orig_diags if d.get("check") != "<incomplete>"]
    mut_diags = [d for d in mut_diags if d.get("check") != "<incomplete>"]
    tb, ob = os.path.basename(tmp_path), os.path.basename(orig_path)
    mapped = []
    for d in mut_diags:
        d = dict(d)
        ln = d.get("line", 0)
        d["line"] = omap[ln] if 0 < ln < len(omap) else ln
        d["message"] = d.get("message", "").replace(tb, ob)
        mapped.append(d)

    def in_func(d):
        return d.get("function") == m["function"] or span[0] <= d.get("line", 0) <= span[1]

    base = collections.Counter(msg_key(d) for d in orig_diags)
    new = []
    for d in mapped:
        k = msg_key(d)
        if base[k] > 0:
            base[k] -= 1
        else:
            new.append(d)
    noisy = [d for d in orig_diags if d.get("check") in rel and in_func(d)]
    hit = [d for d in new if d.get("check") in rel and in_func(d)]
    def points_into(d):
        # A note at a line of the mutated function in the mutant (a static
        # helper's need shown as its caller's own: "'call_rcu' uses
        # this_cpu_ptr()" at a line of __call_rcu_common()).
        for n in d.get("notes", []):
            ln = n.get("line", 0)
            if os.path.basename(n.get("file", "")) == tb and 0 < ln < len(omap) \
                    and span[0] <= omap[ln] <= span[1]:
                return True
        return False

    at_caller = [d for d in new + new_else
                 if d.get("check") in rel and not (d in new and in_func(d))
                 and (names_function(d, m["function"]) or points_into(d))]
    slim = lambda d: {k: d.get(k) for k in ("check", "file", "line", "column", "function", "message")}
    verdict = "baseline-noisy" if noisy else ("caught" if hit else "missed")
    return {"verdict": verdict, "caught": bool(hit), "incomplete": incomplete,
            "at_caller": [slim(d) for d in at_caller],
            "new_findings": [slim(d) for d in new],
            "original_findings": [slim(d) for d in orig_diags if in_func(d)],
            "baseline_findings": [slim(d) for d in noisy]}


# ---------------------------------------------------------------------------------------
# Tables.

def rate(c, n):
    return "%d/%d %5.1f%%" % (c, n, 100.0 * c / n) if n else "-"


def tally(mutants, key):
    # caught, evaluated, noisy, error, equivalent, caught or named by a caller's finding
    t = collections.defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for m in mutants:
        for k in key(m):
            v = m.get("verdict")
            if m.get("equivalent") and v in ("caught", "missed"):
                t[k][4] += 1
            elif v in ("caught", "missed"):
                t[k][1] += 1
                t[k][0] += v == "caught"
                t[k][5] += v == "caught" or bool(m.get("at_caller"))
            elif v == "baseline-noisy":
                t[k][2] += 1
            else:
                t[k][3] += 1
    return t


def bucket(v, buckets):
    for name, lo, hi in buckets:
        if lo <= v <= hi:
            return name


def tables(mutants):
    """[(title, header, rows)] for the report."""
    out = []
    t = tally(mutants, lambda m: [m["operator"], "all"])
    rows = [[op, rate(*t[op][:2]), str(t[op][2]), str(t[op][3]), str(t[op][4]),
             rate(t[op][5], t[op][1])]
            for op in OPS + ["all"] if op in t]
    out.append(("catch rate per operator", ["operator", "caught/evaluated", "baseline-noisy", "errors",
                                            "equivalent", "or at a caller"], rows))
    t = tally(mutants, lambda m: [(m["operator"], m["region"])])
    rows = []
    for op in OPS:
        for r in REGIONS:
            if (op, r) in t:
                v = t[(op, r)]
                rows.append([op, r, rate(*v[:2]), str(v[2])])
    out.append(("catch rate per operator x region kind", ["operator", "region", "caught/evaluated",
                                                           "baseline-noisy"], rows))
    for title, field, buckets in (("by function size (lines)", "lines", LINE_BUCKETS),
                                  ("by function size (return statements)", "returns", RET_BUCKETS)):
        t = tally(mutants, lambda m: [(m["operator"], bucket(m[field], buckets)),
                                      ("all", bucket(m[field], buckets))])
        ops = [op for op in OPS if any((op, b[0]) in t for b in buckets)]
        rows = [[b[0]] + [rate(*t[(op, b[0])][:2]) if (op, b[0]) in t else "-" for op in ops + ["all"]]
                for b in buckets]
        out.append(("catch rate " + title, [field] + ops + ["all"], rows))
    return out


def render(tbls, side=None):
    """Text tables; with side (the same tables of an earlier run), every cell reads
    "before -> after"."""
    lines = []
    for i, (title, head, rows) in enumerate(tbls):
        k = n_key(head)
        if side is not None:
            old = {tuple(r[:k]): r for r in side[i][2]}
            keys = [tuple(r[:k]) for r in rows] + [key for key in old if key not in
                                                    set(tuple(r[:k]) for r in rows)]
            new = {tuple(r[:k]): r for r in rows}
            blank = ["-"] * len(head)
            rows = [list(key) + ["%s -> %s" % (old.get(key, blank)[j], new.get(key, blank)[j])
                                 for j in range(k, len(head))] for key in keys]
            title += " (before -> after)"
        w = [max(len(str(x)) for x in col) for col in zip(head, *rows)] if rows else [len(h) for h in head]
        lines.append(title)
        lines.append("  ".join(h.ljust(w[j]) for j, h in enumerate(head)).rstrip())
        for r in rows:
            lines.append("  ".join(str(x).ljust(w[j]) for j, x in enumerate(r)).rstrip())
        lines.append("")
    return "\n".join(lines)


def n_key(head):
    return 2 if head[:2] == ["operator", "region"] else 1


# ---------------------------------------------------------------------------------------
# Main flow.

def load_db(path):
    dbpath = os.path.abspath(path)
    if os.path.isdir(dbpath):
        dbpath = os.path.join(dbpath, "compile_commands.json")
    with open(dbpath) as f:
        raw = json.load(f)
    dbdir = os.path.dirname(dbpath)
    entries = [Entry(e, dbdir) for e in raw]
    return dbpath, dbdir, entries


def file_filter(globs):
    pats = [g for g in (globs or "").split(",") if g]
    if not pats:
        return lambda rel: True
    def ok(rel):
        return any(fnmatch.fnmatch(rel, p) if any(c in p for c in "*?[") else p in rel for p in pats)
    return ok


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def spread(cands, rng):
    """Candidates ordered round-robin over the files (files and candidates shuffled)."""
    byfile = collections.defaultdict(list)
    for c in cands:
        byfile[c["file"]].append(c)
    files = sorted(byfile)
    rng.shuffle(files)
    for f in files:
        rng.shuffle(byfile[f])
    order, k = [], 0
    while True:
        row = [byfile[f][k] for f in files if k < len(byfile[f])]
        if not row:
            return order
        order.extend(row)
        k += 1


def sample_order(cands, seed, op, stratify):
    """The order in which an operator's candidates are tried: spread over the files,
    and with stratify == "lines" also taken in turn from each function-size bucket."""
    if stratify != "lines":
        return spread(cands, random.Random("%s:%s" % (seed, op)))
    parts = [spread([c for c in cands if bucket(c["lines"], LINE_BUCKETS) == b[0]],
                    random.Random("%s:%s:%s" % (seed, op, b[0]))) for b in LINE_BUCKETS]
    order = []
    for k in range(max(len(p) for p in parts) if parts else 0):
        order.extend(p[k] for p in parts if k < len(p))
    return order


class Harness:
    def __init__(self, o, dbpath, dbdir, entries):
        self.o, self.dbpath, self.dbdir, self.entries = o, dbpath, dbdir, entries
        self.by_rel = {}
        for e in entries:
            rel = os.path.relpath(e.file, dbdir) if e.file.startswith(dbdir + os.sep) else e.file
            if e.file.endswith(".c") and rel not in self.by_rel:
                self.by_rel[rel] = e
        self.lint = Lint(o.preemptlint, o.lint_arg or [], o.timeout, o.jobs, o.facts_base)
        self.facts_drop = {}  # rel -> the original's facts file in --facts-base
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, o.jobs))
        self.live_cache, self.orig_cache, self.lock = {}, {}, threading.Lock()
        self.file_locks = collections.defaultdict(threading.Lock)
        self.hashes = {}
        self.tree_orig = None

    def log(self, *a):
        if not self.o.quiet:
            print(*a, file=sys.stderr, flush=True)

    def text_lines(self, rel):
        with open(self.by_rel[rel].file, encoding="utf-8", errors="surrogateescape") as f:
            return f.read().split("\n")

    def remember(self, rel):
        with self.lock:
            if rel not in self.hashes:
                self.hashes[rel] = sha(self.by_rel[rel].file)

    def live(self, rel):
        with self.file_locks[("live", rel)]:
            if rel not in self.live_cache:
                self.live_cache[rel] = live_lines(self.by_rel[rel], self.o.timeout)
            return self.live_cache[rel]

    def original(self, rel):
        with self.file_locks[("orig", rel)]:
            if rel not in self.orig_cache:
                e = self.by_rel[rel]
                if self.o.whole_tree:
                    self.orig_cache[rel] = self.whole_tree_original(e)
                else:
                    self.orig_cache[rel] = self.lint.run_one(e, e.file, self.facts_drop.get(rel))
            return self.orig_cache[rel]

    def whole_tree_original(self, e):
        with self.lock:
            if self.tree_orig is None:
                self.log("whole-tree: analysing the unmodified database once")
                with TempDir() as d:
                    rows = [dict(x.raw, directory=x.dir, file=x.file) for x in self.entries]
                    with open(os.path.join(d, "compile_commands.json"), "w") as f:
                        json.dump(rows, f)
                    out = os.path.join(d, "report.json")
                    cmd = [self.lint.tool, "-p", d, "--checks=preempt-*", "--format=json", "-o", out,
                           "-j", str(self.o.jobs)] + self.lint.extra
                    run(cmd, d, None)
                    with open(out) as f:
                        rep = json.load(f)
                self.tree_orig = (d, rep)
        d, rep = self.tree_orig
        diags = [x for x in rep.get("diagnostics", []) if names_file(x.get("file", ""), e.file, d, e.dir)]
        errs = [x for x in rep.get("errors", []) if names_file(x.get("file", ""), e.file, d, e.dir)]
        return diags, errs[0].get("message", "error") if errs else None

    # -- selection ------------------------------------------------------------------------
    def build(self, c):
        """Mutant text and line map for a candidate, or raise ValueError."""
        lines = self.text_lines(c["file"])
        new, omap = apply_edits(lines, c["edits"])
        return "\n".join(new), omap

    def try_compile(self, c):
        """None when the candidate is usable, else the reason it is skipped."""
        rel = c["file"]
        live = self.live(rel)
        if live is None:
            return "original does not preprocess"
        for e in c["edits"]:
            if e[0] in ("delete", "replace") and e[1] not in live:
                return "inactive (#if'd out)"
            if e[0] == "insert" and e[2] != [DELAY_INCLUDE] and e[1] not in live:
                return "inactive (#if'd out)"
        entry = self.by_rel[rel]
        self.remember(rel)
        variants = [c["edits"]]
        if c["operator"] == "early-return":
            # without <linux/jiffies.h>: a condition on an extern the analysis cannot know
            variants.append([["insert", c["line"], eret_lines(self.text_lines(rel)[c["line"] - 1],
                                                              c["rkind"], 1)]])
        last = None
        for edits in variants:
            text, _ = apply_edits(self.text_lines(rel), edits)
            with TempSource(entry.file, "\n".join(text)) as tmp:
                rc, _, err = run(entry.clang_args(tmp, "-fsyntax-only"), entry.dir, self.o.timeout)
            if rc == 0:
                c["edits"] = edits
                return None
            last = err.decode(errors="replace")
        m = re.search(r"error: (.*)", last or "")
        return "does not compile: " + (m.group(1)[:120] if m else "?")

    def select(self, cands_by_op):
        chosen, stats = [], {}
        for op in OPS:
            cands = cands_by_op.get(op, [])
            st = {"generated": len(cands), "tried": 0, "compiled": 0, "skipped": collections.Counter()}
            stats[op] = st
            if op not in self.o.ops_list:
                continue
            order = sample_order(cands, self.o.seed, op, self.o.stratify)
            got, i = [], 0
            batch = max(2, self.o.jobs * 2)
            while len(got) < self.o.max_per_op and i < len(order):
                part = order[i:i + batch]
                i += len(part)
                res = list(self.pool.map(self.try_compile, part))
                for c, why in zip(part, res):
                    if len(got) >= self.o.max_per_op:
                        break
                    st["tried"] += 1
                    if why is None:
                        st["compiled"] += 1
                        got.append(c)
                    else:
                        st["skipped"][why.split(":")[0]] += 1
                        if self.o.verbose:
                            self.log("skip %s %s:%d: %s" % (op, c["file"], c["line"], why))
            self.log("%s: %d candidates, %d tried, %d selected" % (op, len(cands), st["tried"], len(got)))
            chosen.extend(got)
        for st in stats.values():
            st["skipped"] = dict(st["skipped"])
        return chosen, stats

    # -- evaluation -----------------------------------------------------------------------
    def evaluate(self, c):
        rel = c["file"]
        entry = self.by_rel[rel]
        self.remember(rel)
        m = dict(c)
        m["id"] = mutant_id(c)
        try:
            orig, oerr = self.original(rel)
            if oerr or orig is None:
                m.update(verdict="error", error="original: %s" % oerr)
                return m
            text, omap = self.build(c)
            t0 = time.monotonic()
            with TempSource(entry.file, text) as tmp:
                if self.o.whole_tree:
                    diags, err = self.lint.run_tree(self.entries, entry, tmp)
                else:
                    diags, err = self.lint.run_one(entry, tmp, self.facts_drop.get(rel))
            m["seconds"] = round(time.monotonic() - t0, 2)
            m["analysis_seconds"] = getattr(self.lint.tls, "analysis_seconds", None)
            if err or diags is None:
                m.update(verdict="error", error="mutant: %s" % err)
                return m
            m.update(judge(m, orig, diags, omap, entry.file, tmp))
        except ValueError as ex:
            m.update(verdict="error", error=str(ex))
        return m

    def check_facts(self, chosen):
        """With --facts-base: the facts file of each mutated file's original entry (named
        as the whole-corpus run named it), which every run removes from its copy. The
        files whose facts are not in the directory."""
        missing = []
        for rel in sorted({c["file"] for c in chosen}):
            fn = find_facts(self.o.facts_base, rel)
            if fn is None:
                missing.append("%s (%s)" % (rel, facts_name(rel) or "long name"))
            else:
                self.facts_drop[rel] = fn
        return missing

    def evaluate_all(self, chosen):
        done, out = 0, [None] * len(chosen)
        futs = {self.pool.submit(self.evaluate, c): i for i, c in enumerate(chosen)}
        for f in concurrent.futures.as_completed(futs):
            out[futs[f]] = f.result()
            done += 1
            m = out[futs[f]]
            self.log("[%d/%d] %-14s %-16s %s:%d %s" % (done, len(chosen), m["verdict"], m["operator"],
                                                      m["file"], m["line"], m["function"]))
        return out

    def check_untouched(self):
        bad = [rel for rel, h in self.hashes.items() if sha(self.by_rel[rel].file) != h]
        leftovers = []
        for rel in self.hashes:
            d = os.path.dirname(self.by_rel[rel].file)
            leftovers += [os.path.join(d, x) for x in os.listdir(d)
                          if re.match(r"\..*\.mut%d-\d+\.c$" % os.getpid(), x)]
        return bad, sorted(set(leftovers))


def show(prev, ident):
    """Print one mutant of a result file: its diff against the original and its findings."""
    import difflib
    dbpath, dbdir, entries = load_db(prev["db"])
    for m in prev["mutants"]:
        if m.get("id", "").startswith(ident):
            path = m["file"] if os.path.isabs(m["file"]) else os.path.join(dbdir, m["file"])
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                lines = f.read().split("\n")
            new, _ = apply_edits(lines, m["edits"])
            sys.stdout.writelines(difflib.unified_diff([l + "\n" for l in lines], [l + "\n" for l in new],
                                                       m["file"], m["file"] + " (mutant)", n=4))
            print("\n%s %s %s:%d in %s (%d lines, %d returns): %s%s" % (
                m["id"], m["operator"], m["file"], m["line"], m["function"], m["lines"], m["returns"],
                m.get("verdict"), " (%s)" % m["error"] if m.get("error") else ""))
            for kind in ("new_findings", "baseline_findings"):
                for d in m.get(kind, []):
                    print("  %s: %d: %s: %s [%s]" % (kind.split("_")[0], d["line"], d["function"],
                                                     d["message"], d["check"]))
            return 0
    print("no mutant %s" % ident, file=sys.stderr)
    return 2


def tool_version(tool):
    rc, out, _ = run([tool, "--version"], None, 60)
    return out.decode(errors="replace").strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="compile_commands.json (or its directory)")
    ap.add_argument("--preemptlint", default=DEFAULT_TOOL, help="the binary (default build/bin/preemptlint)")
    ap.add_argument("--seed", default="1", help="selects the sample (default 1)")
    ap.add_argument("--max-per-op", type=int, default=60, help="mutants per operator (default 60)")
    ap.add_argument("--jobs", "-j", type=int, default=2, help="parallel runs (default 2)")
    ap.add_argument("--files", default="", help="comma-separated globs or substrings of database file names")
    ap.add_argument("--stratify", choices=["lines", "none"], default="lines",
                    help="take candidates in turn from each function-size bucket (default lines)")
    ap.add_argument("--ops", default=",".join(OPS), help="operators to run (default all)")
    ap.add_argument("--whole-tree", action="store_true",
                    help="run preemptlint over a copy of the whole database with the mutated file in it")
    ap.add_argument("--facts-base", metavar="DIR",
                    help="link each one-file run against this whole-tree facts directory (a private "
                         "copy without the original file's facts); --facts-base= turns it off with --reuse")
    ap.add_argument("--lint-arg", action="append", help="extra preemptlint argument (repeatable)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per compiler/preemptlint run")
    ap.add_argument("--reuse", help="re-run exactly the mutants of an earlier result file")
    ap.add_argument("--out", default="mutation-results.json", help="result file (default mutation-results.json)")
    ap.add_argument("--list", action="store_true", help="only print the candidate counts and exit")
    ap.add_argument("--show", metavar="ID", help="with --reuse: print the diff and the findings of one mutant")
    ap.add_argument("--tables", action="store_true",
                    help="with --reuse: print the result file's tables (equivalent mutants marked "
                         "from the current sources) without running anything")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--quiet", "-q", action="store_true")
    o = ap.parse_args()
    o.preemptlint = os.path.abspath(o.preemptlint)
    if not os.access(o.preemptlint, os.X_OK):
        ap.error("preemptlint binary not found: %s" % o.preemptlint)
    prev = None
    if o.reuse:
        with open(o.reuse) as f:
            prev = json.load(f)
        if not o.db:
            o.db = prev["db"]
        o.whole_tree = o.whole_tree or prev.get("whole_tree", False)
        if o.facts_base is None:
            o.facts_base = prev.get("facts_base")
        o.lint_arg = o.lint_arg if o.lint_arg is not None else prev.get("lint_args", [])
    if not o.db:
        ap.error("--db is required")
    if o.show:
        if not prev:
            ap.error("--show needs --reuse RESULTS")
        return show(prev, o.show)
    if o.tables:
        if not prev:
            ap.error("--tables needs --reuse RESULTS")
        dbpath, dbdir, entries = load_db(o.db)
        h = Harness(o, dbpath, dbdir, entries)
        mark_equivalents(prev["mutants"], lambda rel: h.by_rel[rel].file)
        print("%s (%s)\n" % (prev.get("preemptlint"), prev.get("preemptlint_version")))
        print(render(tables(prev["mutants"])))
        for m in prev["mutants"]:
            if m.get("equivalent"):
                print("equivalent: %s %s:%d %s (%s; %s)" % (m["operator"], m["file"], m["line"],
                                                           m["function"], m["equivalent"], m["verdict"]))
        return 0
    if o.facts_base:
        o.facts_base = os.path.abspath(o.facts_base)
        if o.whole_tree:
            ap.error("--facts-base and --whole-tree exclude each other")
        if not os.path.isdir(o.facts_base):
            ap.error("--facts-base: not a directory: %s" % o.facts_base)
    else:
        o.facts_base = None
    o.ops_list = [x for x in o.ops.split(",") if x]
    for x in o.ops_list:
        if x not in OPS:
            ap.error("unknown operator %s (expected %s)" % (x, ", ".join(OPS)))
    start = time.monotonic()
    dbpath, dbdir, entries = load_db(o.db)
    h = Harness(o, dbpath, dbdir, entries)
    version = tool_version(o.preemptlint)
    try:
        if prev:
            keep = ("file", "function", "func_start", "func_end", "lines", "returns", "operator", "region",
                    "family", "prim", "line", "edits", "rkind", "percpu")
            # --ops narrows a re-run to some operators (the before side is narrowed alike)
            prev["mutants"] = [m for m in prev["mutants"] if m["operator"] in o.ops_list]
            chosen = [{k: m[k] for k in keep if k in m} for m in prev["mutants"]]
            stats = prev.get("stats", {})
            h.log("re-running %d mutants of %s" % (len(chosen), o.reuse))
        else:
            ok = file_filter(o.files)
            rels = sorted(r for r in h.by_rel if ok(r))
            cands = {op: [] for op in OPS}
            nfunc = 0
            for rel in rels:
                try:
                    fs = FileScan(h.by_rel[rel].file)
                except OSError:
                    continue
                nfunc += len(fs.funcs)
                for op, lst in candidates_for_file(fs, rel).items():
                    cands[op].extend(lst)
            h.log("%d files, %d functions scanned; candidates: %s" % (
                len(rels), nfunc, ", ".join("%s %d" % (op, len(cands[op])) for op in OPS)))
            if o.list:
                return 0
            chosen, stats = h.select(cands)
            stats["scanned"] = {"files": len(rels), "functions": nfunc}
        if o.facts_base:
            missing = h.check_facts(chosen)
            if missing:
                print("ERROR: no facts in %s for: %s" % (o.facts_base, ", ".join(missing)), file=sys.stderr)
                return 2
        mutants = h.evaluate_all(chosen)
    finally:
        _cleanup()
    bad, leftovers = h.check_untouched()
    if bad or leftovers:
        print("ERROR: corpus changed: %s %s" % (bad, leftovers), file=sys.stderr)
    elapsed = time.monotonic() - start
    mark_equivalents(mutants, lambda rel: h.by_rel[rel].file)
    tbls = tables(mutants)
    result = {
        "schema": SCHEMA, "tool": "bench/mutate.py",
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": " ".join(shlex.quote(a) for a in sys.argv),
        "db": dbpath, "preemptlint": o.preemptlint, "preemptlint_version": version,
        "seed": o.seed if not prev else prev.get("seed"),
        "stratify": o.stratify if not prev else prev.get("stratify"), "max_per_op": o.max_per_op if not prev else prev.get("max_per_op"),
        "whole_tree": o.whole_tree, "facts_base": o.facts_base, "lint_args": o.lint_arg or [], "jobs": o.jobs,
        "seconds": round(elapsed, 1), "stats": stats,
        "tables": [{"title": t, "header": hd, "rows": r} for t, hd, r in tbls],
        "mutants": mutants,
    }
    with open(o.out, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    print("preemptlint: %s (%s)" % (o.preemptlint, version))
    mode = " (whole tree)" if o.whole_tree else " (facts base %s)" % o.facts_base if o.facts_base else ""
    print("database: %s%s, seed %s, %d mutants, %.0f s" % (dbpath, mode,
                                                        result["seed"], len(mutants), elapsed))
    if not prev:
        print("mutants per operator: " + "; ".join(
            "%s %d candidates, %d tried, %d compiled (%s)" % (
                op, s["generated"], s["tried"], s["compiled"],
                ", ".join("%s %d" % kv for kv in sorted(s["skipped"].items())) or "none skipped")
            for op, s in stats.items() if op in OPS))
    inc = sum(1 for m in mutants if m.get("incomplete"))
    if inc:
        print("mutants whose function ran out of analysis budget: %d" % inc)
    print()
    if prev:
        mark_equivalents(prev["mutants"], lambda rel: h.by_rel[rel].file)
        ptbls = tables(prev["mutants"])
        print("before: %s (%s), after: %s (%s)\n" % (prev.get("preemptlint"), prev.get("preemptlint_version"),
                                                     o.preemptlint, version))
        print(render(tbls, ptbls))
        old = {m.get("id") or mutant_id(m): m for m in prev["mutants"]}
        flips = []
        for m in mutants:
            b = old.get(m["id"], {}).get("verdict")
            if b != m["verdict"]:
                flips.append("  %s -> %s  %s %s:%d %s" % (b, m["verdict"], m["operator"], m["file"],
                                                         m["line"], m["function"]))
        print("changed verdicts: %d" % len(flips))
        print("\n".join(flips))
    else:
        print(render(tbls))
    print("results: %s" % o.out)
    return 1 if bad or leftovers else 0


if __name__ == "__main__":
    sys.exit(main())
