#!/usr/bin/env python3
# A program built against one revision of data/scopes.yaml must not link against a library built from
# another. The control: tests/abi/consumer.cpp, built against this build's headers, links and runs.
# The check: the same program, built against headers generated from the data with one scope
# inserted after `read` (so that every later id moves), must fail to link against this build's library.
"""Usage: check_abi.py GEN_SCOPE_TABLE SCOPES.yaml CONSUMER.cpp BUILD_DIR -- COMPILER [ARGS...]"""

import os
import re
import subprocess
import sys
import tempfile

INSERTED = """  - name: read:abi_probe
    parents: [read]
    added: 0.9.0
    description: A scope that exists only in the ABI test's revision of the data.
"""


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kw)


def main(argv):
    if len(argv) < 6 or argv[4] != "--":
        raise SystemExit(__doc__)
    gen, scopes_yaml, consumer, build, compiler = argv[0], argv[1], argv[2], argv[3], argv[5:]
    env = dict(os.environ, PKG_CONFIG_PATH=os.path.join(build, "meson-uninstalled"))
    flags = run(["pkg-config", "--cflags", "--libs", "mastoscope"], env=env)
    if flags.returncode != 0:
        raise SystemExit(f"pkg-config found no uninstalled mastoscope:\n{flags.stderr}")
    flags = flags.stdout.split()
    libdirs = [f[2:] for f in flags if f.startswith("-L")]
    with tempfile.TemporaryDirectory() as tmp:
        # The control: this revision's headers, this revision's library.
        same = os.path.join(tmp, "same")
        built = run(compiler + ["-std=c++20", consumer, "-o", same] + flags)
        if built.returncode != 0:
            raise SystemExit(f"the consumer does not build against its own revision:\n{built.stderr}")
        ran = run([same], env=dict(os.environ, LD_LIBRARY_PATH=":".join(libdirs)))
        if ran.returncode != 0:
            raise SystemExit(f"the consumer fails against its own revision: {ran.stdout}{ran.stderr}")

        # Revision B: one scope inserted after `read`.
        with open(scopes_yaml, encoding="utf-8") as f:
            text = f.read()
        read_entry = re.search(r"^  - name: read\n(?:    .*\n)+", text, flags=re.M)
        if not read_entry:
            raise SystemExit(f"no `read` entry found in {scopes_yaml}")
        other_yaml = os.path.join(tmp, "scopes.yaml")
        with open(other_yaml, "w", encoding="utf-8") as f:
            f.write(text[:read_entry.end()] + INSERTED + text[read_entry.end():])
        detail = os.path.join(tmp, "include", "mastoscope", "detail")
        os.makedirs(detail)
        generated = run([sys.executable, gen, other_yaml, "-o", os.path.join(detail, "scope_table.hpp"),
                         "--abi", os.path.join(detail, "abi.hpp")])
        if generated.returncode != 0:
            raise SystemExit(f"the generator refused revision B:\n{generated.stderr}")

        other = os.path.join(tmp, "other")
        linked = run(compiler + ["-std=c++20", "-I" + os.path.join(tmp, "include"), consumer, "-o", other] + flags)
        if linked.returncode == 0:
            ran = run([other], env=dict(os.environ, LD_LIBRARY_PATH=":".join(libdirs)))
            raise SystemExit("a consumer built against another revision of the data linked against this library "
                             f"(and printed {ran.stdout.strip()!r}): the namespace is not tied to the data")
        if "undefined reference" not in linked.stderr or "mastoscope::data_" not in linked.stderr:
            raise SystemExit(f"the consumer of revision B failed for another reason than missing symbols:\n{linked.stderr}")
    print("a consumer of another data revision fails to link, one of this revision links and runs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
