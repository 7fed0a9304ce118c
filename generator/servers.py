# The server model: loads data/servers.yaml beside the scope registry, validates every rule, and
# derives each server's vocabulary by version and what each scope grants there.
"""Model of the servers of Mastodon's API family as described by data/servers.yaml.

`load(path, registry)` returns a `Family` or raises `ModelError` pointing at the offending node. The
family holds the servers in file order (Mastodon first) and the names that only other servers define,
in the order they first appear; the scope table appends those to Mastodon's scopes, so every id of
scopes.yaml stays what it is.
"""

import re
from dataclasses import dataclass, field

from scopes import CXX_KEYWORDS, Scope, Version, _scope_name
from yaml_nodes import ModelError, compose, integer, mapping, sequence, string, version_text

NAME = re.compile(r"[a-z][a-z0-9]*\Z")

HIERARCHY = ("explicit", "prefix", "prefix_roots", "families", "none")
SEPARATORS = ("space_runs", "single_space", "whitespace_commas", "spaces_else_commas", "spaces_plus")
REGISTRATION = ("vocabulary", "any", "ignored")
TOKEN_REQUEST = ("literal", "hierarchical", "vocabulary", "unchecked")
REGISTRATION_MISSING = ("default", "refused")
REGISTRATION_BLANK = ("default", "none", "refused")
TOKEN_MISSING = ("app", "default", "none")
ENDPOINTS = ("any_of", "all_of")
ADMIN_SCOPES = ("kept", "dropped_for_non_staff")
VERSION_FORMAT = ("semver", "semver_space_build", "git_describe", "two_numbers")
INSTANCE_VERSION = ("plain", "compatible")
# Each rule key of a server, its allowed values, and the extra keys it may carry.
RULES = {
    "hierarchy": (HIERARCHY, ("roots", "expands")),
    "separators": (SEPARATORS, ()),
    "registration": (REGISTRATION, ("missing", "blank", "max_length", "refuses_duplicates", "refusal")),
    "token_request": (TOKEN_REQUEST, ("missing", "separators", "refusal", "client_credentials")),
    "endpoints": (ENDPOINTS, ()),
    "admin_scopes": (ADMIN_SCOPES, ()),
    "version_format": (VERSION_FORMAT, ()),
    "instance_version": (INSTANCE_VERSION, ("mark", "injected", "fields", "source_urls")),
}
# What scopes.yaml says of Mastodon, which its entry here must not repeat.
MASTODON_ELSEWHERE = ("newest_release", "default_scope", "vocabulary")


@dataclass
class Rule:
    value: str
    source: str
    roots: list = field(default_factory=list)  # names, for prefix_roots and families
    expands: dict = field(default_factory=dict)  # name -> [(name, node)], for an explicit table
    expand_nodes: dict = field(default_factory=dict)  # name -> its key node
    mark: str = ""  # instance_version compatible: what follows "(compatible; " ("Akkoma ")
    injected: str = ""  # instance_version plain: a Mastodon version the server may put before its own ("3.5.3+")
    fields: list = field(default_factory=list)  # instance_version: keys only this server's instance documents have
    source_urls: list = field(default_factory=list)  # instance_version: the source_url values of its repository
    missing: str = ""  # registration, token_request: what no scope parameter gives
    blank: str = ""  # registration: what a blank one gives
    max_length: int = 0  # registration: longer is refused (0: no limit)
    refuses_duplicates: bool = False  # registration
    separators: str = ""  # token_request: where it splits otherwise than registration
    refusal: dict = field(default_factory=dict)  # status, message (and error, for token_request)
    client_credentials: object = None  # token_request: the Rule of POST /oauth/token with that grant


@dataclass
class Word:
    """A name of a server's vocabulary, and the release that added it (None: every release described)."""

    name: str
    added: Version = None
    source: str = ""


@dataclass
class Server:
    name: str
    display_name: str
    software_names: list
    repository: str
    revision: str
    newest_release: Version  # for Mastodon, scopes.yaml's
    default_scopes: list  # names
    default_source: str
    rules: dict  # rule key -> Rule
    enforced_since: Version = None
    enforced_source: str = ""
    streaming: list = field(default_factory=list)  # names
    streaming_source: str = ""
    words: list = field(default_factory=list)  # Word, in file order; empty for Mastodon
    vocabulary_source: str = ""
    stands_for: list = field(default_factory=list)  # (mastodon name, server name, source)


@dataclass
class Family:
    servers: list
    foreign: list  # names no Mastodon release defines, in order of first appearance


def _line(node, what):
    text = string(node, what)
    if not text.strip() or not text.isprintable():
        raise ModelError(node.start_mark, f"{what} must be one printable, non-empty line")
    return text


def _names(node, what):
    items = sequence(node, what)
    names = []
    for item in items:
        name = _scope_name(item, f"a name of {what}")
        if name in names:
            raise ModelError(item.start_mark, f"'{name}' is listed twice in {what}")
        names.append(name)
    return [(n, i) for n, i in zip(names, items)]


def _rule(node, key, what, is_mastodon):
    values, extras = RULES[key]
    f = mapping(node, f"{key} of {what}", ("rule", "source"), extras)
    value = string(f["rule"], f"{key} rule of {what}")
    if value not in values:
        raise ModelError(f["rule"].start_mark,
                         f"unknown {key} rule '{value}' of {what} (allowed: {', '.join(values)})")
    rule = Rule(value, _line(f["source"], f"source of the {key} of {what}"))
    needs_roots = key == "hierarchy" and value in ("prefix_roots", "families")
    if needs_roots != ("roots" in f):
        raise ModelError((f["roots"] if "roots" in f else node).start_mark,
                         f"the {value} rule of {what} " + ("needs roots" if needs_roots else "takes no roots"))
    if "roots" in f:
        rule.roots = _names(f["roots"], f"roots of {what}")
    if "expands" in f:
        if value != "explicit":
            raise ModelError(f["expands"].start_mark, f"only an explicit hierarchy of {what} takes expands")
        node = f["expands"]
        mapping(node, f"expands of {what}", (), [k.value for k, _ in getattr(node, "value", [])])
        for key, targets in node.value:
            name = _scope_name(key, f"an expanded name of {what}")
            rule.expands[name] = _names(targets, f"the expansion of '{name}'")
            rule.expand_nodes[name] = key
    if key in ("registration", "token_request"):
        _exchange(rule, key, value, f, node, what, is_mastodon)
    if key == "token_request" and not is_mastodon:
        if "client_credentials" not in f:
            raise ModelError(node.start_mark, f"the token_request of {what} needs client_credentials")
        c = mapping(f["client_credentials"], f"client_credentials of {what}", ("rule", "missing", "source"),
                    ("separators", "refusal"))
        grant = _choice(c["rule"], f"client_credentials rule of {what}", TOKEN_REQUEST)
        rule.client_credentials = Rule(grant, _line(c["source"], f"source of client_credentials of {what}"))
        _exchange(rule.client_credentials, key, grant, c, f["client_credentials"], f"client_credentials of {what}",
                  False)
    if key == "instance_version":
        if (value == "compatible") != ("mark" in f):
            raise ModelError((f["mark"] if "mark" in f else node).start_mark,
                             f"the {value} instance_version of {what} " + ("takes no mark" if "mark" in f else "needs a mark"))
        if "injected" in f and value != "plain":
            raise ModelError(f["injected"].start_mark, f"only a plain instance_version of {what} takes injected")
        rule.mark = _line(f["mark"], f"mark of {what}") if "mark" in f else ""
        rule.injected = _line(f["injected"], f"injected of {what}") if "injected" in f else ""
        for extra in ("fields", "source_urls"):
            if extra in f:
                items = [_line(n, f"an entry of {extra} of {what}") for n in sequence(f[extra], f"{extra} of {what}")]
                if not items:
                    raise ModelError(f[extra].start_mark, f"{extra} of {what} must not be empty")
                setattr(rule, extra, items)
    return rule


def _choice(node, what, values):
    value = string(node, what)
    if value not in values:
        raise ModelError(node.start_mark, f"{what} is '{value}', which is none of {', '.join(values)}")
    return value


def _exchange(rule, key, value, f, node, what, is_mastodon):
    """The extra keys of registration and token_request: what a missing or blank parameter gives,
    the limits, and the refusal, which is there exactly when something can be refused."""
    if is_mastodon:
        extra = next((k for k in f if k not in ("rule", "source")), None)
        if extra:
            raise ModelError(f[extra].start_mark, f"the {key} of {what} takes no {extra}: src/mastodon/access.cpp models it")
        return
    if key == "registration":
        needed = ("missing", "blank") if value != "ignored" else ()
        for k in ("missing", "blank", "max_length", "refuses_duplicates"):
            if k in f and value == "ignored":
                raise ModelError(f[k].start_mark, f"an ignored registration of {what} takes no {k}")
        for k in needed:
            if k not in f:
                raise ModelError(node.start_mark, f"the registration of {what} needs {k}")
        if "missing" in f:
            rule.missing = _choice(f["missing"], f"missing of the registration of {what}", REGISTRATION_MISSING)
            rule.blank = _choice(f["blank"], f"blank of the registration of {what}", REGISTRATION_BLANK)
        if "max_length" in f:
            rule.max_length = integer(f["max_length"], f"max_length of {what}")
            if rule.max_length == 0:
                raise ModelError(f["max_length"].start_mark, f"max_length of {what} must be a positive number")
        if "refuses_duplicates" in f:
            if getattr(f["refuses_duplicates"], "value", None) != "true":
                raise ModelError(f["refuses_duplicates"].start_mark, f"refuses_duplicates of {what} is true or left out")
            rule.refuses_duplicates = True
        refuses = bool(value == "vocabulary" or rule.missing == "refused" or rule.blank == "refused" or rule.max_length
                   or rule.refuses_duplicates)
        refusal_keys = ("status", "message")
    else:
        if "missing" not in f:
            raise ModelError(node.start_mark, f"the token_request of {what} needs missing")
        rule.missing = _choice(f["missing"], f"missing of the token_request of {what}", TOKEN_MISSING)
        if "separators" in f:
            rule.separators = _choice(f["separators"], f"separators of the token_request of {what}", SEPARATORS)
        refuses = value != "unchecked"
        refusal_keys = ("status", "message")
    if refuses != ("refusal" in f):
        raise ModelError((f["refusal"] if "refusal" in f else node).start_mark,
                         f"the {key} of {what} " + ("needs a refusal" if refuses else "refuses nothing, so takes no refusal"))
    if "refusal" in f:
        r = mapping(f["refusal"], f"refusal of the {key} of {what}", refusal_keys,
                    ("error",) if key == "token_request" else ())
        status = integer(r["status"], f"status of the refusal of {what}")
        if not 100 <= status <= 599:
            raise ModelError(r["status"].start_mark, f"status of the refusal of {what} must be an HTTP status")
        rule.refusal = {"status": status, "message": _line(r["message"], f"message of the refusal of {what}"),
                        "error": _line(r["error"], f"error of the refusal of {what}") if "error" in r else ""}


def _read_server(node, index, registry):
    peek = next((v.value for k, v in getattr(node, "value", []) if getattr(k, "value", None) == "name"
                 and hasattr(v, "value") and isinstance(v.value, str)), None)
    what = f"server '{peek}'" if peek else f"server #{index + 1}"
    is_mastodon = peek == "mastodon"
    required = ["name", "display_name", "software_names", "repository", "revision", *RULES]
    optional = ["enforced_since", "streaming", "stands_for"]
    if not is_mastodon:
        required += ["newest_release", "default_scope", "vocabulary"]
    else:
        for key, _ in getattr(node, "value", []):
            if key.value in MASTODON_ELSEWHERE:
                raise ModelError(key.start_mark, f"{what} takes no {key.value}: data/scopes.yaml has it")
    f = mapping(node, what, required, optional)
    name = string(f["name"], f"name of {what}")
    if not NAME.match(name):
        raise ModelError(f["name"].start_mark, f"server name '{name}' must be lower-case letters and digits")
    if name in CXX_KEYWORDS:
        raise ModelError(f["name"].start_mark, f"server name '{name}' is a C++ keyword, unusable as an enumerator")
    if index == 0 and name != "mastodon":
        raise ModelError(f["name"].start_mark, f"the first server must be mastodon, not '{name}'")
    software = [string(n, f"a software name of {what}") for n in sequence(f["software_names"], f"software_names of {what}")]
    if not software or any(s != s.lower() or not s.strip() for s in software):
        raise ModelError(f["software_names"].start_mark, f"software_names of {what} must be non-empty lower-case names")
    server = Server(
        name=name, display_name=_line(f["display_name"], f"display_name of {what}"), software_names=software,
        repository=_line(f["repository"], f"repository of {what}"), revision=_line(f["revision"], f"revision of {what}"),
        newest_release=registry.newest_release, default_scopes=[registry.default_scope.name],
        default_source="data/scopes.yaml", rules={key: _rule(f[key], key, what, is_mastodon) for key in RULES})
    server.nodes = f
    if is_mastodon:
        if server.rules["hierarchy"].value != "explicit" or server.rules["hierarchy"].expands:
            raise ModelError(f["hierarchy"].start_mark, "mastodon's hierarchy is explicit, from the parents of data/scopes.yaml")
    else:
        server.newest_release = Version.parse(version_text(f["newest_release"], "newest_release"), f["newest_release"],
                                              f"newest_release of {what}")
        d = mapping(f["default_scope"], f"default_scope of {what}", ("scopes", "source"))
        server.default_scopes = [n for n, _ in _names(d["scopes"], f"default scopes of {what}")]
        server.default_nodes = dict(_names(d["scopes"], f"default scopes of {what}"))
        server.default_source = _line(d["source"], f"source of the default_scope of {what}")
        v = mapping(f["vocabulary"], f"vocabulary of {what}", ("source", "scopes"))
        server.vocabulary_source = _line(v["source"], f"source of the vocabulary of {what}")
        seen = {}
        for item in sequence(v["scopes"], f"vocabulary of {what}"):
            if hasattr(item, "value") and isinstance(item.value, list):
                w = mapping(item, f"a vocabulary entry of {what}", ("name", "added", "source"))
                word = Word(_scope_name(w["name"], "a vocabulary name"),
                            Version.parse(version_text(w["added"], "added"), w["added"], f"a name of {what}"),
                            _line(w["source"], f"source of a vocabulary entry of {what}"))
            else:
                word = Word(_scope_name(item, "a vocabulary name"))
            if word.name in seen:
                raise ModelError(item.start_mark, f"'{word.name}' is listed twice in the vocabulary of {what}")
            seen[word.name] = item
            server.words.append(word)
        if not server.words:
            raise ModelError(v["scopes"].start_mark, f"the vocabulary of {what} must not be empty")
        server.word_nodes = seen
    if "enforced_since" in f:
        e = mapping(f["enforced_since"], f"enforced_since of {what}", ("version", "source"))
        server.enforced_since = Version.parse(version_text(e["version"], "version"), e["version"],
                                              f"enforced_since of {what}")
        server.enforced_source = _line(e["source"], f"source of enforced_since of {what}")
    if "streaming" in f:
        s = mapping(f["streaming"], f"streaming of {what}", ("scopes", "source"))
        server.streaming_nodes = dict(_names(s["scopes"], f"streaming scopes of {what}"))
        server.streaming = list(server.streaming_nodes)
        server.streaming_source = _line(s["source"], f"source of streaming of {what}")
    if "stands_for" in f:
        for item in sequence(f["stands_for"], f"stands_for of {what}"):
            p = mapping(item, f"a stands_for entry of {what}", ("mastodon", "server", "source"))
            server.stands_for.append((_scope_name(p["mastodon"], "a Mastodon name"), _scope_name(p["server"], "a name"),
                                      _line(p["source"], f"source of a stands_for entry of {what}"), p))
    return server


def _check_names(server, mastodon_names, defined):
    """Every name a server's facts use is one its vocabulary defines (or, for expansions, any known name)."""
    what = f"server '{server.name}'"
    own = {w.name for w in server.words} if server.words else mastodon_names
    def need(name, node, where, known):
        if name not in known:
            raise ModelError(node.start_mark, f"'{name}' in {where} of {what} is not a scope of its vocabulary"
                             if known is own else f"'{name}' in {where} of {what} is no scope of any server")
    h = server.rules["hierarchy"]
    for name, node in h.roots:
        need(name, node, "the hierarchy roots", own)
    for key, targets in h.expands.items():
        need(key, h.expand_nodes[key], "the hierarchy", defined)
        for name, node in targets:
            need(name, node, f"the expansion of '{key}'", defined)
    if server.words:
        for name, node in server.default_nodes.items():
            need(name, node, "the default scopes", defined)
    for name, node in getattr(server, "streaming_nodes", {}).items():
        need(name, node, "the streaming scopes", own)
    seen = set()
    for mastodon, name, _, node in server.stands_for:
        at = node["mastodon"]
        if mastodon not in mastodon_names:
            raise ModelError(at.start_mark, f"stands_for of {what}: '{mastodon}' is not a Mastodon scope")
        if mastodon in own:
            raise ModelError(at.start_mark, f"stands_for of {what}: the server has '{mastodon}' itself")
        if mastodon in seen:
            raise ModelError(at.start_mark, f"stands_for of {what}: '{mastodon}' is listed twice")
        seen.add(mastodon)
        need(name, node["server"], "stands_for", own)
    for w in server.words:
        if w.added and server.enforced_since and w.added < server.enforced_since:
            raise ModelError(server.word_nodes[w.name].start_mark,
                             f"'{w.name}' of {what} is added in {w.added}, before scopes were enforced "
                             f"({server.enforced_since})")


def load_text(text, registry):
    root = compose(text)
    if root is None:
        raise ModelError(None, "the file is empty")
    top = mapping(root, "the file", ("servers",))
    items = sequence(top["servers"], "servers")
    if not items:
        raise ModelError(top["servers"].start_mark, "servers must not be empty")
    servers, names, software = [], {}, {}
    for i, node in enumerate(items):
        server = _read_server(node, i, registry)
        if server.name in names:
            raise ModelError(server.nodes["name"].start_mark, f"duplicate server '{server.name}' (first at line "
                             f"{names[server.name] + 1})")
        names[server.name] = server.nodes["name"].start_mark.line
        for s in server.software_names:
            if s in software:
                raise ModelError(server.nodes["software_names"].start_mark,
                                 f"software name '{s}' of server '{server.name}' also means '{software[s]}'")
            software[s] = server.name
        servers.append(server)
    mastodon_names = {s.name for s in registry.scopes}
    foreign = []
    for server in servers:
        for w in server.words:
            if w.name not in mastodon_names and w.name not in foreign:
                foreign.append(w.name)
    identifiers = {s.identifier: s.name for s in registry.scopes}
    for server in servers:
        for w in server.words:
            ident = Scope(name=w.name, id=0, node=None, parent_nodes=[], added=None).identifier
            if w.name in mastodon_names or identifiers.get(ident) == w.name:
                continue
            if ident in identifiers or ident in CXX_KEYWORDS or ident[0].isdigit():
                clash = f"clashes with scope '{identifiers[ident]}'" if ident in identifiers else "is not usable"
                raise ModelError(server.word_nodes[w.name].start_mark,
                                 f"'{w.name}' of server '{server.name}' makes the C++ enumerator '{ident}', which {clash}")
            identifiers[ident] = w.name
    defined = mastodon_names | set(foreign)
    for server in servers:
        _check_names(server, mastodon_names, defined)
    return Family(servers, foreign)


def load(path, registry):
    with open(path, encoding="utf-8") as f:
        return load_text(f.read(), registry)


def grants(server, held, names):
    """The names a held scope grants on a server other than Mastodon (itself included), among `names`
    (all the enum's); Mastodon's are the documented closure of the scope table."""
    rule = server.rules["hierarchy"]
    own = {w.name for w in server.words}
    under = lambda root: {n for n in names if n == root or n.startswith(root + ":")}  # noqa: E731
    if rule.value == "explicit":
        return {held} | {n for n, _ in rule.expands.get(held, [])}
    if rule.value == "none":
        return {held}
    if rule.value == "prefix":
        return {held} | (under(held) & own)
    if rule.value == "prefix_roots":
        return {held} | ((under(held) & own) if held in [r for r, _ in rule.roots] else set())
    # families: a name starting with a root (as text, like /^read/) grants the root's whole family
    granted = {held}
    for root, _ in rule.roots:
        if held.startswith(root):
            granted |= under(root) & own
    return granted
