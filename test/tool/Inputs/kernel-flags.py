# Writes a compilation database with the flags of a Linux 6.12 x86_64
# LLVM=1 build (one "command" string, as gen_compile_commands.py writes).
# Usage: kernel-flags.py DIR INCLUDE
import json, os, shutil, sys

d, inc = sys.argv[1:3]
flags = ("clang -Wp,-MMD,drivers/foo/.foo.o.d -nostdinc -isystem {inc} -include {inc}/config-full.h "
         "-D__KERNEL__ -fmacro-prefix-map=./= -std=gnu11 -fshort-wchar -funsigned-char -fno-common "
         "-fno-PIE -fno-strict-aliasing --target=x86_64-linux-gnu -fintegrated-as "
         "-Werror=unknown-warning-option -Werror=ignored-optimization-argument -Werror=option-ignored "
         "-Werror=unused-command-line-argument -mno-sse -mno-mmx -mno-sse2 -mno-3dnow -mno-avx "
         "-fcf-protection=branch -fno-jump-tables -m64 -falign-loops=1 -mno-80387 -mno-fp-ret-in-387 "
         "-mstack-alignment=8 -mskip-rax-setup -march=x86-64 -mtune=generic -mno-red-zone "
         "-mcmodel=kernel -Wno-sign-compare -fno-asynchronous-unwind-tables "
         "-mretpoline-external-thunk -mindirect-branch-cs-prefix -mfunction-return=thunk-extern "
         "-fpatchable-function-entry=16,16 -fno-delete-null-pointer-checks -O2 "
         "-fstack-protector-strong -ftrivial-auto-var-init=zero -fno-stack-clash-protection -pg "
         "-mfentry -DCC_USING_NOP_MCOUNT -DCC_USING_FENTRY -fno-lto -falign-functions=16 "
         "-fstrict-flex-arrays=3 -fno-strict-overflow -fno-stack-check -fno-builtin-wcslen -Wall "
         "-Wundef -Werror=implicit-function-declaration -Wno-format-security -Wframe-larger-than=2048 "
         "-Wno-gnu -Wvla -Wno-pointer-sign -Wcast-function-type -Wimplicit-fallthrough "
         "-Werror=date-time -Wno-pointer-to-enum-cast -g -gdwarf-5 -fzero-call-used-regs=used-gpr "
         "-fno-builtin -ffreestanding "
         "-DKBUILD_MODFILE='\"drivers/foo/foo\"' -DKBUILD_BASENAME='\"foo\"' "
         "-DKBUILD_MODNAME='\"foo\"' -D__KBUILD_MODNAME=kmod_foo -c -o drivers/foo/foo.o "
         "drivers/foo/foo.c").format(inc=inc)
os.makedirs(os.path.join(d, "drivers/foo"), exist_ok=True)
shutil.copy(os.path.join(os.path.dirname(__file__), "bad.c"), os.path.join(d, "drivers/foo/foo.c"))
json.dump([{"directory": d, "file": "drivers/foo/foo.c", "command": flags}],
          open(os.path.join(d, "compile_commands.json"), "w"), indent=1)
