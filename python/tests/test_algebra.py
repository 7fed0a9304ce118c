"""The algebra: set operators, closure against the hierarchy of data/scopes.yaml, grants, normalize, explain."""

import itertools
import re
import pickle

import pytest

import mastoscope
from mastoscope import Explanation, ScopeError, Scopes


@pytest.fixture(scope="session")
def hierarchy(scopes_data):
    """Each Mastodon scope -> what it grants, itself included, from the parents in the data."""
    parents = {s["name"]: set(s.get("parents") or []) for s in scopes_data["scopes"]}

    def ancestors(name):
        seen, todo = set(), [name]
        while todo:
            s = todo.pop()
            if s not in seen:
                seen.add(s)
                todo.extend(parents[s])
        return seen

    return {name: {c for c in parents if name in ancestors(c)} for name in parents}


def test_pinned_facts():
    assert mastoscope.grants("follow", "read:mutes")
    assert mastoscope.grants(Scopes("follow"), Scopes("read:mutes"))
    assert Scopes("follow").grants("read:mutes")
    assert not mastoscope.grants("read", "write:statuses")
    assert "read:statuses" in Scopes("read").closure()
    assert "read:statuses" not in Scopes("read")


def test_closure_follows_the_data(hierarchy):
    for name, granted in hierarchy.items():
        assert set(Scopes([name]).closure()) == granted, name
        assert set(mastoscope.info(name).implies) == granted - {name}
    for a, b in itertools.combinations(sorted(hierarchy)[:20], 2):
        assert set(Scopes([a, b]).closure()) == hierarchy[a] | hierarchy[b]


def test_grants_is_closure_inclusion(hierarchy):
    names = sorted(hierarchy)
    for held, wanted in itertools.product(names, names):
        assert mastoscope.grants([held], [wanted]) == (wanted in hierarchy[held]), (held, wanted)
    assert mastoscope.grants("read write", "read:statuses write:media")
    assert not mastoscope.grants("read", ["read:statuses", "write:media"])
    assert mastoscope.grants("read", Scopes())  # nothing required


def test_operators():
    a, b = Scopes("read write push"), Scopes("write follow")
    assert a | b == Scopes("read write push follow")
    assert a & b == Scopes("write")
    assert a - b == Scopes("read push")
    assert a ^ b == Scopes("read push follow")
    assert Scopes("read") <= a and Scopes("read") < a and a >= a and not a > a
    assert not Scopes("read:statuses") <= Scopes("read")  # inclusion is literal, not the hierarchy
    assert a != b and a == Scopes("push write read")
    assert len(a) == 3 and bool(a) and not Scopes()
    assert list(a) == [n for n in mastoscope.Scopes.all() if n in a]  # iteration in the data's order
    assert str(a) == "read write push" and repr(a) == "Scopes('read write push')" and repr(Scopes()) == "Scopes()"
    assert eval(repr(a), {"Scopes": Scopes}) == a
    assert {a: 1}[Scopes("push read write")] == 1 and hash(a) == hash(Scopes(list(a)))
    assert len({Scopes([n]) for n in Scopes.all()}) == len(Scopes.all())
    assert pickle.loads(pickle.dumps(a)) == a
    assert "raed" not in a and 42 not in a and None not in a
    for bad in ("read", {"read"}, 1, None):
        with pytest.raises(TypeError):
            a | bad
        with pytest.raises(TypeError):
            a <= bad
    assert (a == "read write push") is False


def test_normalize(hierarchy):
    assert Scopes("write write:media write:statuses push").normalize() == Scopes("write push")
    for name, granted in hierarchy.items():
        whole = Scopes(sorted(granted))
        assert whole.normalize() == Scopes([name]), name
        assert whole.normalize().closure() == whole.closure()


def test_explain():
    e = mastoscope.explain("read follow", "read:mutes write:media read:statuses")
    assert isinstance(e, Explanation) and not e and not e.granted
    assert e.missing == Scopes("write:media")
    assert e.because == {"read:mutes": ["read", "read:mutes"], "read:statuses": ["read", "read:statuses"]}
    assert e.granted_by == {"write:media": Scopes("write write:media")}
    assert Scopes("read follow").explain("read:mutes") == mastoscope.explain("read follow", "read:mutes")
    # follow grants read:follows, but routes that accept read:follows refuse follow: divergences
    d = mastoscope.explain("follow", "read:follows")
    assert d.granted and d.because == {"read:follows": ["follow", "read:follows"]}
    assert d.divergences and all(x.scope == "follow" for x in d.divergences)
    for x in d.divergences:
        route = mastoscope.endpoint(x.method, re.sub(r":\w+", "1", x.path))
        assert "read:follows" in route.accepts and "follow" not in route.accepts


def test_server_rules(servers_data):
    # GoToSocial: a top-level scope grants the names under it; before 0.19.0 it checked no scopes at all
    assert mastoscope.grants("read", "read:statuses", server="gotosocial")
    enforced = servers_data["gotosocial"]["enforced_since"]["version"]
    assert mastoscope.grants("read", "write:statuses", server="gotosocial@0.18.0")
    assert not mastoscope.grants("read", "write:statuses", server=f"gotosocial@{enforced}")
    explanation = mastoscope.explain("read", "read:statuses write", server="gotosocial")
    assert explanation.because == {"read:statuses": ["read", "read:statuses"]}
    assert explanation.granted_by == {"write": Scopes("write")} and explanation.divergences == []
    # closure and normalize at a server
    assert Scopes("read").closure(server="gotosocial") <= mastoscope.vocabulary("gotosocial")
    assert Scopes("read read:statuses").normalize(server="gotosocial") == Scopes("read")
    # Mastodon at a release: what that release has of the closure
    assert "profile" not in Scopes("read").closure(server="mastodon@4.2.0")
    assert Scopes("read").closure(server="mastodon") == Scopes("read").closure() & mastoscope.vocabulary()


def test_strings_are_read_at_the_server():
    with pytest.raises(ScopeError) as raised:
        mastoscope.grants("read", "profile", server="mastodon@4.2.0")
    assert raised.value.kind == "not_yet_added" and str(raised.value).startswith("required: ")
    with pytest.raises(ScopeError) as raised:
        mastoscope.grants("raed", "read")
    assert str(raised.value).startswith("granted: ")
    # another server takes any name the data knows, as scopecheck does
    assert not mastoscope.grants("read", "read:statuses", server="pixelfed")
