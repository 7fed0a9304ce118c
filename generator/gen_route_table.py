#!/usr/bin/env python3
# Command line: data/endpoints.yaml (checked against data/scopes.yaml) -> the constexpr route table.
"""Usage: gen_route_table.py ENDPOINTS.yaml --scopes SCOPES.yaml -o OUTPUT.hpp

Errors are reported as FILE:LINE:COL: error: ..., exit status 1. The output is left untouched when
its content would not change.
"""

import argparse
import os
import string
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import endpoints  # noqa: E402
import scopes  # noqa: E402
from cxx import cxx_string, cxx_version, cxx_words, write_if_changed  # noqa: E402
from yaml_nodes import ModelError  # noqa: E402

TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "route_table.hpp.in")


def cxx_mode(scopes, token):
    return "any_token" if scopes is None else token.replace("-", "_")


def cxx_route(route, word_count, first_change):
    accepts = cxx_words(route.scopes or [], word_count)
    return (f"    route{{{cxx_string(route.method)}, {cxx_string(route.path)}, scope_set::from_words({accepts}), "
            f"token_mode::{cxx_mode(route.scopes, route.token)}, {cxx_string(route.controller)}, "
            f"{cxx_string(route.notes)}, {cxx_version(route.added)}, {cxx_version(route.removed)}, "
            f"{first_change}, {first_change + len(route.earlier)}, {cxx_string(route.source)}}},")


def cxx_change(change, word_count):
    return (f"    route_change{{{cxx_version(change.until)}, scope_set::from_words({cxx_words(change.scopes or [], word_count)}), "
            f"token_mode::{cxx_mode(change.scopes, change.token)}}},")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Generate mastoscope's route table from the endpoint YAML.")
    parser.add_argument("input", help="the route data, e.g. data/endpoints.yaml")
    parser.add_argument("--scopes", required=True, help="the scope data, e.g. data/scopes.yaml")
    parser.add_argument("-o", "--output", required=True, help="the C++ header to write")
    args = parser.parse_args(argv)
    current = args.scopes  # the file an error is reported against
    try:
        registry = scopes.load(current)
        current = args.input
        data = endpoints.load(current, registry)
    except ModelError as err:
        print(err.format(current), file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError) as err:
        print(f"{current}: error: cannot read: {err}", file=sys.stderr)
        return 1
    word_count = (len(registry.scopes) + 63) // 64
    rows, changes = [], []
    for r in data.routes:
        rows.append(cxx_route(r, word_count, len(changes)))
        changes.extend(cxx_change(c, word_count) for c in r.earlier)
    with open(TEMPLATE, encoding="utf-8") as f:
        text = string.Template(f.read()).substitute(
            source=os.path.basename(args.input), revision=cxx_string(data.revision), route_count=len(data.routes),
            routes="\n".join(rows), change_count=len(changes), changes="\n".join(changes))
    write_if_changed(args.output, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
