#!/usr/bin/env python3
# Compiles each case with the project's compiler: a case marked `// expect-error: TEXT` must fail to
# compile with TEXT in the diagnostics; a case marked `// expect-success` must compile (proving that
# failures come from the literal, not from a broken command line).
"""Usage: check_compile_fail.py CASE.cpp -- COMPILER [ARGS...]"""

import subprocess
import sys


def main(argv):
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    case, compiler = argv[0], argv[2:]
    with open(case, encoding="utf-8") as f:
        marks = [line.strip()[3:].strip() for line in f if line.startswith("// expect-")]
    if len(marks) != 1:
        print(f"{case}: needs exactly one '// expect-error: TEXT' or '// expect-success' line", file=sys.stderr)
        return 2
    result = subprocess.run(compiler + ["-std=c++20", "-fsyntax-only", case],
                            capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    if marks[0] == "expect-success":
        if result.returncode != 0:
            print(f"{case}: should compile, but:\n{output}", file=sys.stderr)
            return 1
        return 0
    expected = marks[0].removeprefix("expect-error:").strip()
    if result.returncode == 0:
        print(f"{case}: compiled, but should fail with '{expected}'", file=sys.stderr)
        return 1
    if expected not in output:
        print(f"{case}: failed without '{expected}' in the diagnostics:\n{output}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
