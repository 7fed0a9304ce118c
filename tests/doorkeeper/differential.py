#!/usr/bin/env python3
"""Differential test: the REAL Doorkeeper gem (through doorkeeper_oracle.rb) against mastoscope, both
scopecheck --json and the library itself (library_answers.cpp, the public C++ API).

    differential.py SCOPECHECK SCOPES_YAML ORACLE_RB [--library LIBRARY_ANSWERS] [--strings N] [--pairs N]
                    [--seed S] [--ruby RUBY]

Both sides get the same generated questions, all from a fixed seed:

* validate  oracle {"op":"validate"} (ScopeChecker.valid?, no app scopes) against
            `scopecheck --json validate -`, plain and query-encoded (`--mode query`, form-encoded text;
            the oracle gets the decoded string);
* register  oracle {"op":"register"} (POST /api/v1/apps) against `scopecheck --json register -`,
            plain and query-encoded; accepted and the stored list of names must agree;
* authorize oracle {"op":"authorize"} against `scopecheck --json authorize --grant-type G R -`
            (registered fixed, requested per line) and `... G - Q` (requested fixed, registered per
            line), both grant types; accepted and the token's scopes must agree, a registration
            Doorkeeper refuses must be bad input for scopecheck.

The scope names, versions and the default scope come from data/scopes.yaml; the oracle's server
scopes are configured from it at the version asked (default: the default scope, optional: all
others available at that version). The main comparison runs at scopecheck's default version (the
newest release) against Debian's Doorkeeper 5.5, except the one case in which Doorkeeper 5.5 and
5.9.6 (Mastodon's pin) differ: client_credentials, no or blank scope parameter, an app with scopes
but without the default scope. Those pairs are only checked at the newest version to be refused
(as 5.6+ refuses them, invalid_scope), and a separate set of such pairs, from scopes that exist at
both versions, is compared in full against `scopecheck --server-version 3.5.0`, where mastoscope
models Doorkeeper 5.5, with the oracle configured for 3.5.0.

With --library, the library is asked the same questions through library_answers.cpp (JSON Lines, see
its header) and compared with Doorkeeper's answers by the same rules, counted separately:
* validate  mastoscope::parse in strict mode (the plain string) and in query mode (the same
            form-encoded text scopecheck gets), at the newest version;
* register  mastodon::register_app, plain only (the library has no URL decoding outside parse());
* authorize mastodon::register_app then mastodon::authorize, plain, both grant types, every pair
            (also those with LF or NUL that scopecheck cannot take), with an absent scope parameter
            passed as nullopt; the 5.5-vs-5.9.6 class as above, at 3.5.0.
Only parse() has a max_length, so too_long is allowed for the library's validate answers only.

Disagreements that are documented as intended (allowed):
  vt_ff        validate: scopecheck refuses \\v or \\f (0x0B, 0x0C), which Doorkeeper splits on
  too_long     the text scopecheck reads is longer than its max_length (64 KiB, read from scopecheck); it refuses
  invalid_utf8 the input is not UTF-8: Doorkeeper raises and Rails answers 400 before it runs;
               scopecheck must refuse too
  both_refuse  both refuse, differently (scopecheck bad input where Doorkeeper answers 422, another
               error name, ...)
Never allowed (the test fails): scopecheck accepts what Doorkeeper refuses (looser); both accept
with different scopes (different_sets); scopecheck refuses what Doorkeeper accepts for any other
reason (stricter_other); at the newest version scopecheck accepts a pair of the 5.5-vs-5.9.6 class
(newest_not_5_9_6). Each failing class is printed with up to 20 examples, inputs in hex.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

import yaml

MAX_LENGTH = None  # scopecheck's limit on a scope string, as it reports it (main asks it)
ALLOWED = ("vt_ff", "too_long", "invalid_utf8", "both_refuse")
FAILING = ("looser", "different_sets", "stricter_other", "newest_not_5_9_6", "protocol")
EXAMPLES = 20

# Ruby's [[:space:]] on a UTF-8 string (Onigmo: the Unicode White_Space property), which is what
# ActiveSupport's String#blank? (/\A[[:space:]]*\z/) and so Doorkeeper's `.present?` use.
RUBY_SPACE = set([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F,
                  0x205F, 0x3000] + list(range(0x2000, 0x200B)))
UNICODE_SPACES = [0x00A0, 0x0085, 0x1680] + list(range(0x2000, 0x200B)) + [0x2028, 0x2029, 0x202F,
                                                                            0x205F, 0x3000]
UNICODE_NON_SPACES = [0x200B, 0xFEFF, 0x180E, 0x2060, 0x200C, 0x200D]
CONTROLS = list(range(0x00, 0x20)) + [0x7F]
INVALID_UTF8 = [b"\x80", b"\xff", b"\xfe", b"\xc0\xaf", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80",
                b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xc3\x28", b"\xe3\x80", b"\xa0"]
HOMOGLYPHS = ["r\u0435ad", "\uff52\uff45\uff41\uff44", "wr\u0456te", "f\u043ellow", "read\u0301"]


# --------------------------------------------------------------------------------------- data
def parse_version(text):
    text = str(text).split("+", 1)[0]
    core, _, pre = text.partition("-")
    nums = tuple(int(x) for x in core.split("."))
    if not pre:
        return nums + ((1,),)
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split("."))
    return nums + ((0,) + parts,)


def version_of(entry, key):
    value = entry.get(key)
    if isinstance(value, dict):
        value = value.get("version")
    return value


class Scopes:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f)
        self.default = data["server"]["default_scope"]
        self.newest = str(data["server"]["newest_release"])
        self.entries = data["scopes"]
        self.all_names = [e["name"] for e in self.entries]
        self.mistaken = sorted({m for e in self.entries for m in e.get("mistaken_names", []) or []})

    def available(self, version):
        v = parse_version(version)
        out = []
        for e in self.entries:
            if parse_version(e["added"]) > v:
                continue
            removed = version_of(e, "removed")
            if removed is not None and parse_version(removed) <= v:
                continue
            out.append(e["name"])
        return out

    def removed_by(self, version):
        avail = set(self.available(version))
        return [n for n in self.all_names if n not in avail]

    def children(self, name):
        return [e["name"] for e in self.entries if name in (e.get("parents") or [])]


# ------------------------------------------------------------------------------ generation
def u(cp):
    return chr(cp).encode("utf-8")


class Gen:
    def __init__(self, rng, scopes, version):
        self.r = rng
        self.sc = scopes
        self.names = [n.encode() for n in scopes.available(version)]
        self.removed = [n.encode() for n in scopes.removed_by(version)]
        self.mistaken = [n.encode() for n in scopes.mistaken]

    # one near-miss of a real name
    def near_miss(self):
        r = self.r
        n = r.choice(self.names).decode()
        k = r.randrange(14)
        if k == 0:
            return n.upper().encode()
        if k == 1:
            return n.capitalize().encode()
        if k == 2:
            return "".join(c.upper() if r.random() < 0.5 else c for c in n).encode()
        if k == 3 and len(n) > 1:
            i = r.randrange(len(n))
            return (n[:i] + n[i + 1:]).encode()
        if k == 4 and len(n) > 1:
            i = r.randrange(len(n) - 1)
            return (n[:i] + n[i + 1] + n[i] + n[i + 2:]).encode()
        if k == 5:
            i = r.randrange(len(n) + 1)
            return (n[:i] + r.choice("abcdefghijklmnopqrstuvwxyz:_-.") + n[i:]).encode()
        if k == 6:
            i = r.randrange(len(n))
            return (n[:i] + r.choice("aeiorstx:_") + n[i + 1:]).encode()
        if k == 7:
            return r.choice([b"read:", b"write:", b"admin", b"admin:", b"read:me", b":read", b"read::statuses",
                             b"admin:read:", b"*", b"read:*", b"admin:*", b"read:status", b"write:statuse",
                             b"follows", b"reads", b"scope", b"openid", b"email", b"profile:read", b"admin:read:account",
                             b"push:read", b"read:admin", b"read write", b":", b"::", b"-", b"--", b"read=", b"scope=read"])
        if k == 8 and self.mistaken:
            return r.choice(self.mistaken)
        if k == 9 and self.removed:
            return r.choice(self.removed)
        if k == 10:
            return (n + r.choice([":", "s", ":read", ":*", "/", "\\", "\"", "'", "=", "#", "&"])).encode()
        if k == 11:
            return r.choice(HOMOGLYPHS).encode()
        if k == 12:
            return r.choice([b"read+write", b"read%20write", b"read%2Bwrite", b"%72ead", b"read%", b"read%2",
                             b"read%zz", b"read+", b"+read", b"%20", b"%", b"+", b"read%0Awrite", b"read%00"])
        return r.choice([b"read,write", b"read,", b",read", b",", b"read;write", b"read|write", n.encode() + b","])

    def corrupt(self, tok):
        """Puts a control byte, a Unicode character or an invalid UTF-8 sequence into a token."""
        r = self.r
        k = r.randrange(3)
        if k == 0:
            ins = bytes([r.choice(CONTROLS)])
        elif k == 1:
            ins = u(r.choice(UNICODE_SPACES + UNICODE_NON_SPACES + [0xE9, 0x130, 0x212A, 0x17F]))
        else:
            ins = r.choice(INVALID_UTF8)
        i = r.randrange(len(tok) + 1)
        return tok[:i] + ins + tok[i:]

    def token(self):
        r = self.r
        x = r.random()
        if x < 0.55:
            return r.choice(self.names)
        if x < 0.85:
            return self.near_miss()
        return self.corrupt(r.choice(self.names))

    def separator(self):
        r = self.r
        x = r.random()
        if x < 0.55:
            return b" "
        if x < 0.65:
            return b" " * r.randint(2, 4)
        if x < 0.80:
            return bytes([r.choice(CONTROLS)])
        if x < 0.90:
            return u(r.choice(UNICODE_SPACES + UNICODE_NON_SPACES))
        return r.choice([b",", b", ", b"+", b"%20", b"\t", b"\r\n", b" \t ", b"%2B", b"%09", b" ,"])

    def blank(self):
        r = self.r
        parts = []
        for _ in range(r.randint(0, 4)):
            x = r.random()
            if x < 0.4:
                parts.append(b" ")
            elif x < 0.6:
                parts.append(r.choice([b"\t", b"\x0b", b"\x0c", b"\r", b"\n", b"\x1c", b"\x1f", b"\x00"]))
            else:
                parts.append(u(r.choice(UNICODE_SPACES + UNICODE_NON_SPACES)))
        return b"".join(parts)

    def valid_list(self, names=None, lo=1, hi=6):
        r = self.r
        names = names or self.names
        toks = [r.choice(names) for _ in range(r.randint(lo, hi))]
        return self.join(toks, plain=r.random() < 0.7)

    def join(self, toks, plain):
        r = self.r
        out = b""
        if not plain and r.random() < 0.2:
            out += r.choice([b" ", b"  ", b"\t"])
        for i, t in enumerate(toks):
            if i:
                out += b" " if plain or r.random() < 0.6 else b" " * r.randint(2, 3)
            out += t
        if not plain and r.random() < 0.2:
            out += r.choice([b" ", b"  "])
        return out

    def mixed(self):
        r = self.r
        n = r.randint(1, 5)
        out = self.separator() if r.random() < 0.15 else b""
        for i in range(n):
            if i:
                out += self.separator()
            out += self.token()
        if r.random() < 0.15:
            out += self.separator()
        return out

    def invalid_utf8(self):
        r = self.r
        base = self.valid_list()
        i = r.randrange(len(base) + 1)
        return base[:i] + r.choice(INVALID_UTF8) + base[i:]

    def string(self):
        x = self.r.random()
        if x < 0.25:
            return self.valid_list()
        if x < 0.75:
            return self.mixed()
        if x < 0.83:
            return self.blank()
        if x < 0.90:
            return self.invalid_utf8()
        # a token with a random byte anywhere
        t = bytearray(self.valid_list(hi=3))
        t[self.r.randrange(len(t))] = self.r.randrange(256)
        return bytes(t)


def coverage_strings(gen):
    """Every control byte and Unicode (non-)space as separator, inside a token, alone, at the ends."""
    out = []
    specials = [bytes([c]) for c in CONTROLS] + [u(c) for c in UNICODE_SPACES + UNICODE_NON_SPACES]
    specials += INVALID_UTF8 + [b"+", b"%20", b"%2B", b"%2b", b"%0A", b"%00", b",", b", ", b"%", b"%zz"]
    for s in specials:
        for t in (b"read" + s + b"write", s + b"read", b"read" + s, b"re" + s + b"ad", s, s + s,
                  b"read write" + s + b"read:statuses", b"read " + s + b" write", b" " + s + b" ",
                  b"admin:read" + s + b"accounts", b"read:" + s + b"statuses"):
            out.append(t)
    for n in gen.names + gen.removed + gen.mistaken + [b"", b" ", b"admin", b"read:me", b"read:"]:
        out.append(n)
        out.append(n.upper())
    return out


def long_strings(gen):
    """Valid (and not) lists of lengths just under, at and over max_length."""
    r = gen.r
    out = []
    for target in (MAX_LENGTH - 100, MAX_LENGTH - 5, MAX_LENGTH - 2, MAX_LENGTH - 1, MAX_LENGTH,
                   MAX_LENGTH + 1, MAX_LENGTH + 2, MAX_LENGTH + 10, MAX_LENGTH + 1000, 2 * MAX_LENGTH):
        # real names, single spaces, padded to exactly `target` bytes with extra spaces between names
        toks = []
        while sum(len(t) + 1 for t in toks) + 40 < target:
            toks.append(r.choice(gen.names))
        s = b" ".join(toks)
        s = s + b" " * (target - len(s) - 4) + b"read"
        assert len(s) == target
        out.append(s)
        out.append(s[:-4] + b"raed")                              # one unknown name at the end
        out.append(b"r" * target)                                 # one long unknown token
        out.append(b"read" + b" " * (target - 4))                 # trailing blanks
        out.append(b"read " * ((target - 4) // 5) + b"read"[: 4 + (target - 4) % 5 - (target - 4) % 5]
                   + b" " * ((target - 4) % 5))                   # the same name again and again
    return out


def form_encode(rng, s):
    """An application/x-www-form-urlencoded value for bytes s, sometimes leaving safe chars raw."""
    raw_safe = rng.random() < 0.5
    lower = rng.random() < 0.2
    out = []
    for b in s:
        c = chr(b)
        if b == 0x20:
            out.append("+" if rng.random() < 0.9 else "%20")
        elif c.isascii() and (c.isalnum() or c in "-._*"):
            out.append(c)
        elif raw_safe and c in ":~!$'(),;/?@" and rng.random() < 0.7:
            out.append(c)
        else:
            h = "%%%02X" % b
            out.append(h.lower() if lower else h)
    return "".join(out).encode("ascii")


# ------------------------------------------------------------------------------ running
def hexs(b, limit=96):
    if b is None:
        return "null"
    h = b.hex()
    if len(h) > 2 * limit:
        return "%s...(%d bytes)" % (h[: 2 * limit], len(b))
    return h or '""'


def oracle_str(b):
    return {"hex": b.hex()}


def utf8_ok(b):
    try:
        b.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def dk_broken(dk):
    """Doorkeeper raised, or the input is not UTF-8 (Rails answers 400 before Doorkeeper runs)."""
    return dk.get("raised_in") == "doorkeeper" or "rails" in dk


def ruby_blank(b):
    if b is None:
        return True
    try:
        t = b.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(ord(c) in RUBY_SPACE for c in t)


def run_oracle(ruby, oracle, requests):
    data = "".join(json.dumps(q, separators=(",", ":")) + "\n" for q in requests).encode()
    p = subprocess.run([ruby, oracle], input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    lines = p.stdout.decode("utf-8").split("\n")  # not splitlines(): U+2028, U+0085 may be in answers
    if lines and lines[-1] == "":
        lines.pop()
    if p.returncode != 0 or len(lines) != len(requests):
        sys.exit("oracle failed (exit %d, %d answers for %d questions): %s"
                 % (p.returncode, len(lines), len(requests), p.stderr.decode(errors="replace")[-2000:]))
    answers = [json.loads(x) for x in lines]
    bad = [(q, a) for q, a in zip(requests, answers) if a.get("bad_request")]
    if bad:
        sys.exit("oracle refused %d questions as malformed, e.g. %r -> %r" % (len(bad), bad[0][0], bad[0][1]))
    return answers


def one_line(s):
    """Can s travel as one line of batch input: no LF, and no CR at its end (CRLF ends a line)?"""
    return b"\n" not in s and not s.endswith(b"\r")


def run_batch(argv, inputs):
    """One scopecheck process; inputs are bytes without \\n; one JSON answer per input."""
    for s in inputs:
        assert one_line(s), s
    data = b"".join(s + b"\n" for s in inputs)
    p = subprocess.run(argv, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    lines = p.stdout.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    if len(lines) != len(inputs) or p.returncode not in (0, 1, 2):
        sys.exit("scopecheck %r: %d answers for %d lines (exit %d): %s"
                 % (argv[1:], len(lines), len(inputs), p.returncode, p.stderr.decode(errors="replace")[-2000:]))
    return [json.loads(x) for x in lines]


def run_library(program, requests):
    """One library_answers process: JSON Lines in, one JSON answer per question."""
    data = "".join(json.dumps(q, separators=(",", ":")) + "\n" for q in requests).encode()
    p = subprocess.run([program], input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    lines = p.stdout.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    if p.returncode != 0 or len(lines) != len(requests):
        sys.exit("library_answers failed (exit %d, %d answers for %d questions): %s %s"
                 % (p.returncode, len(lines), len(requests), p.stderr.decode(errors="replace")[-2000:],
                    next((x.decode(errors="replace") for x in lines if b"bad_request" in x), "")))
    return [json.loads(x) for x in lines]


def library_authorize(a):
    """The library's authorize answer in scopecheck's shape: a refused registration is bad input."""
    if a.get("registered") is False:
        return {"error": {"kind": "registration_refused", "status": a.get("status"), "message": a.get("error")}}
    return a


def run_single(argv):
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    try:
        return json.loads(p.stdout)
    except ValueError:
        sys.exit("scopecheck %r: no JSON answer (exit %d): %s" % (argv[1:], p.returncode, p.stderr.decode(errors="replace")))


def argv_ok(s):
    return b"\x00" not in s and s != b"-"


# ------------------------------------------------------------------------------ comparison
class Report:
    def __init__(self, side="scopecheck"):
        self.side = side  # who answered: "scopecheck" or "library", in the examples
        self.questions = 0
        self.by_class = Counter()
        self.examples = defaultdict(list)
        self.by_kind = Counter()
        self.info = Counter()
        self.both_accept = Counter()
        self.pending_vt_ff = []  # validate answers to re-ask with \v and \f turned into spaces

    def add(self, cls, kind, detail, sc_accept=False):
        self.questions += 1
        self.by_kind[kind] += 1
        if cls is None and sc_accept:
            self.both_accept[kind] += 1
        if cls is None:
            return
        self.by_class[cls] += 1
        if len(self.examples[cls]) < EXAMPLES:
            self.examples[cls].append("%s: %s" % (kind, detail))

    def failed(self):
        return sum(self.by_class[c] for c in FAILING)


def classify(dk_accept, dk_broken, dk_value, sc_accept, sc_value, too_long, vtff=False):
    """dk_broken: Doorkeeper raised or Rails answers 400 (input not UTF-8)."""
    dk_ok = dk_accept and not dk_broken
    if sc_accept and dk_ok:
        return None if sc_value == dk_value else "different_sets"
    if sc_accept:
        return "looser"
    if dk_broken:
        return "invalid_utf8"
    if not dk_ok:
        return None
    if too_long:
        return "too_long"
    if vtff:
        return "vt_ff"
    return "stricter_other"


def short(obj):
    text = json.dumps(obj, ensure_ascii=True, separators=(",", ":"))
    return text if len(text) <= 400 else text[:400] + "..."


def compare_validate(rep, kind, s, sent, dk, sc):
    broken = dk_broken(dk)
    sc_bad = "error" in sc and isinstance(sc["error"], dict)
    sc_accept = bool(sc.get("valid")) and not sc_bad
    cls = classify(bool(dk.get("valid")), broken, sorted(dk.get("parsed") or []),
                   sc_accept, sorted(sc.get("scopes") or []),
                   len(sent) > MAX_LENGTH or len(s) > MAX_LENGTH, b"\x0b" in s or b"\x0c" in s)
    detail = "input %s%s | doorkeeper %s | %s %s" % (
        hexs(s), "" if sent == s else " (sent %s)" % hexs(sent), short(dk), rep.side, short(sc))
    if cls == "vt_ff":
        rep.pending_vt_ff.append((kind, s, sorted(dk.get("parsed") or []), detail))
    else:
        rep.add(cls, kind, detail, sc_accept)


def compare_register(rep, kind, s, sent, dk, sc, limited=True):
    """limited: the side has max_length (scopecheck); the library's register_app has none."""
    broken = dk_broken(dk)
    sc_bad = "error" in sc and isinstance(sc["error"], dict)
    sc_accept = bool(sc.get("accepted")) and not sc_bad
    dk_stored = dk.get("stored_scopes") if isinstance(dk.get("stored_scopes"), list) else None
    cls = classify(bool(dk.get("accepted")), broken, dk_stored, sc_accept, sc.get("stored"),
                   limited and (len(sent) > MAX_LENGTH or len(s) > MAX_LENGTH))
    if cls is None and not sc_accept and not broken and (sc_bad or sc.get("status") != 422):
        cls = "both_refuse"
    rep.add(cls, kind, "input %s%s | doorkeeper %s | %s %s"
            % (hexs(s), "" if sent == s else " (sent %s)" % hexs(sent), short(dk), rep.side, short(sc)), sc_accept)


def cc_5_9_6_class(grant, requested, dk):
    """Doorkeeper 5.5 and 5.9.6 differ: client_credentials, no/blank scope, app with scopes, no default."""
    if grant != "client_credentials" or not ruby_blank(requested) or dk_broken(dk):
        return False
    if dk.get("registered") is False:
        return False
    app = (dk.get("app_scopes") or "")
    return isinstance(app, str) and app.split() != [] and "read" not in app.split(" ")


def compare_authorize(rep, kind, grant, reg, req_sc, req_dk, dk, sc, default, newest_class_check, limited=True):
    """limited: the side has max_length (scopecheck); the library's register_app and authorize have none."""
    detail = "registered %s requested %s%s | doorkeeper %s | %s %s" % (
        hexs(reg), hexs(req_dk), " (%s: %s)" % (rep.side, hexs(req_sc)) if req_dk != req_sc else "", short(dk),
        rep.side, short(sc))
    sc_bad = "error" in sc and isinstance(sc["error"], dict)
    sc_accept = bool(sc.get("accepted")) and not sc_bad
    too_long = limited and (len(reg) > MAX_LENGTH or len(req_sc) > MAX_LENGTH)
    if newest_class_check and cc_5_9_6_class(grant, req_dk, dk):
        # Doorkeeper 5.5 issues a token without scopes; 5.6+ (Mastodon >= 4.0.0) answers invalid_scope.
        rep.info["5.5-vs-5.9.6 pairs at newest (checked refused, compared at 3.5.0 instead)"] += 1
        rep.add("newest_not_5_9_6" if sc_accept else None, kind, detail, sc_accept)
        return
    if dk.get("registered") is False:
        broken = dk_broken(dk)
        if sc_accept:
            cls = "looser"
        elif broken:
            cls = "invalid_utf8"
        else:
            cls = None if sc_bad else "both_refuse"
        rep.add(cls, kind, detail, sc_accept)
        return
    broken = dk_broken(dk)
    cls = classify(bool(dk.get("accepted")), broken, dk.get("token_scopes"), sc_accept, sc.get("scopes"), too_long)
    if cls is None and not sc_accept and not broken:
        if sc_bad or sc.get("error") != dk.get("error"):
            cls = "both_refuse"
    rep.add(cls, kind, detail, sc_accept)


# ------------------------------------------------------------------------------ main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scopecheck")
    ap.add_argument("scopes_yaml")
    ap.add_argument("oracle")
    ap.add_argument("--strings", type=int, default=50000)
    ap.add_argument("--pairs", type=int, default=8000, help="registered/requested pairs per grant type")
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--ruby", default=shutil.which("ruby") or "/usr/bin/ruby")
    ap.add_argument("--old-version", default="3.5.0", help="a Mastodon version on Doorkeeper 5.5")
    ap.add_argument("--argv-budget", type=int, default=300, help="strings with LF sent as single arguments")
    ap.add_argument("--library", help="library_answers: also ask the library (public C++ API) every question")
    args = ap.parse_args()
    started = time.monotonic()

    # The limit is scopecheck's own: a line past it is answered too_long at the column after it.
    global MAX_LENGTH
    probe = subprocess.run([args.scopecheck, "--json", "validate", "-"], input=b"a" * (1 << 20) + b"\n",
                           capture_output=True, check=False)
    MAX_LENGTH = json.loads(probe.stdout)["error"]["column"] - 1

    sc_data = Scopes(args.scopes_yaml)
    newest, old = sc_data.newest, args.old_version
    rng = random.Random(args.seed)
    gen = Gen(rng, sc_data, newest)
    exe = [args.scopecheck, "--json"]
    default = sc_data.default

    # scopecheck's default version must be the newest release of the data
    listed = run_single(exe + ["list"]).get("scopes")
    if listed != sc_data.available(newest):
        sys.exit("scopecheck list (default version) %r differs from data/scopes.yaml at %s %r"
                 % (listed, newest, sc_data.available(newest)))

    # ---------------------------------------------------------------- strings
    strings = coverage_strings(gen) + long_strings(gen)
    seen = set(strings)
    while len(strings) < args.strings:
        s = gen.string()
        if s not in seen or rng.random() < 0.02:
            seen.add(s)
            strings.append(s)
    encoded = [form_encode(rng, s) for s in strings]
    plain_batch = [i for i, s in enumerate(strings) if one_line(s)]
    single = [i for i, s in enumerate(strings) if not one_line(s) and argv_ok(s)]
    single = single[: args.argv_budget]

    # ---------------------------------------------------------------- pairs
    names_new = gen.names
    common = [n.encode() for n in sc_data.available(old) if n in set(sc_data.available(newest))]

    def requested_for(reg_names, names):
        x = rng.random()
        if x < 0.40 and reg_names:
            pick = rng.sample(reg_names, rng.randint(1, len(reg_names)))
            return gen.join(pick + ([rng.choice(pick)] if rng.random() < 0.2 else []), plain=rng.random() < 0.6)
        if x < 0.50:
            pick = (rng.sample(reg_names, rng.randint(0, len(reg_names))) if reg_names else []) + [rng.choice(names)]
            rng.shuffle(pick)
            return gen.join(pick, plain=rng.random() < 0.7)
        if x < 0.58 and reg_names:
            kids = [c.encode() for n in reg_names for c in sc_data.children(n.decode()) if c.encode() in names]
            if kids:
                return gen.join(rng.sample(kids, min(len(kids), rng.randint(1, 3))), plain=True)
        if x < 0.74:
            return gen.blank()
        if x < 0.80:
            return gen.valid_list(names, 1, 3)
        return gen.mixed()

    def registered_string(names, allow_lf):
        x = rng.random()
        if x < 0.50:
            toks = [rng.choice(names) for _ in range(rng.randint(1, 5))]
            return gen.join(toks, plain=rng.random() < 0.5)
        if x < 0.70:  # raw: tabs, CR/LF, vt, duplicates, extra spaces
            toks = [rng.choice(names) for _ in range(rng.randint(1, 4))]
            toks.append(rng.choice(toks))
            seps = [b" ", b"  ", b"\t", b"\x0b", b"\x0c", b" \t", u(0x3000), u(0xA0)]
            if allow_lf:
                seps += [b"\r\n", b"\n", b"\r"]
            out = b""
            for i, t in enumerate(toks):
                out += (rng.choice(seps) if i else (b" " if rng.random() < 0.3 else b"")) + t
            return out + (b" " if rng.random() < 0.3 else b"")
        if x < 0.80:
            return gen.blank()
        return gen.mixed()

    def regnames(reg):
        return [t for t in reg.split() if t in set(names_new) | set(common)]

    per_grant = args.pairs
    # (grant, version or None for the default, the fixed argument, [(registered, requested for scopecheck,
    # requested for the oracle: None = no scope parameter)]); a: registered fixed, b: requested fixed
    groups_a, groups_b = [], []
    for grant in ("authorization_code", "client_credentials"):
        made = 0
        while made < per_grant * 0.7:
            reg = registered_string(names_new, allow_lf=True)
            if not argv_ok(reg):
                continue
            rn = list(dict.fromkeys(regnames(reg)))
            rows = []
            for _ in range(60):
                q = requested_for(rn, names_new)
                if not one_line(q):
                    continue
                rows.append((reg, q, q))
            rows.append((reg, b"", None))  # no scope parameter
            groups_a.append((grant, None, reg, rows))
            made += len(rows)
        while made < per_grant:
            q = requested_for([rng.choice(names_new) for _ in range(2)], names_new)
            if not argv_ok(q):
                continue
            rows = []
            for _ in range(100):
                reg = registered_string(names_new, allow_lf=False)
                if not one_line(reg):
                    continue
                rows.append((reg, q, None if q == b"" and rng.random() < 0.5 else q))
            groups_b.append((grant, None, q, rows))
            made += len(rows)
    # the 5.5-vs-5.9.6 class, compared in full at the old version
    blanks = [b"", b" ", b"  ", b"\t", b"\x0b", b"\x0c", b"\r", b"\x0b \x0c", u(0x3000), u(0xA0), u(0x2003), u(0x85),
              u(0x1680), u(0x2028), u(0x202F), u(0x205F), u(0x200B), u(0xFEFF), b" " + u(0x3000) + b"\t", b"\x1c", b"\x00"]
    old_groups = []
    no_default = [n for n in common if n != default.encode()]
    for grant in ("client_credentials", "authorization_code"):
        for k in range(60):
            names = no_default if k % 4 else common
            reg = registered_string(names, allow_lf=True) if k % 3 else gen.join(
                [rng.choice(names) for _ in range(rng.randint(1, 4))], plain=True)
            if not argv_ok(reg):
                continue
            rn = list(dict.fromkeys(regnames(reg)))
            rows = [(reg, b"", None)]
            for q in blanks:
                if one_line(q):
                    rows.append((reg, q, q))
            for _ in range(10):
                q = requested_for(rn, common)
                if one_line(q):
                    rows.append((reg, q, q))
            old_groups.append((grant, old, reg, rows))
        # requested fixed in argv (CR, LF in the requested are possible here)
        for q in blanks + [b"\r", b"\n", b" \r\n "]:
            if not argv_ok(q):
                continue
            rows = []
            for _ in range(20):
                reg = registered_string(no_default, allow_lf=False)
                if not one_line(reg):
                    continue
                rows.append((reg, q, q))
            old_groups.append((grant, old, ("fixed-requested", q), rows))

    # ---------------------------------------------------------------- oracle questions
    def config(version):
        avail = sc_data.available(version)
        return {"op": "config", "default_scopes": [default], "optional_scopes": [n for n in avail if n != default],
                "enforce_configured_scopes": True}

    questions = [config(newest)]
    idx_validate = len(questions)
    questions += [{"op": "validate", "scope": oracle_str(s)} for s in strings]
    idx_register = len(questions)
    questions += [{"op": "register", "scopes": oracle_str(s)} for s in strings]
    questions.append({"op": "register", "scopes": None})
    idx_auth = len(questions)

    def auth_q(grant, reg, req_dk):
        return {"op": "authorize", "grant": grant, "registered": oracle_str(reg),
                "requested": None if req_dk is None else oracle_str(req_dk)}

    for grant, _, _, rows in groups_a + groups_b:
        questions += [auth_q(grant, reg, req_dk) for reg, _, req_dk in rows]
    questions.append(config(old))
    idx_old = len(questions)
    for grant, _, _, rows in old_groups:
        questions += [auth_q(grant, reg, req_dk) for reg, _, req_dk in rows]

    # ---------------------------------------------------------------- library questions
    # The same questions, through the public C++ API: validate plain (strict) and query-encoded,
    # register and authorize plain. Every string and pair goes (no argv limits here); an absent scope
    # parameter is null, as Doorkeeper gets it.
    lib_questions = []
    if args.library:
        def lib_str(b):
            return {"hex": b.hex()}

        lib_validate = len(lib_questions)
        lib_questions += [{"op": "validate", "mode": "strict", "version": newest, "text": lib_str(x)} for x in strings]
        lib_query = len(lib_questions)
        lib_questions += [{"op": "validate", "mode": "query", "version": newest, "text": lib_str(x)} for x in encoded]
        lib_register = len(lib_questions)
        lib_questions += [{"op": "register", "version": newest, "scopes": lib_str(x)} for x in strings]
        lib_questions.append({"op": "register", "version": newest, "scopes": None})
        lib_auth = len(lib_questions)
        for groups in (groups_a + groups_b, old_groups):
            for grant, version, _, rows in groups:
                lib_questions += [{"op": "authorize", "grant": grant, "version": version or newest,
                                   "registered": lib_str(reg), "requested": None if req is None else lib_str(req)}
                                  for reg, _, req in rows]
    lib_chunk = 25000

    # ---------------------------------------------------------------- run everything
    jobs = []  # (key, callable)
    jobs.append(("oracle", lambda: run_oracle(args.ruby, args.oracle, questions)))
    for n in range(0, len(lib_questions), lib_chunk):
        jobs.append((("library", n), lambda n=n: run_library(args.library, lib_questions[n:n + lib_chunk])))
    for cmd in ("validate", "register"):
        jobs.append(((cmd, "plain"), lambda cmd=cmd: run_batch(exe + [cmd, "-"], [strings[i] for i in plain_batch])))
        jobs.append(((cmd, "query"), lambda cmd=cmd: run_batch(exe + ["--mode", "query", cmd, "-"], encoded)))
        jobs.append(((cmd, "single"), lambda cmd=cmd: [run_single(exe + [cmd, "--", strings[i]]) for i in single]))
    jobs.append(("register-absent", lambda: run_single(exe + ["register"])))

    def auth_job(grant, version, fixed, rows, side):
        vargs = ["--server-version", version] if version else []
        base = exe + vargs + ["authorize", "--grant-type", grant, "--"]
        if side == "a":
            return run_batch(base + [fixed, "-"], [q for _, q, _ in rows])
        return run_batch(base + ["-", fixed], [r for r, _, _ in rows])

    for n, (grant, version, fixed, rows) in enumerate(groups_a):
        jobs.append((("a", n), lambda g=grant, f=fixed, rows=rows: auth_job(g, None, f, rows, "a")))
    for n, (grant, version, fixed, rows) in enumerate(groups_b):
        jobs.append((("b", n), lambda g=grant, f=fixed, rows=rows: auth_job(g, None, f, rows, "b")))
    for n, (grant, version, fixed, rows) in enumerate(old_groups):
        if isinstance(fixed, tuple):
            jobs.append((("old", n), lambda g=grant, v=version, f=fixed[1], rows=rows: auth_job(g, v, f, rows, "b")))
        else:
            jobs.append((("old", n), lambda g=grant, v=version, f=fixed, rows=rows: auth_job(g, v, f, rows, "a")))

    with ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2))) as pool:
        futures = {key: pool.submit(fn) for key, fn in jobs}
        results = {key: f.result() for key, f in futures.items()}
    lib_answers = [a for n in range(0, len(lib_questions), lib_chunk) for a in results[("library", n)]]
    answers = results["oracle"]
    if answers[0].get("server_scopes") is None or sorted(answers[0]["server_scopes"]) != sorted(sc_data.available(newest)):
        sys.exit("oracle config at %s: %r" % (newest, answers[0]))
    if sorted(answers[idx_old - 1].get("server_scopes") or []) != sorted(sc_data.available(old)):
        sys.exit("oracle config at %s: %r" % (old, answers[idx_old - 1]))

    # ---------------------------------------------------------------- compare
    rep = Report()
    for cmd, base_idx, compare in (("validate", idx_validate, compare_validate), ("register", idx_register, compare_register)):
        for i, sc in zip(plain_batch, results[(cmd, "plain")]):
            compare(rep, cmd + " plain", strings[i], strings[i], answers[base_idx + i], sc)
        for i, sc in zip(single, results[(cmd, "single")]):
            compare(rep, cmd + " plain (argument)", strings[i], strings[i], answers[base_idx + i], sc)
        for i, sc in enumerate(results[(cmd, "query")]):
            compare(rep, cmd + " query", strings[i], encoded[i], answers[base_idx + i], sc)
    compare_register(rep, "register (no scopes parameter)", b"", b"", answers[idx_auth - 1], results["register-absent"])

    k = idx_auth
    for tag, groups in (("a", groups_a), ("b", groups_b)):
        for n, (grant, _, _, rows) in enumerate(groups):
            for (reg, req_sc, req_dk), sc in zip(rows, results[(tag, n)]):
                compare_authorize(rep, "authorize %s %s" % (grant, newest), grant, reg, req_sc, req_dk, answers[k], sc,
                                  default, newest_class_check=True)
                k += 1
    k = idx_old
    for n, (grant, version, _, rows) in enumerate(old_groups):
        for (reg, req_sc, req_dk), sc in zip(rows, results[("old", n)]):
            dk = answers[k]
            if cc_5_9_6_class(grant, req_dk, dk):
                rep.info["5.5-vs-5.9.6 pairs compared at %s" % old] += 1
            compare_authorize(rep, "authorize %s %s" % (grant, version), grant, reg, req_sc, req_dk, dk, sc,
                              default, newest_class_check=False)
            k += 1
    assert k == len(answers), (k, len(answers))

    # vt_ff is allowed only when \v and \f are the whole reason: with them turned into spaces
    # the side must accept, with the scopes Doorkeeper parsed.
    def scopecheck_validate(mode, sent):
        out = [None] * len(sent)
        batch = [i for i, x in enumerate(sent) if one_line(x)]
        for i, a in zip(batch, run_batch(exe + ["--mode", mode, "validate", "-"], [sent[i] for i in batch])):
            out[i] = a
        return [a if a is not None else run_single(exe + ["--mode", mode, "validate", "--", x])
                for a, x in zip(out, sent)]

    def library_validate(mode, sent):
        return run_library(args.library, [{"op": "validate", "mode": mode, "version": newest, "text": {"hex": x.hex()}}
                                          for x in sent])

    def resolve_vt_ff(rep, ask):
        pending = rep.pending_vt_ff
        fixed = [s.replace(b"\x0b", b" ").replace(b"\x0c", b" ") for _, s, _, _ in pending]
        sent = [form_encode(rng, f) if "query" in kind else f for (kind, _, _, _), f in zip(pending, fixed)]
        re_answers = [None] * len(pending)
        for mode in ("strict", "query"):
            idx = [i for i, (kind, _, _, _) in enumerate(pending) if ("query" in kind) == (mode == "query")]
            for i, a in zip(idx, ask(mode, [sent[i] for i in idx]) if idx else []):
                re_answers[i] = a
        for (kind, s, dk_set, detail), a in zip(pending, re_answers):
            ok = a.get("valid") is True and sorted(a.get("scopes") or []) == dk_set
            rep.add("vt_ff" if ok else "stricter_other", kind,
                    detail + ("" if ok else " | with \\v \\f as spaces, %s %s" % (rep.side, short(a))))
        rep.pending_vt_ff = []

    resolve_vt_ff(rep, scopecheck_validate)

    # ---------------------------------------------------------------- compare the library
    lib = Report("library")
    if args.library:
        for i, s in enumerate(strings):
            compare_validate(lib, "validate plain", s, s, answers[idx_validate + i], lib_answers[lib_validate + i])
            compare_validate(lib, "validate query", s, encoded[i], answers[idx_validate + i], lib_answers[lib_query + i])
            compare_register(lib, "register plain", s, s, answers[idx_register + i], lib_answers[lib_register + i],
                             limited=False)
        compare_register(lib, "register (no scopes parameter)", b"", b"", answers[idx_auth - 1],
                         lib_answers[lib_auth - 1], limited=False)
        k, m = idx_auth, lib_auth
        for groups, at_old in ((groups_a + groups_b, False), (old_groups, True)):
            if at_old:
                k += 1  # the oracle's config line for the old version
            for grant, version, _, rows in groups:
                for reg, _, req_dk in rows:
                    dk = answers[k]
                    if at_old and cc_5_9_6_class(grant, req_dk, dk):
                        lib.info["5.5-vs-5.9.6 pairs compared at %s" % old] += 1
                    compare_authorize(lib, "authorize %s %s" % (grant, version or newest), grant, reg, req_dk, req_dk,
                                      dk, library_authorize(lib_answers[m]), default, newest_class_check=not at_old,
                                      limited=False)
                    k += 1
                    m += 1
        assert (k, m) == (len(answers), len(lib_answers)), (k, len(answers), m, len(lib_answers))
        resolve_vt_ff(lib, library_validate)

    # ---------------------------------------------------------------- report
    elapsed = time.monotonic() - started

    def summary(r):
        classes = ", ".join("%s %d" % (c, r.by_class[c]) for c in ALLOWED + FAILING if r.by_class[c]) or "none"
        return "%d questions, %d disagreements (by class: %s), %d looser, %d different sets" % (
            r.questions, sum(r.by_class.values()), classes, r.by_class["looser"], r.by_class["different_sets"])

    print("doorkeeper differential: " + summary(rep))
    print("library:                 " + (summary(lib) if args.library else "not asked (no --library)"))
    print("  strings: %d (%d plain in batch, %d plain as single arguments, %d query-encoded); pairs: %d at %s, %d at %s"
          % (len(strings), len(plain_batch), len(single), len(encoded),
             sum(len(g[3]) for g in groups_a + groups_b), newest, sum(len(g[3]) for g in old_groups), old))
    print("  oracle: Doorkeeper %s; scopecheck default version %s; %.1f s"
          % (answers[0].get("doorkeeper"), newest, elapsed))
    for r in (rep, lib) if args.library else (rep,):
        print("%s:" % r.side)
        for kind, count in sorted(r.by_kind.items()):
            print("  %-44s %6d questions, %6d accepted by both" % (kind, count, r.both_accept[kind]))
        for what, count in sorted(r.info.items()):
            print("  %s: %d" % (what, count))
        for cls in ALLOWED:
            if r.by_class[cls]:
                print("%s: allowed class %s: %d (first %d)" % (r.side, cls, r.by_class[cls], min(3, len(r.examples[cls]))))
                for ex in r.examples[cls][:3]:
                    print("    " + ex)
        for cls in FAILING:
            if r.by_class[cls]:
                print("%s: FAILING class %s: %d (first %d)" % (r.side, cls, r.by_class[cls], len(r.examples[cls])))
                for ex in r.examples[cls]:
                    print("    " + ex)
    if len(strings) < args.strings or min(sum(len(g[3]) for g in groups_a + groups_b if g[0] == gr)
                                          for gr in ("authorization_code", "client_credentials")) < args.pairs:
        print("FAILING: fewer questions than asked for")
        rep.by_class["protocol"] += 1
    failed = rep.failed() + lib.failed()
    print("%d passed, %d failed" % (rep.questions + lib.questions - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
