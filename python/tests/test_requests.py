"""Mastodon's real checks and the other servers' answers: endpoint, plan, register, authorize."""

import re

import pytest

import mastoscope
from mastoscope import (AppRegistration, Authorization, Endpoint, Plan, Registration, ScopeError, Scopes,
                        TokenAuthorization)
from conftest import version_key


def concrete(path):
    """A request path that reaches the route: each :param a number, a final *wildcard one segment."""
    return re.sub(r"[:*]\w+", "1", path)


def test_every_route_of_the_data(endpoints_data):
    newest = version_key(mastoscope.newest_release)
    for route in endpoints_data["routes"]:
        method, path = route["method"], route["path"]
        if "removed" in route and version_key(route["removed"]) <= newest:
            with pytest.raises(ValueError, match=f"removed in {route['removed']}"):
                mastoscope.endpoint(method, concrete(path))
            continue
        if version_key(route["added"]) > newest:
            continue
        e = mastoscope.endpoint(method, concrete(path))
        assert isinstance(e, Endpoint)
        # `scopes: any` on a required route is the mode any_token (generator/endpoints.py)
        token = "any_token" if route["scopes"] == "any" else route["token"]
        assert (e.method, e.path, e.token, e.added) == (method, path, token, str(route["added"]))
        assert e.accepts == Scopes([] if route["scopes"] == "any" else route["scopes"]), (method, path)
        assert e.allowed is None and e.status is None and e.reason is None


def test_endpoint_with_a_token():
    e = mastoscope.endpoint("GET", "/api/v1/accounts/relationships", "follow")
    assert (e.allowed, e.status) == (False, 403) and "literally" in e.reason
    assert "read:follows" in Scopes("follow").closure()  # the hierarchy would, Mastodon does not
    ok = mastoscope.endpoint("GET", "/api/v1/accounts/relationships", token=Scopes("read:follows"))
    assert (ok.allowed, ok.status) == (True, 200)
    assert mastoscope.endpoint("HEAD", "/api/v1/accounts/relationships").method == "GET"


def test_endpoint_refusals():
    with pytest.raises(ValueError, match="not an HTTP method"):
        mastoscope.endpoint("get", "/api/v1/instance")
    with pytest.raises(ValueError, match="no Mastodon route for GET '/nowhere'"):
        mastoscope.endpoint("GET", "/nowhere")
    with pytest.raises(ValueError, match=r"no such route at 2\.0\.0 \(added in"):
        mastoscope.endpoint("GET", "/api/v2/instance", server="mastodon@2.0.0")
    with pytest.raises(ValueError, match="Mastodon only, not gotosocial@"):
        mastoscope.endpoint("GET", "/api/v1/instance", server="gotosocial")
    with pytest.raises(ScopeError, match="^token: "):
        mastoscope.endpoint("GET", "/api/v1/instance", "raed")


def test_plan():
    wanted = ["GET /api/v1/accounts/verify_credentials", ("POST", "/api/v1/statuses"), "GET /api/v1/timelines/home"]
    p = mastoscope.plan(wanted)
    assert isinstance(p, Plan) and p and p.ok and p.reason is None
    assert p.scopes <= mastoscope.vocabulary() and p.unlocks > 0
    assert [(r.method, r.path) for r in p.routes] == [
        ("GET", "/api/v1/accounts/verify_credentials"), ("POST", "/api/v1/statuses"), ("GET", "/api/v1/timelines/home")]
    for r in p.routes:
        assert r.possible and r.served_by in p.scopes
        assert r.served_by in mastoscope.endpoint(r.method, r.path).accepts
        # the plan passes each route's literal check
        assert mastoscope.endpoint(r.method, r.path, p.scopes).allowed
    # at 4.2.0 there is no profile scope: another scope stands in
    older = mastoscope.plan(wanted, server="mastodon@4.2.0")
    assert older and "profile" not in older.scopes and older.scopes <= mastoscope.vocabulary("mastodon@4.2.0")
    assert mastoscope.plan([]) and mastoscope.plan([]).scopes == Scopes()
    with pytest.raises(ValueError, match="METHOD PATH"):
        mastoscope.plan(["GET"])
    with pytest.raises(TypeError):
        mastoscope.plan("GET /api/v1/instance")
    with pytest.raises(TypeError):
        mastoscope.plan([("GET",)])
    with pytest.raises(ValueError, match="Mastodon only"):
        mastoscope.plan([], server="akkoma")


def test_plan_of_a_route_no_token_can_call(endpoints_data):
    session = next(r for r in endpoints_data["routes"] if r["token"] == "user_session" and "removed" not in r)
    p = mastoscope.plan([f"{session['method']} {concrete(session['path'])}"])
    assert not p and p.reason and not p.routes[0].possible


def test_register_on_mastodon(scopes_data):
    default = scopes_data["server"]["default_scope"]
    r = mastoscope.register("read raed")
    assert isinstance(r, Registration) and not r and r.status == 422 and r.stored == []
    assert [(d.kind, d.token, d.suggestion) for d in r.refused] == [("unknown_scope", "raed", "read")]
    ok = mastoscope.register("push read")
    assert ok and ok.status == 200 and ok.reason is None and ok.stored == ["push", "read"]  # as given
    assert mastoscope.register().stored == [default] == mastoscope.register(None).stored
    assert mastoscope.register("").stored == [] and mastoscope.register("")
    assert mastoscope.register("read read write").stored == ["read", "write"]
    assert mastoscope.register(b"read \xff").status == 400
    # before 3.4.0 Mastodon stored any name
    assert mastoscope.register("read raed", server="mastodon@3.3.0").stored == ["read", "raed"]


def test_authorize_on_mastodon(scopes_data):
    a = mastoscope.authorize("read", "read:accounts")
    assert isinstance(a, Authorization) and not a
    assert (a.status, a.oauth_error, a.not_registered) == (400, "invalid_scope", ["read:accounts"])
    assert a.covered_by_hierarchy == Scopes("read:accounts") and a.scopes == []
    b = mastoscope.authorize("read:statuses", "read:statuses write:media")
    assert not b and b.not_registered == ["write:media"]
    c = mastoscope.authorize("read write", "write read")
    assert c and c.status == 200 and c.reason is None and c.oauth_error is None and set(c.scopes) == {"read", "write"}
    default = scopes_data["server"]["default_scope"]
    assert mastoscope.authorize("read write", None).scopes == [default]
    assert mastoscope.authorize("read write", "  ").scopes == [default]
    assert mastoscope.authorize("read", "read\twrite").oauth_error == "invalid_scope"
    assert mastoscope.authorize("read", "raed").refused[0].suggestion == "read"
    assert mastoscope.authorize("read", b"read \xff").oauth_error == "invalid_request"
    cc = mastoscope.authorize("read", "read", grant="client_credentials")
    assert cc and cc.scopes == ["read"]
    with pytest.raises(ValueError, match="would not register 'raed'"):
        mastoscope.authorize("raed", "read")
    with pytest.raises(ValueError, match="grant must be one of 'authorization_code', 'client_credentials'"):
        mastoscope.authorize("read", "read", grant="implicit")


def test_other_servers_register_and_authorize(servers_data):
    for name, server in servers_data.items():
        if name == "mastodon":
            continue
        r = mastoscope.register("read", server=name)
        assert isinstance(r, AppRegistration) and r.status in (200, 400, 401, 403, 422), name
        assert r.scopes_read == (server["registration"]["rule"] != "ignored"), name
        if r:
            a = mastoscope.authorize("read", "read", server=name)
            assert isinstance(a, TokenAuthorization), name
            assert a.reason is None or "{scope}" not in a.reason
    limit = servers_data["gotosocial"]["registration"]["max_length"]
    long = mastoscope.register("a" * (limit + 1), server="gotosocial")
    assert not long and long.length == limit + 1 and f"{limit + 1} characters" in long.reason
    assert mastoscope.register("a" * limit, server="gotosocial")
    refused = mastoscope.authorize("read", "write", server="gotosocial", grant="client_credentials")
    assert not refused and refused.not_covered == ["write"] and "requested scope write" in refused.reason
