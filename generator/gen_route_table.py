#!/usr/bin/env python3
# Command line: data/endpoints.yaml (checked against data/scopes.yaml) -> the constexpr route table.
"""Usage: gen_route_table.py ENDPOINTS.yaml --scopes SCOPES.yaml [--servers SERVERS.yaml] -o OUTPUT.hpp
       gen_route_table.py --token-modes OUTPUT.hpp

Errors are reported as FILE:LINE:COL: error: ..., exit status 1. --servers gives the names only other
servers define, which widen the scope sets (routes name Mastodon's scopes only). The second form writes the public
enum token_mode with its names, from endpoints.TOKEN_MODES. Outputs are left untouched when their
content would not change.
"""

import argparse
import os
import string
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import endpoints  # noqa: E402
import scopes  # noqa: E402
import servers  # noqa: E402
from cxx import cxx_string, cxx_version, cxx_words, write_if_changed  # noqa: E402
from yaml_nodes import loaded  # noqa: E402

TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "route_table.hpp.in")
MODES_TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "token_modes.hpp.in")


def cxx_mode(scopes, token):
    return "any_token" if scopes is None else token


def render_token_modes():
    width = max(len(m) for m in endpoints.TOKEN_MODES) + 1
    with open(MODES_TEMPLATE, encoding="utf-8") as f:
        return string.Template(f.read()).substitute(
            count=len(endpoints.TOKEN_MODES),
            enumerators="\n".join(f"    {m + ',':<{width}}  // {meaning}" for m, meaning in endpoints.TOKEN_MODES.items()),
            names="\n".join(f"    {cxx_string(m)}," for m in endpoints.TOKEN_MODES))


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
    parser.add_argument("input", nargs="?", help="the route data, e.g. data/endpoints.yaml")
    parser.add_argument("--scopes", help="the scope data, e.g. data/scopes.yaml")
    parser.add_argument("--servers", help="the other servers' data, e.g. data/servers.yaml")
    parser.add_argument("-o", "--output", help="the C++ header to write")
    parser.add_argument("--token-modes", help="write the token_mode header instead")
    args = parser.parse_args(argv)
    if args.token_modes:
        write_if_changed(args.token_modes, render_token_modes())
        return 0
    if not (args.input and args.scopes and args.output):
        parser.error("ENDPOINTS.yaml, --scopes and -o are required")
    registry = loaded(args.scopes, scopes.load)
    family = registry and (loaded(args.servers, servers.load, registry) if args.servers else servers.Family([], []))
    data = family and loaded(args.input, endpoints.load, registry)
    if data is None:
        return 1
    word_count = (len(registry.scopes) + len(family.foreign) + 63) // 64
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
