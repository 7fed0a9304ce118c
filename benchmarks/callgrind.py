#!/usr/bin/env python3
# Instructions per parse of each stored string, for mastoscope and the floor, counted by callgrind:
# the difference between a run of 2N and a run of N passes, divided by N, so set-up cancels out.
"""Usage: callgrind.py PER_STRING_BINARY [--case parse|request] [--passes N]

Needs valgrind. Instruction counts repeat exactly from run to run, unlike times on a shared machine.
"""

import argparse
import re
import subprocess
import sys

def instructions(binary, case, impl, index, passes):
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", binary, case, impl,
                          str(index), str(passes)], capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if not found:
        sys.exit(f"no instruction count in callgrind's output:\n{run.stderr}")
    return int(found.group(1))


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--case", choices=["parse", "request"], default="parse")
    parser.add_argument("--passes", type=int, default=100_000)
    args = parser.parse_args(argv)
    n = args.passes
    print(f"{args.case}: instructions per string (Ir), the difference of {2 * n:,} and {n:,} passes, divided by {n:,}\n")
    print("| string | mastoscope (Ir) | floor (Ir) | ratio |")
    print("|---|---:|---:|---:|")
    stored = subprocess.run([args.binary, "strings"], capture_output=True, text=True, check=True).stdout.splitlines()
    totals = {"mastoscope": 0, "floor": 0}
    for index, text in enumerate(stored):
        per = {}
        for impl in totals:
            per[impl] = (instructions(args.binary, args.case, impl, index, 2 * n) -
                         instructions(args.binary, args.case, impl, index, n)) / n
            totals[impl] += per[impl]
        print(f"| `{text}` | {per['mastoscope']:.0f} | {per['floor']:.0f} | {per['mastoscope'] / per['floor']:.2f} |")
    m, f = (totals[i] / len(stored) for i in ("mastoscope", "floor"))
    print(f"| mean of the six | {m:.0f} | {f:.0f} | {m / f:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
