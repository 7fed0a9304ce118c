#!/usr/bin/env python3
# Installs the build into a temporary root, then configures, builds and runs tests/cmake/ (a CMake
# project that knows mastoscope only as find_package(mastoscope <version> EXACT CONFIG REQUIRED)) with
# CMAKE_PREFIX_PATH at the unpacked prefix: the installed mastoscopeConfig.cmake, its version file, the
# headers and the library must be enough. The program prints the closure of `follow`, which must be
# what this build's scopecheck expands `follow` to.
"""Usage: check_cmake.py BUILD_DIR SCOPECHECK CONSUMER_DIR CMAKE -- COMPILER [ARGS...]"""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile


def sh(cmd, **kw):
    result = subprocess.run(cmd, capture_output=True, text=True, check=False, **kw)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{result.stdout}{result.stderr}")
    return result.stdout


def main(argv):
    if len(argv) < 6 or argv[4] != "--":
        raise SystemExit(__doc__)
    build, scopecheck, consumer, cmake, compiler = argv[0], argv[1], argv[2], argv[3], argv[5:]
    # The compiler Meson uses (a launcher such as ccache first, if any), and its flags (a sanitizer's,
    # which a program linked to a sanitized library needs too).
    programs = [word for word in compiler if not word.startswith("-")]
    flags = [word for word in compiler if word.startswith("-")]
    options = {o["name"]: o["value"] for o in json.loads(sh(["meson", "introspect", "--buildoptions", build]))}
    version = json.loads(sh(["meson", "introspect", "--projectinfo", build]))["version"]
    with tempfile.TemporaryDirectory() as root:
        sh(["meson", "install", "-C", build, "--destdir", root, "--no-rebuild", "--quiet"])
        configs = list(pathlib.Path(root).rglob("mastoscopeConfig.cmake"))
        versions = list(pathlib.Path(root).rglob("mastoscopeConfigVersion.cmake"))
        if len(configs) != 1 or len(versions) != 1 or configs[0].parent != versions[0].parent:
            raise SystemExit(f"expected one mastoscopeConfig.cmake and its version file, found {configs + versions}")
        prefix = root + options["prefix"]
        binary = os.path.join(root, "consumer-build")
        configure = [cmake, "-S", consumer, "-B", binary, f"-DCMAKE_PREFIX_PATH={prefix}",
                     f"-DMASTOSCOPE_VERSION={version}", f"-DCMAKE_CXX_COMPILER={shutil.which(programs[-1])}",
                     f"-DCMAKE_CXX_FLAGS={' '.join(flags)}", "-DCMAKE_BUILD_TYPE=Release"]
        if len(programs) > 1:
            configure.append(f"-DCMAKE_CXX_COMPILER_LAUNCHER={';'.join(programs[:-1])}")
        if shutil.which("ninja"):
            configure += ["-G", "Ninja"]
        sh(configure)
        sh([cmake, "--build", binary])
        # The package is the installed one, not one that happens to be on the system.
        cache = pathlib.Path(binary, "CMakeCache.txt").read_text(encoding="utf-8")
        package = next((line.split("=", 1)[1] for line in cache.splitlines() if line.startswith("mastoscope_DIR:")), "")
        if pathlib.Path(package).resolve() != configs[0].parent.resolve():
            raise SystemExit(f"CMake found mastoscope in {package!r}, not the installed {configs[0].parent}")
        exe = os.path.join(binary, "consumer")
        out = sh([exe], env=dict(os.environ, LD_LIBRARY_PATH=os.path.join(prefix, options["libdir"])))
        expected = json.loads(sh([scopecheck, "--json", "expand", "follow"]))["scopes"]
        if out.split() != expected:
            raise SystemExit(f"the consumer printed {out!r}, scopecheck expands follow to {expected}")
    print(f"find_package(mastoscope {version} EXACT CONFIG): {' '.join(expected)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
