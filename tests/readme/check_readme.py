#!/usr/bin/env python3
# Keeps the README honest: its example is examples/quickstart.cpp verbatim, the output it shows is what
# that program prints, and its two shell commands are the ones .ci/run runs.
"""Usage: check_readme.py README.md EXAMPLE.cpp EXAMPLE_BINARY CI_SCRIPT"""

import re
import subprocess
import sys


def blocks(text):
    """(language, body) of every fenced block, in order."""
    return [(m.group(1), m.group(2)) for m in re.finditer(r"^```(\w*)\n(.*?)^```$", text, re.M | re.S)]


def main(argv):
    if len(argv) != 4:
        raise SystemExit(__doc__)
    readme, example, binary, ci = argv
    with open(readme, encoding="utf-8") as f:
        fenced = blocks(f.read())
    errors = []
    cpp = [body for lang, body in fenced if lang == "cpp"]
    with open(example, encoding="utf-8") as f:
        if not cpp or cpp[0] != f.read():
            errors.append(f"the README's first cpp block differs from {example}")
    index = next((i for i, (lang, _) in enumerate(fenced) if lang == "cpp"), None)
    shown = fenced[index + 1][1] if index is not None and index + 1 < len(fenced) else None
    printed = subprocess.run([binary], capture_output=True, text=True, check=True).stdout
    if shown != printed:
        errors.append(f"the README shows\n{shown}but the example prints\n{printed}")
    commands = [body.strip() for lang, body in fenced if lang == "sh"]
    with open(ci, encoding="utf-8") as f:
        ci_lines = [line.strip() for line in f]
    if len(commands) != 2:
        errors.append(f"the README should have exactly two sh blocks (install+build, test), has {len(commands)}")
    for command in commands:
        if command not in ci_lines:
            errors.append(f"{ci} does not run the README's command:\n  {command}")
    for e in errors:
        print(e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
