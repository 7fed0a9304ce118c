#!/usr/bin/env python3
"""Usage: bench.py [--number N] [--repeat R]

What checking a request's token costs from Python, per request: the token's scope string parsed as
Mastodon reads it and the required scope checked through the hierarchy, with mastoscope, beside a
pure-Python baseline (split the string, build a set, intersect it with what grants the required
scope; it validates nothing). Each row is the best of R runs of N calls (timeit), in nanoseconds per
call; the best run is the one least disturbed by the rest of the machine.

Run it with the package importable, for example from a build tree:

    PYTHONPATH=build/python /usr/bin/python3 python/bench.py
"""

import argparse
import pathlib
import platform
import sys
import timeit

# The folder of this script holds the package's sources without the extension: import the built
# package (PYTHONPATH, or an installed one) instead.
sys.path[:] = [p for p in sys.path if pathlib.Path(p or ".").resolve() != pathlib.Path(__file__).resolve().parent]

import mastoscope  # noqa: E402
from mastoscope import Scopes  # noqa: E402

TOKENS = {
    "read write follow push": "write:statuses",  # the scopes many apps still request
    "read:statuses write:statuses write:media": "write:statuses",  # granular scopes
}


def implied_by(name):
    """The names that grant `name` (itself included), read from the library once: the baseline's table."""
    return frozenset(mastoscope.info(name).implied_by) | {name}


def cases(token, required):
    held = Scopes(token)
    granting = implied_by(required)
    known = frozenset(Scopes.all())
    return [
        ("mastoscope.grants(text, name)  parse + check", lambda: mastoscope.grants(token, required)),
        ("Scopes(text)  parse only", lambda: Scopes(token)),
        ("held.grants(name)  check only, parsed before", lambda: held.grants(required)),
        ("name in held.closure()", lambda: required in held.closure()),
        ("baseline: set(text.split(' ')) & table", lambda: not granting.isdisjoint(token.split(" "))),
        ("baseline, every name looked up too",
         lambda: known.issuperset(names := token.split(" ")) and not granting.isdisjoint(names)),
    ]


def best_ns(call, number, repeat):
    return min(timeit.repeat(call, number=number, repeat=repeat)) / number * 1e9


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[1])
    parser.add_argument("--number", type=int, default=200_000, help="calls per run (default 200000)")
    parser.add_argument("--repeat", type=int, default=7, help="runs; the best counts (default 7)")
    args = parser.parse_args()
    print(f"mastoscope {mastoscope.__version__}, Python {platform.python_version()} ({platform.machine()}), "
          f"best of {args.repeat} x {args.number:,} calls")
    for token, required in TOKENS.items():
        assert mastoscope.grants(token, required)
        print(f"\ntoken {token!r}, required {required!r}")
        for label, call in cases(token, required):
            print(f"  {label:<48} {best_ns(call, args.number, args.repeat):8.0f} ns")


if __name__ == "__main__":
    main()
