# The scope model: loads data/scopes.yaml, validates every rule, derives what C++ should not compute.
"""Model of Mastodon's OAuth scopes as described by data/scopes.yaml.

`load(path)` returns a `Registry` or raises `ModelError` pointing at the offending node. The registry
holds scopes in file order (their ids) with derived relations: children, the transitive closure
(what a scope grants, itself included) and implied_by (what grants it, itself included).
"""

import re
from dataclasses import dataclass, field

import yaml

from limits import MAX_PRE_RELEASE
from yaml_nodes import STR, ModelError, compose, integer, mapping, sequence, string, version_text

# RFC 6749 section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
TOKEN = re.compile(r"[\x21\x23-\x5b\x5d-\x7e]+\Z")
VERSION = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-([0-9A-Za-z.-]+))?\Z")
PRE_IDENT = re.compile(r"(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)\Z")

CXX_KEYWORDS = frozenset(
    "alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t "
    "char32_t class compl concept const consteval constexpr constinit const_cast continue co_await "
    "co_return co_yield decltype default delete do double dynamic_cast else enum explicit export "
    "extern false float for friend goto if inline int long mutable namespace new noexcept not not_eq "
    "nullptr operator or or_eq private protected public register reinterpret_cast requires return "
    "short signed sizeof static static_assert static_cast struct switch template this thread_local "
    "throw true try typedef typeid typename union unsigned using virtual void volatile wchar_t while "
    "xor xor_eq".split())


@dataclass(frozen=True, order=True)
class Version:
    """A Mastodon version; `key` orders pre-releases before their release, as SemVer does."""

    key: tuple = field(repr=False)
    major: int = field(compare=False)
    minor: int = field(compare=False)
    patch: int = field(compare=False)
    pre: str = field(compare=False)

    @staticmethod
    def parse(text, node, what):
        match = VERSION.match(text)
        idents = match.group(4).split(".") if match and match.group(4) else []
        if not match or not all(PRE_IDENT.match(i) for i in idents):
            raise ModelError(node.start_mark,
                             f"malformed version '{text}' for {what} (expected MAJOR.MINOR.PATCH "
                             "with an optional -PRE-RELEASE, like 4.3.0 or 4.4.0-rc.2)")
        pre = match.group(4) or ""
        if len(pre) > MAX_PRE_RELEASE:
            raise ModelError(node.start_mark,
                             f"pre-release '{pre}' of {what} is longer than {MAX_PRE_RELEASE} characters")
        numbers = tuple(int(g) for g in match.group(1, 2, 3))
        pre_key = tuple((0, int(i), "") if i.isdigit() else (1, 0, i) for i in idents)
        key = numbers + (((0,) + (pre_key,)) if pre else (1, ()),)
        return Version(key, *numbers, pre)

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}" + (f"-{self.pre}" if self.pre else "")


@dataclass
class Scope:
    name: str
    id: int
    node: object  # the mapping node, for error positions
    parent_nodes: list  # (name, node) as written
    added: Version
    deprecated: Version = None
    deprecation_note: str = ""
    removed: Version = None
    description: str = ""
    refs: list = field(default_factory=list)
    field_nodes: dict = field(default_factory=dict)  # key -> value node, for error positions
    mistaken_names: list = field(default_factory=list)
    # derived
    parents: list = field(default_factory=list)  # ids
    children: list = field(default_factory=list)  # ids
    closure: set = field(default_factory=set)  # ids this scope grants, itself included
    implied_by: set = field(default_factory=set)  # ids that grant this scope, itself included

    @property
    def identifier(self):
        return re.sub(r"[^0-9A-Za-z_]", "_", self.name)


# The checks whose behaviour changed across Mastodon versions (data/scopes.yaml, server.checks).
CHECKS = ("registration_checked", "registration_message_those", "authorization_code_empty_token",
          "client_credentials_empty_token")


@dataclass
class Check:
    """A behaviour of Mastodon's OAuth checks, in effect from `start` up to, not including, `end`."""

    name: str
    start: Version  # None: never in effect
    end: Version  # None: still in effect
    source: str


@dataclass
class Registry:
    scopes: list
    default_scope: Scope
    newest_release: Version
    revision: str
    checks: list = field(default_factory=list)  # Check, in CHECKS order


def _scope_name(node, what):
    name = string(node, what)
    if not TOKEN.match(name):
        bad = next((c for c in name if not TOKEN.match(c)), "")
        detail = f"character {bad!r} is not allowed" if name else "it is empty"
        raise ModelError(node.start_mark, f"{what} '{name}' is not an RFC 6749 scope token: {detail}")
    return name


def _peek_name(node, index):
    """How to call a scope in messages before its keys are checked: by name if it has a usable one."""
    for key, value in getattr(node, "value", []) if isinstance(node, yaml.MappingNode) else []:
        if key.value == "name" and isinstance(value, yaml.ScalarNode) and value.tag == STR:
            return f"scope '{value.value}'"
    return f"scope #{index + 1}"


def _read_scope(node, index):
    what = _peek_name(node, index)
    f = mapping(node, what, ("name", "parents", "added", "description"),
                ("deprecated", "removed", "refs", "mistaken_names"))
    name = _scope_name(f["name"], "scope name")
    what = f"scope '{name}'"
    scope = Scope(name=name, id=index, node=node, field_nodes=f,
                  parent_nodes=[(_scope_name(p, f"parent of {what}"), p)
                                for p in sequence(f["parents"], f"parents of {what}")],
                  added=Version.parse(version_text(f["added"], "added"), f["added"], what))
    if "deprecated" in f:
        dep = f["deprecated"]
        if isinstance(dep, yaml.MappingNode):
            d = mapping(dep, f"deprecated of {what}", ("version", "note"))
            dep = d["version"]
            scope.deprecation_note = string(d["note"], f"deprecation note of {what}")
        scope.deprecated = Version.parse(version_text(dep, "deprecated"), dep, what)
    if "removed" in f:
        scope.removed = Version.parse(version_text(f["removed"], "removed"), f["removed"], what)
    scope.description = string(f["description"], f"description of {what}")
    texts = [(scope.description, "description")]
    if "deprecated" in f and isinstance(f["deprecated"], yaml.MappingNode):
        texts.append((scope.deprecation_note, "deprecation note"))
    for text, key in texts:
        if not text.strip() or not text.isprintable():
            raise ModelError(node.start_mark, f"the {key} of {what} must be one printable, non-empty line")
    if "refs" in f:
        scope.refs = [integer(r, f"ref of {what}") for r in sequence(f["refs"], f"refs of {what}")]
    if "mistaken_names" in f:
        scope.mistaken_names = [(_scope_name(m, f"mistaken name of {what}"), m)
                                for m in sequence(f["mistaken_names"], f"mistaken_names of {what}")]
    return scope


def _check_order(scope):
    what = f"scope '{scope.name}'"
    at = {key: node.start_mark for key, node in scope.field_nodes.items()}
    if scope.deprecated and scope.deprecated <= scope.added:
        raise ModelError(at["deprecated"],
                         f"{what} is deprecated in {scope.deprecated}, not after it was added in {scope.added}")
    if scope.removed and scope.removed <= scope.added:
        raise ModelError(at["removed"],
                         f"{what} is removed in {scope.removed}, not after it was added in {scope.added}")
    if scope.removed and scope.deprecated and scope.removed <= scope.deprecated:
        raise ModelError(at["removed"],
                         f"{what} is removed in {scope.removed}, not after it was deprecated in {scope.deprecated}")


def _resolve(scopes):
    """Link parents, reject unknown parents and cycles, and derive children, closure and implied_by."""
    by_name = {s.name: s for s in scopes}
    for s in scopes:
        seen = set()
        for name, node in s.parent_nodes:
            parent = by_name.get(name)
            if parent is None:
                raise ModelError(node.start_mark, f"unknown parent '{name}' of scope '{s.name}'")
            if name in seen:
                raise ModelError(node.start_mark, f"parent '{name}' is listed twice for scope '{s.name}'")
            if s.added < parent.added:
                raise ModelError(node.start_mark,
                                 f"scope '{s.name}' is added in {s.added}, before its parent '{name}' "
                                 f"(added in {parent.added})")
            seen.add(name)
            s.parents.append(parent.id)
            parent.children.append(s.id)
    _reject_cycles(scopes)
    for s in scopes:
        stack = [s.id]
        while stack:
            current = stack.pop()
            if current not in s.closure:
                s.closure.add(current)
                stack.extend(scopes[current].children)
    for s in scopes:
        for granted in s.closure:
            scopes[granted].implied_by.add(s.id)


def _reject_cycles(scopes):
    state = {}  # id -> "open" while on the path, "done" after

    def visit(s, path):
        state[s.id] = "open"
        for (name, node), pid in zip(s.parent_nodes, s.parents):
            if state.get(pid) == "open":
                cycle = " -> ".join([scopes[i].name for i in path[path.index(pid):]] + [name])
                raise ModelError(node.start_mark, f"parent cycle: {cycle}")
            if pid not in state:
                visit(scopes[pid], path + [pid])
        state[s.id] = "done"

    for s in scopes:
        if s.id not in state:
            visit(s, [s.id])


def _check_names(scopes):
    names, identifiers, mistaken = {}, {}, set()
    for s in scopes:
        if s.name in names:
            raise ModelError(s.node.start_mark, f"duplicate scope name '{s.name}' (first at line "
                             f"{names[s.name].node.start_mark.line + 1})")
        names[s.name] = s
        ident = s.identifier
        if ident in identifiers or ident in CXX_KEYWORDS or ident[0].isdigit():
            clash = f"clashes with scope '{identifiers[ident].name}'" if ident in identifiers else "is not usable"
            raise ModelError(s.node.start_mark, f"scope '{s.name}' makes the C++ enumerator '{ident}', which {clash}")
        identifiers[ident] = s
        mistaken.update(s.mistaken_names)
    for name, node in mistaken:
        if name in names:
            raise ModelError(node.start_mark, f"mistaken name '{name}' is a real scope")


def _read_checks(node):
    """The checks that were ever in effect; one left out never was (check.start is None)."""
    fields = mapping(node, "checks", (), CHECKS) if node is not None else {}
    checks = []
    for name in CHECKS:
        if name not in fields:
            checks.append(Check(name, None, None, "never in effect"))
            continue
        f = mapping(fields[name], name, ("from", "source"), ("until",))
        start = Version.parse(version_text(f["from"], "from"), f["from"], f"{name}.from")
        end = Version.parse(version_text(f["until"], "until"), f["until"], f"{name}.until") if "until" in f else None
        if end is not None and end <= start:
            raise ModelError(f["until"].start_mark, f"{name}: until {end} must come after from {start}")
        checks.append(Check(name, start, end, string(f["source"], "source")))
    return checks


def load_text(text):
    root = compose(text)
    if root is None:
        raise ModelError(None, "the file is empty")
    top = mapping(root, "the file", ("server", "scopes"))
    server = mapping(top["server"], "server", ("default_scope", "newest_release", "revision"), ("checks",))
    items = sequence(top["scopes"], "scopes")
    if not items:
        raise ModelError(top["scopes"].start_mark, "scopes must not be empty")
    scopes = [_read_scope(node, i) for i, node in enumerate(items)]
    _check_names(scopes)
    for s in scopes:
        _check_order(s)
    _resolve(scopes)
    default_name = _scope_name(server["default_scope"], "default_scope")
    default = next((s for s in scopes if s.name == default_name), None)
    if default is None:
        raise ModelError(server["default_scope"].start_mark, f"default_scope '{default_name}' is not a scope")
    newest = Version.parse(version_text(server["newest_release"], "newest_release"),
                           server["newest_release"], "newest_release")
    return Registry(scopes, default, newest, string(server["revision"], "revision"), _read_checks(server.get("checks")))


def load(path):
    with open(path, encoding="utf-8") as f:
        return load_text(f.read())
