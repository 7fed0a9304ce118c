#!/usr/bin/env python3
"""Usage: reference_model.py SCOPECHECK SCOPES_YAML [--queries N] [--seed S]

An independent model of Mastodon's scope rules, read from data/scopes.yaml alone and written from
Mastodon's behaviour and scopecheck's contract (docs/cli.md), not from the C++; and a differential
test that asks scopecheck --json the same questions (list, grants, expand, normalize, validate,
authorize) over generated queries at several server versions and fails on any disagreement."""

import argparse
import json
import random
import re
import subprocess
import sys

import yaml


# --- versions (SemVer 2.0.0 precedence) -----------------------------------------------------------

def version_key(text):
    core, _, pre = str(text).partition("-")
    numbers = tuple(int(n) for n in core.split("."))
    if not pre:
        return numbers + ((1,),)  # a release sorts after its pre-releases
    ids = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split("."))
    return numbers + ((0,) + ids,)


# --- the model ------------------------------------------------------------------------------------

class Model:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f)
        self.default_scope = data["server"]["default_scope"]
        self.newest = str(data["server"]["newest_release"])
        self.order = [s["name"] for s in data["scopes"]]  # ids follow the file's order
        self.checks = {name: (str(c["from"]), str(c["until"]) if "until" in c else None)
                       for name, c in data["server"].get("checks", {}).items()}
        self.rank = {name: i for i, name in enumerate(self.order)}
        self.parents = {s["name"]: list(s.get("parents") or []) for s in data["scopes"]}
        self.added = {s["name"]: str(s["added"]) for s in data["scopes"]}
        self.removed = {s["name"]: str(s["removed"]) for s in data["scopes"] if s.get("removed")}
        self.deprecated = {}
        for s in data["scopes"]:
            d = s.get("deprecated")
            if d:
                self.deprecated[s["name"]] = str(d["version"] if isinstance(d, dict) else d)
        # what each scope grants: itself and every scope that has it as an ancestor
        self.grants_of = {name: {c for c in self.order if name in self.ancestors(c)} for name in self.order}

    def ancestors(self, name):
        seen, todo = set(), [name]
        while todo:
            s = todo.pop()
            if s not in seen:
                seen.add(s)
                todo.extend(self.parents[s])
        return seen

    def in_effect(self, check, v):
        start, end = self.checks.get(check, (None, None))
        k = version_key(v)
        return start is not None and version_key(start) <= k and not (end and version_key(end) <= k)

    def sort(self, names):
        return sorted(set(names), key=self.rank.__getitem__)

    def available(self, name, v):
        k = version_key(v)
        return version_key(self.added[name]) <= k and not (name in self.removed and version_key(self.removed[name]) <= k)

    def lists(self, v):
        """scopecheck list at v: (flags, the scopes in id order) for every scope, the deprecated, the removed."""
        k = version_key(v)
        have = [s for s in self.order if self.available(s, v)]
        return [([], have),
                (["--deprecated"], [s for s in have if s in self.deprecated and version_key(self.deprecated[s]) <= k]),
                (["--removed"], [s for s in self.order if s in self.removed and version_key(self.removed[s]) <= k])]

    def closure(self, written, v):
        granted = set()
        for s in written:
            granted |= self.grants_of[s]
        return {s for s in granted if self.available(s, v)}

    def normalize(self, written, v):
        granted = self.closure(written, v)
        return {x for x in granted if not any(y != x and x in self.grants_of[y] for y in granted)}

    # Mastodon's reading of a scope string (strict): runs of spaces separate; every other byte must be
    # printable ASCII; each token must be a scope the server version has.
    def read(self, text, v):
        """(scopes written, errors [(kind, column)], warnings [(kind, column)])"""
        errors, warnings, scopes, seen = [], [], [], set()
        i = 0
        raw = text.encode("utf-8", "surrogateescape")
        while i < len(raw):
            if raw[i] == 0x20:
                i += 1
                continue
            j = i
            while j < len(raw) and raw[j] != 0x20:
                j += 1
            token, column = raw[i:j], i + 1
            bad = next((k for k, b in enumerate(token) if b < 0x21 or b > 0x7E), None)
            name = token.decode("ascii") if bad is None else None
            if bad is not None:
                errors.append(("bad_character", column + bad))
            elif name not in self.rank:
                errors.append(("unknown_scope", column))
            elif version_key(v) < version_key(self.added[name]):
                errors.append(("not_yet_added", column))
            elif not self.available(name, v):
                errors.append(("removed", column))
            elif name in seen:
                warnings.append(("duplicate", column))
            else:
                seen.add(name)
                scopes.append(name)
                if name in self.deprecated and version_key(self.deprecated[name]) <= version_key(v):
                    warnings.append(("deprecated", column))
            i = j
        if not raw.strip(b" "):
            errors.append(("empty", 1))
        return scopes, errors, warnings

    # --- the answers of scopecheck's contract (docs/cli.md), as JSON objects ----------------------

    def parsed(self, text, v):
        scopes, errors, _ = self.read(text, v)
        return (None, {"error": {"kind": errors[0][0], "column": errors[0][1]}}) if errors else (scopes, None)

    def grants(self, granted, required, v):
        g, err = self.parsed(granted, v)
        r, err2 = self.parsed(required, v)
        if err or err2:
            return err or err2
        missing = set(r) - self.closure(g, v)
        return {"granted": not missing, "missing": self.sort(missing)}

    def expand(self, text, v):
        s, err = self.parsed(text, v)
        return err or {"scopes": self.sort(self.closure(s, v))}

    def normalize_answer(self, text, v):
        s, err = self.parsed(text, v)
        return err or {"scopes": self.sort(self.normalize(s, v))}

    def validate(self, text, v):
        scopes, errors, warnings = self.read(text, v)
        return {"valid": not errors, "scopes": self.sort(scopes), "errors": errors, "warnings": warnings}

    # Doorkeeper, as Mastodon runs it: REGISTERED is stored split on Ruby's whitespace (a name the
    # server lacks makes it an app that cannot exist: bad input); a blank REQUESTED is absent (the
    # default scope, if registered); authorization_code refuses a tab, CR or LF; each requested name
    # must be literally among the app's names (an app without names: the server's).
    WHITE_SPACE = set("\t\n\v\f\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | {chr(c) for c in range(0x2000, 0x200b)}

    def authorize(self, registered, requested, v):
        reg = list(dict.fromkeys(re.split(r"[ \t\n\v\f\r]+", registered.strip(" \t\n\v\f\r")))) if registered.strip(" \t\n\v\f\r") else []
        checked = self.in_effect("registration_checked", v)
        if checked and any(not (n in self.rank and self.available(n, v)) for n in reg):
            return {"error": "bad input"}
        refused = {"accepted": False, "covered_by_hierarchy": [], "scopes": []}
        if all(c in self.WHITE_SPACE for c in requested):
            if reg and self.default_scope not in reg:
                if self.in_effect("authorization_code_empty_token", v):
                    return {"accepted": True, "not_registered": [], "covered_by_hierarchy": [], "scopes": []}
                return dict(refused, not_registered=[self.default_scope])
            req = [self.default_scope]
        elif any(c in requested for c in "\t\r\n"):
            return dict(refused, not_registered=[])
        else:
            req = list(dict.fromkeys(re.split(r"[ \t\n\v\f\r]+", requested.strip(" \t\n\v\f\r"))))
        allowed = set(reg) if reg else {s for s in self.order if self.available(s, v)}
        missing = [n for n in req if n not in allowed]
        if missing:
            known = self.sort([n for n in missing if n in self.rank])
            return dict(refused, not_registered=known + [n for n in missing if n not in self.rank],
                        covered_by_hierarchy=self.sort(set(known) & self.closure([n for n in reg if n in self.rank], v)))
        return {"accepted": True, "not_registered": [], "covered_by_hierarchy": [], "scopes": req}


# --- what scopecheck says, reduced to what the model predicts --------------------------------------

def reduce(command, answer):
    if "error" in answer and isinstance(answer["error"], dict):
        if command == "authorize":
            return {"error": "bad input"}
        return {"error": {"kind": answer["error"]["kind"], "column": answer["error"]["column"]}}
    if command == "validate":
        return {"valid": answer["valid"], "scopes": answer["scopes"],
                "errors": [(e["kind"], e["column"]) for e in answer["errors"]],
                "warnings": [(w["kind"], w["column"]) for w in answer["warnings"]]}
    if command == "authorize":
        return {k: answer[k] for k in ("accepted", "not_registered", "covered_by_hierarchy", "scopes")}
    return {k: v for k, v in answer.items() if k != "input"}


def ask(scopecheck, version, command, args, lines):
    """Runs one batch: ARGS has '-' where each line goes; returns one JSON object per line."""
    result = subprocess.run([scopecheck, "--json", "--server-version", version, command] + args,
                            input="\n".join(lines).encode("utf-8", "surrogateescape") + b"\n",
                            capture_output=True, timeout=120, check=False)
    answers = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    if len(answers) != len(lines):
        raise SystemExit(f"scopecheck {command} {args} answered {len(answers)} lines for {len(lines)}:\n"
                         + result.stderr.decode("utf-8", "replace")[-2000:])
    return answers


# --- generated queries ------------------------------------------------------------------------------

class Queries:
    def __init__(self, model, rng):
        self.model, self.rng = model, rng
        self.odd = ["raed", "READ", "read:", ":read", "read:me", "*", "write:statuses:", "admin", "follows",
                    "re\tad", "r\u0435ad", "read,write", "%20"]

    def string(self, blank_ok=False):
        rng = self.rng
        if blank_ok and rng.random() < 0.08:
            return rng.choice(["", " ", "   "])
        names = [rng.choice(self.model.order) for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 6]))]
        if rng.random() < 0.1:
            names[rng.randrange(len(names))] = rng.choice(self.odd)
        if rng.random() < 0.1:
            names.append(rng.choice(names))  # a duplicate
        return (" " * rng.choice([0, 0, 0, 1])) + (" " * rng.choice([1, 1, 1, 2])).join(names) + " " * rng.choice([0, 0, 1])


def differential(scopecheck, model, total, seed):
    rng = random.Random(seed)
    q = Queries(model, rng)
    versions = [model.newest, "4.2.0", "3.5.0", "2.9.0", "4.3.0-rc.1"]
    per_version = total // (5 * len(versions)) + 1
    asked, disagreements = 0, []

    def compare(command, version, args, lines, expect):
        nonlocal asked
        for line, answer in zip(lines, ask(scopecheck, version, command, args, lines)):
            asked += 1
            want, got = expect(line), reduce(command, answer)
            got = json.loads(json.dumps(got))
            want = json.loads(json.dumps(want))
            if want != got:
                disagreements.append(f"{command} {args} at {version}, line {line!r}:\n  model      {want}\n  scopecheck {got}")

    for v in versions:
        for flags, want in model.lists(v):  # the scopes a version has: their number and names, from the YAML
            result = subprocess.run([scopecheck, "--json", "--server-version", v, "list"] + flags,
                                    capture_output=True, text=True, timeout=60, check=False)
            asked += 1
            got = json.loads(result.stdout)["scopes"] if result.returncode == 0 else result.stderr
            if got != want:
                disagreements.append(f"list {flags} at {v}:\n  model      {want}\n  scopecheck {got}")
        for _ in range(10):  # grants: ten REQUIRED strings, a batch of GRANTED lines each
            required = q.string()
            lines = [q.string() for _ in range(per_version // 10)]
            compare("grants", v, ["-", required], lines, lambda g, r=required, v=v: model.grants(g, r, v))
        for command, expect in (("expand", model.expand), ("normalize", model.normalize_answer), ("validate", model.validate)):
            lines = [q.string() for _ in range(per_version)]
            compare(command, v, ["-"], lines, lambda t, v=v, e=expect: e(t, v))
        for _ in range(10):  # authorize: ten REGISTERED strings (some blank), a batch of REQUESTED lines each
            registered = q.string(blank_ok=True)
            lines = [q.string(blank_ok=True) for _ in range(per_version // 10)]
            compare("authorize", v, [registered, "-"], lines, lambda r, g=registered, v=v: model.authorize(g, r, v))
    return asked, disagreements


def main():
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument("scopecheck")
    parser.add_argument("scopes_yaml")
    parser.add_argument("--queries", type=int, default=12000)
    parser.add_argument("--seed", type=int, default=20261122)
    args = parser.parse_args()
    asked, disagreements = differential(args.scopecheck, Model(args.scopes_yaml), args.queries, args.seed)
    for d in disagreements[:20]:
        print(d)
    print(f"{asked} queries, {len(disagreements)} disagreements")
    return 1 if disagreements or asked < args.queries else 0


if __name__ == "__main__":
    sys.exit(main())
