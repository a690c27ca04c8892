import os
import shutil
import lit.formats

config.name = "preemptlint"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".c", ".test"]
config.test_source_root = config.test_source_root_dir
config.excludes = ["tidy-as-cli.py", "Inputs", "unit", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in", "check-corpus.py", "expected-findings.txt"]

inputs = os.path.join(config.test_source_root, "Inputs")
# Kernel-style compile flags: hermetic headers that mirror the 6.12 macro
# structure; CONFIG_* chosen per test with -D or the config-*.h files.
kflags = "-nostdinc -isystem %s/include -std=gnu11 -ffreestanding --target=x86_64-linux-gnu" % inputs
# LLVM's test utilities (not, count) come first on PATH.
llvm_bin = "/usr/lib/llvm-19/bin"
config.environment["PATH"] = llvm_bin + os.pathsep + os.environ.get("PATH", "")
config.substitutions.append(("%preemptlint", config.preemptlint))
# The result cache is on by default: every test run starts from an empty
# one of its own, never the user's (tests that need a known cache state
# name their own --cache-dir).
cache_home = os.path.join(config.test_exec_root or config.build_dir, "xdg-cache")
shutil.rmtree(cache_home, ignore_errors=True)
config.environment["XDG_CACHE_HOME"] = cache_home
config.substitutions.append(("%FileCheck", config.filecheck))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%kflags", kflags))
config.substitutions.append(("%inputs", inputs))
config.environment["PREEMPTLINT_CORPUS"] = config.corpus_dir
if config.corpus_dir:
    config.available_features.add("corpus")
elif os.environ.get("PREEMPTLINT_REQUIRE_CORPUS") == "1":
    # scripts/test.sh built the corpus: its tests must run, not be skipped
    lit_config.fatal("PREEMPTLINT_REQUIRE_CORPUS=1 but PREEMPTLINT_CORPUS names no database")
config.substitutions.append(("%corpus", config.corpus_dir))

# The checker tests run through a front end: %check_preempt is the command
# line here, and clang-tidy with the plugin in tidy/ (tidy/checkers is the
# same directory as checkers/, run again with tidy/lit.local.cfg).
config.substitutions.append(("%check_preempt", config.preemptlint))
# Inserted first: "%clang_tidy" must be replaced before "%clang".
config.substitutions.insert(0, ("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%tidy_module", config.tidy_module))
config.substitutions.append(("%build_dir", config.build_dir))
config.substitutions.append(("%sarif_multitool", config.sarif_multitool))
if os.path.exists(config.sarif_multitool):
    config.available_features.add("sarif-multitool")
elif os.environ.get("PREEMPTLINT_SARIF_MULTITOOL"):
    # named explicitly (scripts/test.sh installs it): the SARIF tests must run
    lit_config.fatal("no SARIF validator at %s" % config.sarif_multitool)
