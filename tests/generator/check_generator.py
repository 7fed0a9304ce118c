#!/usr/bin/env python3
# Runs the generator on broken YAML (must fail at the line and column the file's first line expects)
# and on the real data (must succeed, and leave an unchanged output file untouched).
"""Usage:
  check_generator.py GENERATOR CASE.yaml [ARGS...]   the case's first line reads `# expect: LINE:COL: MESSAGE`
  check_generator.py --unchanged GENERATOR DATA.yaml [ARGS...]
ARGS are passed on to the generator (the route generator needs --scopes SCOPES.yaml).
"""

import os
import subprocess
import sys
import tempfile


def run(generator, source, output, extra=()):
    return subprocess.run([sys.executable, generator, source, *extra, "-o", output],
                          capture_output=True, text=True, check=False)


def check_rejection(generator, case, extra):
    with open(case, encoding="utf-8") as f:
        first = f.readline()
    if not first.startswith("# expect: "):
        return f"{case}: first line must be '# expect: LINE:COL: MESSAGE'"
    expected = f"{case}:{first[len('# expect: '):].rstrip()}"
    with tempfile.TemporaryDirectory() as tmp:
        output = os.path.join(tmp, "out.hpp")
        result = run(generator, case, output, extra)
        if os.path.exists(output):
            return f"{case}: the generator wrote output for broken input"
    stderr = result.stderr.strip()
    if result.returncode != 1:
        return f"{case}: exit status {result.returncode}, expected 1; stderr: {stderr}"
    location, _, message = expected.partition(" ")
    if not stderr.startswith(f"{location} error: {message}") or "\n" in stderr:
        return f"{case}: expected one line starting\n  {location} error: {message}\ngot\n  {stderr}"
    return None


def check_unchanged(generator, data, extra):
    with tempfile.TemporaryDirectory() as tmp:
        output = os.path.join(tmp, "scope_table.hpp")
        first = run(generator, data, output, extra)
        if first.returncode != 0:
            return f"{data}: generator failed: {first.stderr}"
        past = 1_000_000_000
        os.utime(output, ns=(past, past))
        second = run(generator, data, output, extra)
        if second.returncode != 0 or second.stderr:
            return f"{data}: second run failed: {second.stderr}"
        if os.stat(output).st_mtime_ns != past:
            return f"{data}: the generator rewrote an output whose content had not changed"
    return None


def main(argv):
    if argv[:1] == ["--unchanged"] and len(argv) >= 3:
        error = check_unchanged(argv[1], argv[2], argv[3:])
    elif len(argv) >= 2 and argv[0] != "--unchanged":
        error = check_rejection(argv[0], argv[1], argv[2:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    if error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
