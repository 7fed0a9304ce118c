#!/usr/bin/env python3
# Installs the build into a temporary root, then builds and runs separate programs with nothing but
# `pkg-config --cflags --libs mastoscope`: the installed headers (the generated one included), the
# library and mastoscope.pc must be enough. The C++ program prints the closure of `follow`, which must
# be what this build's scopecheck expands `follow` to; with --c, a C99 program (the C API) must print
# what the same program built in the tree prints; with --ruby, a Ruby script loads the installed
# library the way the binding finds it without MASTOSCOPE_LIBRARY, and must print what it prints
# against the library in the build tree.
"""Usage: check_install.py BUILD_DIR SCOPECHECK CONSUMER.cpp [--c EXAMPLE.c BUILT_EXAMPLE CC]
                        [--ruby RUBY RUBY_LIB EXAMPLE.rb] -- COMPILER [ARGS...]

COMPILER [ARGS...] builds the C++ consumer; its -fsanitize flags are given to the C compiler too, and
with them the C program is linked by COMPILER, as the sanitizers' C++ runtime needs."""

import json
import os
import pathlib
import subprocess
import sys
import tempfile


def sh(cmd, **kw):
    result = subprocess.run(cmd, capture_output=True, text=True, check=False, **kw)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{result.stdout}{result.stderr}")
    return result.stdout


def main(argv):
    if "--" not in argv or argv.index("--") < 3:
        raise SystemExit(__doc__)
    split = argv.index("--")
    build, scopecheck, consumer, options, compiler = argv[0], argv[1], argv[2], argv[3:split], argv[split + 1:]
    c_check = ruby_check = None
    while options:
        if options[0] == "--c" and len(options) >= 4:
            c_check, options = options[1:4], options[4:]
        elif options[0] == "--ruby" and len(options) >= 4:
            ruby_check, options = options[1:4], options[4:]
        else:
            raise SystemExit(__doc__)
    with tempfile.TemporaryDirectory() as root:
        sh(["meson", "install", "-C", build, "--destdir", root, "--no-rebuild", "--quiet"])
        pcs = list(pathlib.Path(root).rglob("mastoscope.pc"))
        if len(pcs) != 1:
            raise SystemExit(f"expected one installed mastoscope.pc, found {pcs}")
        headers = list(pathlib.Path(root).rglob("include/mastoscope/detail/scope_table.hpp"))
        if not headers:
            raise SystemExit("the generated scope_table.hpp was not installed")
        for header in headers[0].parent.parent.rglob("*.hpp"):
            if "boost" in header.read_text(encoding="utf-8").lower():
                raise SystemExit(f"installed header {header.name} mentions Boost; Spirit must stay in src/")
        # Point the unpacked .pc at where it was unpacked, as installing to that prefix would; its
        # dependencies (fmt) are still found where the system keeps them.
        text = pcs[0].read_text(encoding="utf-8")
        prefix = next(line.split("=", 1)[1] for line in text.splitlines() if line.startswith("prefix="))
        pcs[0].write_text(text.replace(f"prefix={prefix}", f"prefix={root}{prefix}", 1), encoding="utf-8")
        env = dict(os.environ, PKG_CONFIG_PATH=str(pcs[0].parent))
        flags = sh(["pkg-config", "--cflags", "--libs", "mastoscope"], env=env).split()
        exe = os.path.join(root, "consumer")
        # The consumer's one include beside it, the compile-time facts it shares with the tests, is
        # in the tests folder; everything of mastoscope comes from the installed package.
        tests = os.path.dirname(os.path.dirname(os.path.abspath(consumer)))
        sh(compiler + ["-std=c++20", "-iquote", tests, consumer, "-o", exe] + flags)
        libdirs = [f[2:] for f in flags if f.startswith("-L")]
        out = sh([exe], env=dict(os.environ, LD_LIBRARY_PATH=":".join(libdirs)))
        expected = json.loads(sh([scopecheck, "--json", "expand", "follow"]))["scopes"]
        if out.split() != expected:
            raise SystemExit(f"the consumer printed {out!r}, scopecheck expands follow to {expected}")
        installed_env = dict(os.environ, LD_LIBRARY_PATH=":".join(libdirs))
        installed_env.pop("MASTOSCOPE_LIBRARY", None)
        if c_check:
            example, built, cc = c_check
            c_exe, c_obj = os.path.join(root, "c_consumer"), os.path.join(root, "c_consumer.o")
            sanitize = [a for a in compiler if a.startswith("-fsanitize")]
            cflags = sh(["pkg-config", "--cflags", "mastoscope"], env=env).split()
            libs = sh(["pkg-config", "--libs", "mastoscope"], env=env).split()
            sh([cc, "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-c", example, "-o", c_obj] + sanitize + cflags)
            # Under the sanitizers, the C++ part of their runtime (libmastoscope's UBSan vptr checks)
            # comes only with a C++ link; otherwise the C compiler links the program alone.
            sh(([compiler[0]] if sanitize else [cc]) + [c_obj, "-o", c_exe] + sanitize + libs)
            printed, reference = sh([c_exe], env=installed_env), sh([built])
            if printed != reference:
                raise SystemExit(f"the C program against the installed library printed\n{printed}but\n{reference}")
        if ruby_check:
            ruby, lib, example = ruby_check
            printed = sh([ruby, "-I", lib, example], env=installed_env)
            in_tree = dict(os.environ, MASTOSCOPE_LIBRARY=str(next(pathlib.Path(build, "src").glob("libmastoscope.so"))))
            reference = sh([ruby, "-I", lib, example], env=in_tree)
            if printed != reference:
                raise SystemExit(f"the Ruby script against the installed library printed\n{printed}but\n{reference}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
