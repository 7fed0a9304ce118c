#!/usr/bin/env python3
# mastoscope as a Meson subproject builds the library alone: no scopecheck, tests, examples or
# benchmarks unless the superproject asks (-Dmastoscope:scopecheck=enabled brings the tool). And the
# superproject's program, given dependency('mastoscope') (which the subproject's override answers, even
# where an installed mastoscope could), compiles, links and runs: it prints the closure of `follow`,
# which must be what this build's scopecheck expands `follow` to.
"""Usage: check_subproject.py SOURCE_ROOT SCOPECHECK"""

import json
import os
import subprocess
import sys
import tempfile

SUPERPROJECT = """project('superproject', 'cpp', default_options: ['cpp_std=c++20'])
executable('app', 'app.cpp', dependencies: dependency('mastoscope'))
"""
APP = """#include <cstdio>
#include <mastoscope/mastoscope.hpp>
#include <mastoscope/parse.hpp>
#include <mastoscope/text.hpp>
int main()
{
    auto const parsed = mastoscope::parse("follow");
    if (!parsed) return 2;
    return std::puts(mastoscope::to_string(mastoscope::closure(parsed.scopes())).c_str()) >= 0 ? 0 : 1;
}
"""


# The superproject is built and run on its own: not with the library path of the build that runs
# this test (meson test sets LD_LIBRARY_PATH to it), which would load that build's libmastoscope.so.
ENV = {name: value for name, value in os.environ.items() if name != "LD_LIBRARY_PATH"}


def sh(cmd, what):
    result = subprocess.run(cmd, capture_output=True, text=True, check=False, env=ENV)
    if result.returncode != 0:
        raise SystemExit(f"{what} failed: {' '.join(cmd)}\n{result.stdout}{result.stderr}")
    return result.stdout


def targets(source, build, options):
    sh(["meson", "setup", build, source, "--force-fallback-for=mastoscope"] + options, "meson setup of the superproject")
    return {t["name"] for t in json.loads(sh(["meson", "introspect", "--targets", build], "meson introspect"))}


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "superproject")
        os.makedirs(os.path.join(source, "subprojects"))
        os.symlink(os.path.abspath(argv[0]), os.path.join(source, "subprojects", "mastoscope"))
        for name, text in (("meson.build", SUPERPROJECT), ("app.cpp", APP)):
            with open(os.path.join(source, name), "w", encoding="utf-8") as f:
                f.write(text)
        plain = os.path.join(tmp, "plain")
        built = targets(source, plain, [])
        unwanted = {"scopecheck", "unit_tests", "quickstart", "parse_bench"} & built
        if unwanted or "mastoscope" not in built or "app" not in built:
            raise SystemExit(f"as a subproject: expected the library and the app alone, got {sorted(built)}")
        asked = targets(source, os.path.join(tmp, "asked"), ["-Dmastoscope:scopecheck=enabled"])
        if "scopecheck" not in asked or "unit_tests" in asked:
            raise SystemExit(f"with -Dmastoscope:scopecheck=enabled: expected scopecheck and no tests, got {sorted(asked)}")
        # The app alone, and the library it needs: two cores' worth, not the whole superproject.
        sh(["meson", "compile", "-C", plain, "app"], "compiling the app")
        printed = sh([os.path.join(plain, "app")], "running the app").split()
        expected = json.loads(sh([argv[1], "--json", "expand", "follow"], "scopecheck"))["scopes"]
        if printed != expected:
            raise SystemExit(f"the app printed {printed}, scopecheck expands follow to {expected}")
    print(f"as a subproject: the library alone; scopecheck when asked; the app prints {' '.join(printed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
