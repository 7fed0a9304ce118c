"""What the data says: info, vocabulary, versions and servers, against the data files."""

import pytest

import mastoscope
from mastoscope import ScopeError, ScopeInfo, Scopes

from conftest import version_key


def test_newest_release_and_default(scopes_data):
    assert mastoscope.newest_release == str(scopes_data["server"]["newest_release"])
    assert mastoscope.default_scope == scopes_data["server"]["default_scope"]
    assert isinstance(mastoscope.__version__, str) and mastoscope.__version__


def test_servers(servers_data):
    assert mastoscope.servers == tuple(servers_data)
    for name, server in servers_data.items():
        full = mastoscope.parse_server(name)
        newest = mastoscope.newest_release if name == "mastodon" else str(server["newest_release"])
        assert full.startswith(f"{name}@") and version_key(full.split("@")[1]) == version_key(newest)
    assert mastoscope.parse_server("mastodon@4.3.0+glitch") == "mastodon@4.3.0+glitch"
    assert mastoscope.parse_server("akkoma@3.9.3-232-g6fde75e1-develop").startswith("akkoma@3.9.3")


@pytest.mark.parametrize("text, message", [
    ("misskey", "unknown server 'misskey'"),
    ("", "unknown server ''"),
    ("mastodon@v4.3.0", "'v4.3.0' is not a release of Mastodon"),
    ("mastodon@4.2", "'4.2' is not a release of Mastodon"),
    ("mastodon@", "'' is not a release of Mastodon"),
    ("Mastodon", "unknown server 'Mastodon'"),
    ("mastodon@4.3.0\x00", "is not a release of Mastodon"),
])
def test_bad_servers(text, message):
    for call in (lambda: mastoscope.parse_server(text), lambda: Scopes.parse("read", server=text),
                 lambda: mastoscope.grants("read", "read", server=text), lambda: mastoscope.register(server=text)):
        with pytest.raises(ValueError, match=message.replace("(", r"\(")):
            call()
    with pytest.raises(TypeError, match="server must be"):
        mastoscope.vocabulary(4)


def test_info_follows_the_data(scopes_data):
    for entry in scopes_data["scopes"]:
        i = mastoscope.info(entry["name"])
        assert isinstance(i, ScopeInfo) and i.name == entry["name"]
        assert i.parents == Scopes(entry.get("parents") or [])
        assert i.added == str(entry["added"])
        deprecated = entry.get("deprecated")
        if isinstance(deprecated, dict):
            assert (i.deprecated, i.deprecation_note) == (str(deprecated["version"]), deprecated.get("note"))
        else:
            assert i.deprecated == (str(deprecated) if deprecated else None)
        assert i.removed == (str(entry["removed"]) if "removed" in entry else None)
        assert i.description == entry["description"] and i.refs == list(entry.get("refs") or [])
        for child in i.children:
            assert entry["name"] in mastoscope.info(child).parents
        assert entry["name"] not in i.implies and entry["name"] not in i.implied_by
    with pytest.raises(ScopeError) as raised:
        mastoscope.info("raed")
    assert raised.value.suggestion == "read"
    with pytest.raises(ValueError, match="not one scope name"):
        mastoscope.info("read write")


def test_info_of_names_only_other_servers_define(scopes_data):
    mastodon_names = {e["name"] for e in scopes_data["scopes"]}
    foreign = [n for n in Scopes.all() if n not in mastodon_names]
    assert foreign  # the data has some (chats, bites, ...)
    for name in foreign:
        assert mastoscope.info(name).added is None


def test_vocabulary_follows_the_data(scopes_data):
    def available(entry, at):
        v = version_key(at)
        return version_key(entry["added"]) <= v and not ("removed" in entry and version_key(entry["removed"]) <= v)

    releases = sorted({str(e[k]) for e in scopes_data["scopes"] for k in ("added", "removed") if k in e},
                      key=version_key)
    for at in releases:
        wanted = {e["name"] for e in scopes_data["scopes"] if available(e, at)}
        assert set(mastoscope.vocabulary(f"mastodon@{at}")) == wanted, at
    assert mastoscope.vocabulary() == mastoscope.vocabulary("mastodon") == mastoscope.vocabulary(None)


def test_all_holds_every_name(scopes_data):
    names = [e["name"] for e in scopes_data["scopes"]]
    assert list(Scopes.all())[:len(names)] == names  # ids follow the file's order
