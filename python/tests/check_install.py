#!/usr/bin/env python3
"""Usage: check_install.py SOURCE_ROOT

The test "python pip install": pip installs the project from a copy of SOURCE_ROOT into a temporary
folder, as a user would (pip install --no-build-isolation, so that the installed python3-mesonpy
builds it: pyproject.toml asks for the library static and nothing but the Python module), and a
fresh interpreter imports mastoscope from there alone and asks it a question.

--target keeps the install out of the system's site-packages, which Debian's pip refuses to touch
(PEP 668) without --break-system-packages. The copy keeps the build out of the source tree, where
meson-python would otherwise write its working folder and native file."""

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

CHECK = """
import sys
sys.path.insert(0, sys.argv[1])
import mastoscope
assert mastoscope.__file__.startswith(sys.argv[1]), mastoscope.__file__
assert mastoscope.grants("follow", "read:mutes") is True
assert not mastoscope.grants("read", "write:statuses")
print("imported", mastoscope.__file__, "version", mastoscope.__version__)
"""


def skip_build_folders(folder, names):
    """copytree's ignore: Meson build trees (any folder with meson-private), VCS and caches."""
    skipped = {".git", "__pycache__"}
    return [n for n in names
            if n in skipped or n.startswith(".mesonpy") or (pathlib.Path(folder, n, "meson-private").is_dir())]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    source_root = pathlib.Path(sys.argv[1]).resolve()
    with tempfile.TemporaryDirectory(prefix="mastoscope-pip-") as tmp:
        source = pathlib.Path(tmp, "source")
        target = pathlib.Path(tmp, "site")
        shutil.copytree(source_root, source, ignore=skip_build_folders, symlinks=True)
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        pip = [sys.executable, "-m", "pip", "install", "--no-build-isolation", "--no-deps", "--no-index",
               "--disable-pip-version-check", "--no-cache-dir", "--target", str(target),
               "--config-settings=compile-args=-j2", str(source)]
        print("+", " ".join(pip), flush=True)
        subprocess.run(pip, check=True, env=env, cwd=tmp)
        installed = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
        print("installed:", *installed, sep="\n  ")
        package = {p for p in installed if p.startswith("mastoscope/")}
        for wanted in ("mastoscope/__init__.py", "mastoscope/__init__.pyi", "mastoscope/py.typed"):
            assert wanted in package, f"{wanted} is not installed"
        extensions = [p for p in package if p.startswith("mastoscope/_mastoscope") and p.endswith(".so")]
        assert len(extensions) == 1, f"extension modules: {extensions}"
        # The library is in the extension, not beside it.
        assert not [p for p in installed if "libmastoscope" in p], "the library was installed"
        if shutil.which("readelf"):
            dynamic = subprocess.run(["readelf", "-d", str(target / extensions[0])], check=True,
                                     capture_output=True, text=True).stdout
            assert "libmastoscope" not in dynamic, "the extension links the shared library"
        others = [p for p in installed if not p.startswith(("mastoscope/", "mastoscope-"))]
        if others:  # meson-python 0.12 packs every installed file of the project (pyproject.toml)
            print(f"besides the package, the wheel held {len(others)} files of the C++ library")
        # A fresh interpreter, isolated from the environment and the source tree: the install alone.
        subprocess.run([sys.executable, "-I", "-c", CHECK, str(target)], check=True, env=env, cwd=tmp)


if __name__ == "__main__":
    main()
