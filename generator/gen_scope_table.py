#!/usr/bin/env python3
# Command line: data/scopes.yaml -> the constexpr C++ tables (scope_table.hpp), via scopes.py and the template.
# docs/design.md has the flow; docs/data.md the schema.
"""Usage: gen_scope_table.py INPUT.yaml [--servers SERVERS.yaml] -o OUTPUT.hpp [--abi ABI.hpp] [--limits LIMITS.hpp]

Validates INPUT.yaml (errors as INPUT.yaml:LINE:COL: error: ..., exit status 1) and writes the C++
header from scope_table.hpp.in. With --servers, the names only other servers define (validated the
same way) follow Mastodon's in the scope enum. With --abi it writes the namespace header from
abi.hpp.in: the library's namespace named for the SHA-256 of the data files. Output files are left
untouched when their content would not change. With --limits it writes the types' limits
(generator/limits.py) from limits.hpp.in.
"""

import argparse
import hashlib
import os
import string
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import limits  # noqa: E402
import scopes  # noqa: E402
import servers  # noqa: E402
from cxx import cxx_string, cxx_version, cxx_words, write_if_changed  # noqa: E402
from yaml_nodes import loaded  # noqa: E402

TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scope_table.hpp.in")
ABI_TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "abi.hpp.in")
LIMITS_TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "limits.hpp.in")


def rows(items, comments=None):
    lines = [f"    {item}," for item in items]
    if comments:
        lines = [f"{line:<48} // {c}" if len(line) < 48 else f"{line} // {c}" for line, c in zip(lines, comments)]
    return "\n".join(lines)


FNV_PRIME = 0x01000193  # 32-bit FNV-1a; emitted as hash_prime, which every C++ hash of a name uses


def perfect_hash(names):
    """A seed for 32-bit FNV-1a whose top `bits` bits give every name its own slot of 2**bits."""
    bits = max(6, (4 * len(names) - 1).bit_length())  # about four slots per name
    for seed in range(1, 1 << 24):
        slots = {}
        for i, name in enumerate(names):
            h = seed
            for byte in name.encode():
                h = ((h ^ byte) * FNV_PRIME) & 0xFFFFFFFF
            slot = h >> (32 - bits)
            if slot in slots:
                break
            slots[slot] = i
        else:
            return seed, bits, slots
    raise RuntimeError("no perfect-hash seed found")


def with_foreign(registry, family):
    """Mastodon's scopes, then the names only other servers define: no parents, no Mastodon history."""
    by_server = {name: [s.display_name for s in family.servers if name in {w.name for w in s.words}]
                 for name in family.foreign}
    extra = []
    for name in family.foreign:
        i = len(registry.scopes) + len(extra)
        extra.append(scopes.Scope(name=name, id=i, node=None, parent_nodes=[], added=None, closure={i},
                                  implied_by={i}, description="Not a Mastodon scope; defined by " +
                                  ", ".join(by_server[name]) + "."))
    return registry.scopes + extra


def render(registry, source, all_scopes):
    count = len(all_scopes)
    word_count = (count + 63) // 64
    names = [s.name for s in all_scopes]

    def per_scope(fn, comment=True):
        return rows([fn(s) for s in all_scopes], names if comment else None)

    ref_offsets, refs = [0], []
    for s in all_scopes:
        refs.extend(s.refs)
        ref_offsets.append(len(refs))
    mistaken = sorted((m, s.identifier) for s in all_scopes for m, _ in s.mistaken_names)
    seed, bits, slots = perfect_hash(names)
    values = {
        "source": source,
        "underlying": "std::uint8_t" if count <= 256 else "std::uint16_t",
        "enumerators": rows(f"{s.identifier} = {s.id}" for s in all_scopes),
        "scope_count": count,
        "word_count": word_count,
        "names": rows(cxx_string(n) for n in names),
        "parents": per_scope(lambda s: cxx_words(s.parents, word_count)),
        "children": per_scope(lambda s: cxx_words(s.children, word_count)),
        "closure": per_scope(lambda s: cxx_words(s.closure, word_count)),
        "implied_by": per_scope(lambda s: cxx_words(s.implied_by, word_count)),
        "added": per_scope(lambda s: cxx_version(s.added)),
        "deprecated": per_scope(lambda s: cxx_version(s.deprecated)),
        "removed": per_scope(lambda s: cxx_version(s.removed)),
        # The words that hold every scope with a parent or a child: past them, a scope grants only itself.
        "hierarchy_word_count": max([1] + [(s.id + 64) // 64 for s in all_scopes if s.parents or s.children]),
        "mastodon_count": len(registry.scopes),
        "mastodon_scopes": cxx_words(range(len(registry.scopes)), word_count),
        "version_texts": per_scope(lambda s: "version_text{" + ", ".join(
            cxx_string(str(v) if v else "") for v in (s.added, s.deprecated, s.removed)) + "}"),
        "deprecation_notes": per_scope(lambda s: cxx_string(s.deprecation_note), comment=False),
        "descriptions": per_scope(lambda s: cxx_string(s.description), comment=False),
        "hash_seed": f"0x{seed:08x}u",
        "hash_prime": f"0x{FNV_PRIME:08x}u",
        "hash_bits": bits,
        "hash_slots": ", ".join(str(slots.get(i, -1)) for i in range(1 << bits)),
        "ref_count": len(refs),
        "ref_numbers": ", ".join(str(r) for r in refs),
        "ref_offsets": ", ".join(str(o) for o in ref_offsets),
        "mistaken_count": len(mistaken),
        "mistaken_names": rows(f"name_entry{{{cxx_string(m)}, scope::{ident}}}" for m, ident in mistaken),
        "default_scope": registry.default_scope.identifier,
        "newest_release": cxx_version(registry.newest_release),
        "revision": cxx_string(registry.revision),
        "checks": "\n".join(f"// {c.source}\ninline constexpr version_span {c.name}{{{cxx_version(c.start)}, "
                            f"{cxx_version(c.end)}}};" for c in registry.checks),
    }
    # The intervals between version events: from each event (oldest first) up to the next, which scopes
    # a server has and which of those are deprecated. Before the first event a server has none.
    mastodon = registry.scopes
    events = sorted({v for s in mastodon for v in (s.added, s.deprecated, s.removed) if v is not None})
    def at(v):
        have = [s for s in mastodon if s.added <= v and not (s.removed and s.removed <= v)]
        return have, [s for s in have if s.deprecated and s.deprecated <= v]
    values["event_count"] = len(events)
    values["event_masks"] = rows(
        f"version_masks{{{cxx_version(v)}, {cxx_words([s.id for s in at(v)[0]], word_count)}, "
        f"{cxx_words([s.id for s in at(v)[1]], word_count)}}}" for v in events)
    with open(TEMPLATE, encoding="utf-8") as f:
        return string.Template(f.read()).substitute(values)


def render_abi(paths):
    """The namespace header: the data's digest, so that every revision of the data has its own symbols."""
    digest = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as f:
            digest.update(f.read())
    with open(ABI_TEMPLATE, encoding="utf-8") as f:
        return string.Template(f.read()).substitute(source=" and ".join(os.path.basename(p) for p in paths),
                                                    digest=digest.hexdigest()[:16])


def main(argv=None):
    parser = argparse.ArgumentParser(description="Generate mastoscope's scope tables from the scope YAML.")
    parser.add_argument("input", help="the scope data, e.g. data/scopes.yaml")
    parser.add_argument("--servers", help="the other servers' data, e.g. data/servers.yaml")
    parser.add_argument("-o", "--output", required=True, help="the C++ header to write")
    parser.add_argument("--abi", help="the namespace header to write (abi.hpp)")
    parser.add_argument("--limits", help="the limits header to write (limits.hpp)")
    args = parser.parse_args(argv)
    registry = loaded(args.input, scopes.load)
    family = registry and (loaded(args.servers, servers.load, registry) if args.servers else servers.Family([], []))
    if family is None:
        return 1
    all_scopes = with_foreign(registry, family)
    write_if_changed(args.output, render(registry, os.path.basename(args.input), all_scopes))
    if args.abi:
        write_if_changed(args.abi, render_abi([args.input] + ([args.servers] if args.servers else [])))
    if args.limits:
        with open(LIMITS_TEMPLATE, encoding="utf-8") as f:
            write_if_changed(args.limits, string.Template(f.read()).substitute(
                max_pre_release=limits.MAX_PRE_RELEASE, max_build_metadata=limits.MAX_BUILD_METADATA,
                max_scope_string=limits.MAX_SCOPE_STRING))
    return 0


if __name__ == "__main__":
    sys.exit(main())
