#!/usr/bin/env python3
# mastoscope as a Meson subproject builds the library alone: no scopecheck, tests, examples or
# benchmarks unless the superproject asks (-Dmastoscope:scopecheck=enabled brings the tool).
"""Usage: check_subproject.py SOURCE_ROOT"""

import json
import os
import subprocess
import sys
import tempfile

SUPERPROJECT = """project('superproject', 'cpp', default_options: ['cpp_std=c++20'])
executable('app', 'app.cpp', dependencies: dependency('mastoscope'))
"""
APP = """#include <mastoscope/parse.hpp>
int main() { return mastoscope::parse("read") ? 0 : 1; }
"""


def targets(source, build, options):
    setup = subprocess.run(["meson", "setup", build, source] + options, capture_output=True, text=True, check=False)
    if setup.returncode != 0:
        raise SystemExit(f"meson setup of the superproject failed:\n{setup.stdout}{setup.stderr}")
    listed = subprocess.run(["meson", "introspect", "--targets", build], capture_output=True, text=True, check=True)
    return {t["name"] for t in json.loads(listed.stdout)}


def main(argv):
    if len(argv) != 1:
        raise SystemExit(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "superproject")
        os.makedirs(os.path.join(source, "subprojects"))
        os.symlink(os.path.abspath(argv[0]), os.path.join(source, "subprojects", "mastoscope"))
        for name, text in (("meson.build", SUPERPROJECT), ("app.cpp", APP)):
            with open(os.path.join(source, name), "w", encoding="utf-8") as f:
                f.write(text)
        plain = targets(source, os.path.join(tmp, "plain"), [])
        unwanted = {"scopecheck", "unit_tests", "quickstart", "parse_bench"} & plain
        if unwanted or "mastoscope" not in plain or "app" not in plain:
            raise SystemExit(f"as a subproject: expected the library and the app alone, got {sorted(plain)}")
        asked = targets(source, os.path.join(tmp, "asked"), ["-Dmastoscope:scopecheck=enabled"])
        if "scopecheck" not in asked or "unit_tests" in asked:
            raise SystemExit(f"with -Dmastoscope:scopecheck=enabled: expected scopecheck and no tests, got {sorted(asked)}")
    print("as a subproject: the library alone; scopecheck when asked")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
