# The route model: loads data/endpoints.yaml and checks every route against the scope registry.
"""Model of Mastodon's API routes as described by data/endpoints.yaml.

`load(path, registry)` returns an `Endpoints` or raises `ModelError` pointing at the offending node.
"""

import re
from dataclasses import dataclass, field

import yaml

from scopes import Version
from yaml_nodes import ModelError, compose, mapping, sequence, string, version_text

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
# How a route treats the access token: every mode, in the order of the C++ enum token_mode (which the
# generator writes from this table, with these meanings), and its name in the data and in scopecheck's
# answers. `any_token` is not written in the data: it is a `required` route whose scopes are `any`.
TOKEN_MODES = {
    "none": "no token is needed or read",
    "optional": "public without a token; a token must hold an accepted scope (else 403)",
    "required": "a token holding an accepted scope (no token: 401, wrong scopes: 403)",
    "any_token": "any valid token, whatever its scopes",
    "user": "a user's token; its scopes are checked when the route lists any",
    "user_session": "a signed-in browser session (the OAuth pages); a token does not count",
    "client_credentials": "the app's id and secret (/oauth/token, /oauth/revoke); a token plays no part",
    "signature": "HTTP message signatures (FASP); no OAuth token is read",
    "forbidden": "always 403 (Doorkeeper's application pages, which Mastodon shuts)",
}
WRITTEN_TOKEN_MODES = tuple(m for m in TOKEN_MODES if m != "any_token")  # the values `token` takes
SEGMENT = re.compile(r"(?:[A-Za-z0-9_.~-]+|:[a-z_][a-z0-9_]*|\*[a-z_][a-z0-9_]*)\Z")


@dataclass
class Change:
    """Before `until`, the route accepted `scopes` with `token` (from `added` or the previous change)."""

    until: Version
    scopes: list
    token: str


@dataclass
class Route:
    method: str
    path: str
    scopes: list  # scope ids the controller accepts (any one), or None for any valid token
    token: str
    controller: str
    notes: str = ""
    node: object = field(default=None, repr=False)
    added: Version = None
    removed: Version = None
    earlier: list = field(default_factory=list)  # Change, oldest first
    source: str = ""


@dataclass
class Endpoints:
    revision: str
    routes: list


def _path(node):
    path = string(node, "path")
    segments = path.split("/")[1:] if path.startswith("/") else None
    if not segments or any(not SEGMENT.match(s) for s in segments):
        raise ModelError(node.start_mark, f"path '{path}' must be '/' followed by segments: names, :params, "
                         "or one final *wildcard")
    if any(s.startswith("*") for s in segments[:-1]):
        raise ModelError(node.start_mark, f"path '{path}' has a *wildcard before its last segment")
    return path


def _scopes(node, by_name, token):
    if isinstance(node, yaml.ScalarNode) and node.value == "any":
        if token != "required":
            raise ModelError(node.start_mark, f"'scopes: any' (any valid token) needs 'token: required', not {token}")
        return None
    ids = []
    for item in sequence(node, "scopes"):
        name = string(item, "scope")
        if name not in by_name:
            raise ModelError(item.start_mark, f"unknown scope '{name}' (not in the scope data)")
        if by_name[name] in ids:
            raise ModelError(item.start_mark, f"scope '{name}' is listed twice")
        ids.append(by_name[name])
    if ids and token in ("none", "user_session", "client_credentials", "signature", "forbidden"):
        raise ModelError(node.start_mark, f"a route with 'token: {token}' reads no access token, so it cannot accept scopes")
    if not ids and token in ("optional", "required"):
        raise ModelError(node.start_mark, f"a route with 'token: {token}' must list its scopes (or say 'any')")
    return ids


def _version(node, what):
    return Version.parse(version_text(node, what), node, what)


def _token(node):
    token = string(node, "token")
    if token not in WRITTEN_TOKEN_MODES:
        raise ModelError(node.start_mark, f"unknown token mode '{token}' (expected one of {', '.join(WRITTEN_TOKEN_MODES)})")
    return token


def _earlier(node, by_name, route):
    changes, after = [], route.added
    for item in sequence(node, "earlier"):
        f = mapping(item, "change", ("until", "scopes"), ("token",))
        until = _version(f["until"], "until")
        if until <= after:
            raise ModelError(f["until"].start_mark, f"until {until} must come after {after} (added, or the change before)")
        if route.removed is not None and until > route.removed:
            raise ModelError(f["until"].start_mark, f"until {until} comes after the route was removed ({route.removed})")
        token = _token(f["token"]) if "token" in f else route.token
        changes.append(Change(until, _scopes(f["scopes"], by_name, token), token))
        after = until
    return changes


def _route(node, by_name):
    f = mapping(node, "route", ("method", "path", "scopes", "token", "controller", "added", "source"),
                ("notes", "removed", "earlier"))
    method = string(f["method"], "method")
    if method not in METHODS:
        raise ModelError(f["method"].start_mark, f"unknown method '{method}' (expected one of {', '.join(METHODS)})")
    token = _token(f["token"])
    notes = string(f["notes"], "notes") if "notes" in f else ""
    route = Route(method, _path(f["path"]), _scopes(f["scopes"], by_name, token), token,
                  string(f["controller"], "controller"), notes, node, _version(f["added"], "added"),
                  source=string(f["source"], "source"))
    if "removed" in f:
        route.removed = _version(f["removed"], "removed")
        if route.removed <= route.added:
            raise ModelError(f["removed"].start_mark, f"removed {route.removed} must come after added {route.added}")
    if "earlier" in f:
        route.earlier = _earlier(f["earlier"], by_name, route)
    return route


def load_text(text, registry):
    root = compose(text)
    if root is None:
        raise ModelError(None, "the file is empty")
    top = mapping(root, "the file", ("revision", "routes"))
    by_name = {s.name: s.id for s in registry.scopes}
    routes, seen = [], {}
    for node in sequence(top["routes"], "routes"):
        route = _route(node, by_name)
        key = (route.method, route.path)
        if key in seen:
            raise ModelError(node.start_mark, f"duplicate route {route.method} {route.path} (first at line {seen[key]})")
        seen[key] = node.start_mark.line + 1
        routes.append(route)
    if not routes:
        raise ModelError(top["routes"].start_mark, "routes must not be empty")
    return Endpoints(string(top["revision"], "revision"), routes)


def load(path, registry):
    with open(path, encoding="utf-8") as f:
        return load_text(f.read(), registry)
