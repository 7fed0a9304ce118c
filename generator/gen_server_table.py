#!/usr/bin/env python3
# Command line: data/servers.yaml (checked against data/scopes.yaml) -> the constexpr server dialects.
"""Usage: gen_server_table.py SERVERS.yaml --scopes SCOPES.yaml -o OUTPUT.hpp

Errors are reported as FILE:LINE:COL: error: ..., exit status 1. The output is left untouched when
its content would not change.
"""

import argparse
import os
import string
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import scopes  # noqa: E402
import servers  # noqa: E402
from cxx import cxx_string, cxx_version, cxx_words, write_if_changed  # noqa: E402
from gen_scope_table import with_foreign  # noqa: E402
from yaml_nodes import loaded  # noqa: E402

CXX_HIERARCHY = {"explicit": "explicit_edges"}  # `explicit` is a C++ keyword
TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "server_table.hpp.in")


MISSING = {"default": "default_scopes", "app": "app", "none": "none", "refused": "refused", "": "default_scopes"}


def exchange_fields(rules):
    """The registration and token-request facts of a dialect, in the order of `dialect`."""
    registration, token = rules["registration"], rules["token_request"]

    def refusal(r):
        return (f"refusal{{{r.get('status', 0)}, {cxx_string(r.get('error', ''))}, "
                f"{cxx_string(r.get('message', ''))}}}")
    grant = token.client_credentials or token
    return [f"missing_rule::{MISSING[registration.missing]}", f"missing_rule::{MISSING[registration.blank]}",
            str(registration.max_length), "true" if registration.refuses_duplicates else "false",
            refusal(registration.refusal), f"missing_rule::{MISSING[token.missing]}",
            f"separator_rule::{token.separators or rules['separators'].value}", refusal(token.refusal),
            f"{{token_rule::{grant.value}, missing_rule::{MISSING[grant.missing]}, "
            f"separator_rule::{grant.separators or rules['separators'].value}, {refusal(grant.refusal)}}}"]


def render(registry, family, source):
    every = with_foreign(registry, family)
    names = [s.name for s in every]
    ids = {n: i for i, n in enumerate(names)}
    word_count = (len(every) + 63) // 64

    def words(selected):
        return "table::" + cxx_words(sorted(ids[n] for n in selected), word_count)

    rows, steps, stands, software, signs = [], [], [], [], []
    grant_rows = []
    for k, server in enumerate(family.servers):
        rules = server.rules
        always = [w.name for w in server.words if w.added is None]
        first_step = len(steps)
        for w in server.words:
            if w.added is not None:
                steps.append(f"    vocabulary_step{{{cxx_version(w.added)}, {words([w.name])}}},  // {w.name}")
        first_stand = len(stands)
        for mastodon, name, source_text, _ in server.stands_for:
            stands.append(f"    stands_for_entry{{scope::{every[ids[mastodon]].identifier}, "
                          f"scope::{every[ids[name]].identifier}, {cxx_string(source_text)}}},")
        instance = rules["instance_version"]
        first_sign = len(signs)
        for kind in ("fields", "source_urls"):
            for text in getattr(instance, kind):
                signs.append(f"    instance_sign{{sign_kind::{kind[:-1]}, {cxx_string(text)}}},")
        for s in server.software_names:
            software.append(f"    software_name{{{cxx_string(s)}, software::{server.name}}},")
        if server.words:  # Mastodon's row is the documented closure of the scope table
            grant_rows.append("    {{\n" + "\n".join(
                f"        {words(servers.grants(server, n, names))},  // {n}" for n in names) + "\n    }},")
        fields = [
            cxx_string(server.name), cxx_string(server.display_name), cxx_string(server.repository),
            cxx_string(server.revision), cxx_version(server.newest_release),
            f"hierarchy_rule::{CXX_HIERARCHY.get(rules['hierarchy'].value, rules['hierarchy'].value)}", f"separator_rule::{rules['separators'].value}",
            f"registration_rule::{rules['registration'].value}", f"token_rule::{rules['token_request'].value}",
            f"endpoint_rule::{rules['endpoints'].value}", f"admin_rule::{rules['admin_scopes'].value}",
            f"version_rule::{rules['version_format'].value}",
            *exchange_fields(rules),
            f"instance_rule::{instance.value}", cxx_string(instance.mark), cxx_string(instance.injected),
            cxx_version(server.enforced_since),
            words(server.default_scopes), words(server.streaming),
            words(always) if server.words else "table::mastodon_scopes",
            words([n for n, _ in rules["hierarchy"].roots]),
            str(first_step), str(len(steps)), str(first_stand), str(len(stands)), str(first_sign), str(len(signs)),
            "fact_sources{" + ", ".join(cxx_string(t) for t in (
                rules["hierarchy"].source, rules["separators"].source, rules["registration"].source,
                rules["token_request"].source, rules["endpoints"].source, rules["admin_scopes"].source,
                rules["version_format"].source, instance.source,
                server.default_source, server.vocabulary_source or "data/scopes.yaml", server.enforced_source,
                server.streaming_source)) + "}",
        ]
        rows.append("    dialect{" + ",\n            ".join(fields) + "},")
    with open(TEMPLATE, encoding="utf-8") as f:
        return string.Template(f.read()).substitute(
            source=source,
            enumerators="\n".join(f"    {s.name}," for s in family.servers),
            software_count=len(family.servers),
            dialects="\n".join(rows),
            grant_rows="\n".join(grant_rows),
            step_count=len(steps), steps="\n".join(steps) or "",
            stand_count=len(stands), stands="\n".join(stands),
            sign_count=len(signs), signs="\n".join(signs),
            software_name_count=len(software), software_names="\n".join(software))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Generate mastoscope's server dialects from the server YAML.")
    parser.add_argument("input", help="the server data, e.g. data/servers.yaml")
    parser.add_argument("--scopes", required=True, help="the scope data, e.g. data/scopes.yaml")
    parser.add_argument("-o", "--output", required=True, help="the C++ header to write")
    args = parser.parse_args(argv)
    registry = loaded(args.scopes, scopes.load)
    family = registry and loaded(args.input, servers.load, registry)
    if family is None:
        return 1
    write_if_changed(args.output, render(registry, family, os.path.basename(args.input)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
