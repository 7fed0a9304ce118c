#!/usr/bin/env python3
# Runs scopecheck golden transcripts: each case is a shell command with its expected stdout, stderr
# (lines starting "2> ") and exit status. --update rewrites the file from what the commands print.
"""Usage: run_golden.py SCOPECHECK FILE.golden [--update]

A case:
    === title
    $ scopecheck grants follow read:mutes
    yes: 'follow' grants 'read:mutes'
    2> an expected stderr line
    [exit 0]
`scopecheck` runs the binary under test; commands run in bash with NO_COLOR unset, in the folder of the
transcript (so documents/ holds the files that identify reads).
"""

import os
import subprocess
import sys


def parse(path):
    cases, current = [], None
    with open(path, encoding="utf-8") as f:
        for raw in f.read().split("\n"):
            if raw.startswith("=== "):
                current = {"title": raw[4:], "command": None, "stdout": [], "stderr": [], "exit": None}
                cases.append(current)
            elif current is None or current["exit"] is not None:
                continue  # comments and blank lines between cases
            elif current["command"] is None:
                if not raw.startswith("$ "):
                    raise SystemExit(f"{path}: case '{current['title']}' must start with '$ command'")
                current["command"] = raw[2:]
            elif raw.startswith("[exit ") and raw.endswith("]"):
                current["exit"] = int(raw[6:-1])
            elif raw.startswith("2> ") or raw == "2>":
                current["stderr"].append(raw[3:])
            else:
                current["stdout"].append(raw)
    for case in cases:
        if case["exit"] is None:
            raise SystemExit(f"{path}: case '{case['title']}' has no [exit N] line")
    return cases


def run(binary, command, folder):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["PATH"] = os.path.dirname(os.path.abspath(binary)) + os.pathsep + env.get("PATH", "")
    env["LC_ALL"] = "C.UTF-8"
    result = subprocess.run(["bash", "-c", command], capture_output=True, env=env, cwd=folder, timeout=60,
                            check=False)
    out = result.stdout.decode("utf-8", "replace").split("\n")
    err = result.stderr.decode("utf-8", "replace").split("\n")
    return (out[:-1] if out[-1] == "" else out), (err[:-1] if err[-1] == "" else err), result.returncode


def main(argv):
    if len(argv) not in (2, 3) or (len(argv) == 3 and argv[2] != "--update"):
        raise SystemExit(__doc__)
    binary, path = argv[0], argv[1]
    cases = parse(path)
    if len(argv) == 3:
        with open(path, "w", encoding="utf-8") as f:
            for case in cases:
                out, err, code = run(binary, case["command"], os.path.dirname(os.path.abspath(path)))
                f.write(f"=== {case['title']}\n$ {case['command']}\n")
                f.write("".join(line + "\n" for line in out))
                f.write("".join((f"2> {line}" if line else "2>") + "\n" for line in err))
                f.write(f"[exit {code}]\n\n")
        return 0
    failures = 0
    for case in cases:
        out, err, code = run(binary, case["command"], os.path.dirname(os.path.abspath(path)))
        if (out, err, code) != (case["stdout"], case["stderr"], case["exit"]):
            failures += 1
            print(f"FAIL: {case['title']}\n  $ {case['command']}", file=sys.stderr)
            for name, want, got in (("stdout", case["stdout"], out), ("stderr", case["stderr"], err)):
                if want != got:
                    print(f"  {name} expected:", *("    |" + l for l in want), f"  {name} got:",
                          *("    |" + l for l in got), sep="\n", file=sys.stderr)
            if code != case["exit"]:
                print(f"  exit expected {case['exit']}, got {code}", file=sys.stderr)
    print(f"{len(cases) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
