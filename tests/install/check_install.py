#!/usr/bin/env python3
# Installs the build into a temporary root, then builds and runs a separate program with nothing but
# `pkg-config --cflags --libs mastoscope`: the installed headers (the generated one included), the
# library and mastoscope.pc must be enough. The program prints the closure of `follow`, which must be
# what this build's scopecheck expands `follow` to.
"""Usage: check_install.py BUILD_DIR SCOPECHECK CONSUMER.cpp -- COMPILER [ARGS...]"""

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
    if len(argv) < 5 or argv[3] != "--":
        raise SystemExit(__doc__)
    build, scopecheck, consumer, compiler = argv[0], argv[1], argv[2], argv[4:]
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
