#!/usr/bin/env python3
"""Usage: run_fuzzer.py FUZZ_TARGET SEED_CORPUS --seconds N [--max-len BYTES]
       run_fuzzer.py FUZZ_TARGET --from-nothing [--max-len BYTES]

Runs a libFuzzer target for N seconds from its seeds (or, --from-nothing, for 5,000 runs from an
empty corpus, which must find inputs on its own) (new inputs go to a temporary folder, never into
the source tree) and fails if it finds a crash, a sanitizer report or a broken invariant, or if it
did not run at all. Prints the number of executions."""

import argparse
import re
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument("target")
    parser.add_argument("seeds", nargs="?")
    parser.add_argument("--seconds", type=int)
    parser.add_argument("--from-nothing", action="store_true")
    parser.add_argument("--max-len", type=int, default=256,
                        help="longest input tried (scope strings are short; longer ones are the property tests' job)")
    args = parser.parse_args()
    if args.from_nothing == bool(args.seeds and args.seconds):
        parser.error("give SEED_CORPUS and --seconds, or --from-nothing")
    limit = ["-runs=5000"] if args.from_nothing else [f"-max_total_time={args.seconds}"]
    with tempfile.TemporaryDirectory() as work:
        command = [args.target, *limit, "-print_final_stats=1", "-timeout=10", "-rss_limit_mb=4096",
                   f"-max_len={args.max_len}", f"-artifact_prefix={work}/", work, *([args.seeds] if args.seeds else [])]
        result = subprocess.run(command, capture_output=True, text=True, errors="replace", check=False)
    executions = re.search(r"stat::number_of_executed_units:\s*(\d+)", result.stderr)
    if result.returncode != 0 or not executions:
        sys.stderr.write(result.stderr[-20000:])
        print(f"{args.target}: failed (exit {result.returncode})")
        return 1
    if args.from_nothing:
        print(f"{args.target}: {int(executions.group(1)):,} executions from an empty corpus, no finding")
        return 0
    print(f"{args.target}: {int(executions.group(1)):,} executions in {args.seconds} s, no finding")
    return 0


if __name__ == "__main__":
    sys.exit(main())
