# The route model: loads data/endpoints.yaml and checks every route against the scope registry.
"""Model of Mastodon's API routes as described by data/endpoints.yaml.

`load(path, registry)` returns an `Endpoints` or raises `ModelError` pointing at the offending node.
"""

import re
from dataclasses import dataclass, field

import yaml

from yaml_nodes import ModelError, compose, mapping, sequence, string

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
TOKEN_MODES = ("none", "optional", "required", "user", "user-session", "client-credentials")
SEGMENT = re.compile(r"(?:[A-Za-z0-9_.~-]+|:[a-z_][a-z0-9_]*|\*[a-z_][a-z0-9_]*)\Z")


@dataclass
class Route:
    method: str
    path: str
    scopes: list  # scope ids the controller accepts (any one), or None for any valid token
    token: str
    controller: str
    notes: str = ""
    node: object = field(default=None, repr=False)


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
    if ids and token in ("none", "user-session", "client-credentials"):
        raise ModelError(node.start_mark, f"a route with 'token: {token}' reads no access token, so it cannot accept scopes")
    if not ids and token in ("optional", "required"):
        raise ModelError(node.start_mark, f"a route with 'token: {token}' must list its scopes (or say 'any')")
    return ids


def _route(node, by_name):
    f = mapping(node, "route", ("method", "path", "scopes", "token", "controller"), ("notes",))
    method = string(f["method"], "method")
    if method not in METHODS:
        raise ModelError(f["method"].start_mark, f"unknown method '{method}' (expected one of {', '.join(METHODS)})")
    token = string(f["token"], "token")
    if token not in TOKEN_MODES:
        raise ModelError(f["token"].start_mark, f"unknown token mode '{token}' (expected one of {', '.join(TOKEN_MODES)})")
    notes = string(f["notes"], "notes") if "notes" in f else ""
    return Route(method, _path(f["path"]), _scopes(f["scopes"], by_name, token), token,
                 string(f["controller"], "controller"), notes, node)


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
