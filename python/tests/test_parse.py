"""Parsing: Scopes(text), Scopes.parse in every mode and for every server, ScopeError and Diagnostic."""

import pytest

import mastoscope
from mastoscope import Diagnostic, ParseResult, ScopeError, Scopes

from conftest import SOURCE_ROOT


def adversarial_rows():
    """tests/data/adversarial.tsv: (input bytes, mode, options, verdict, kind, column)."""
    rows = []
    with open(SOURCE_ROOT / "tests" / "data" / "adversarial.tsv", encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            hex_text, mode, verdict, kind, column, *rest = line.rstrip("\n").split("\t")
            options = dict(o.split("=", 1) for o in " ".join(rest).split())
            text = bytes.fromhex(hex_text) * int(options.pop("repeat", 1))
            rows.append(pytest.param(text, mode, options, verdict, kind, column, id=f"line{number}"))
    return rows


@pytest.mark.parametrize("text, mode, options, verdict, kind, column", adversarial_rows())
def test_adversarial_corpus(text, mode, options, verdict, kind, column):
    server = f"mastodon@{options['version']}" if "version" in options else None
    max_length = int(options["max_length"]) if "max_length" in options else None
    result = Scopes.parse(text, mode=mode, server=server, max_length=max_length)
    assert result.valid == (verdict == "valid")
    assert bool(result) == result.valid
    wanted_level = "error" if verdict == "invalid" else "warning"
    first = next((d for d in result.diagnostics if d.level == wanted_level), None)
    if kind == "-":
        assert first is None
    else:
        assert (first.kind, first.column) == (kind, int(column))
    if mode == "strict" and not options:
        # Scopes(text) reads as the default parse does: the same set, or ScopeError for the first error
        if result.valid:
            assert Scopes(text) == result.scopes
        else:
            with pytest.raises(ScopeError) as raised:
                Scopes(text)
            assert (raised.value.kind, raised.value.column) == (kind, int(column))


def test_scope_error_has_every_field():
    with pytest.raises(ScopeError) as raised:
        Scopes("read raed")
    e = raised.value
    assert isinstance(e, ValueError)
    assert (e.kind, e.column, e.token, e.suggestion) == ("unknown_scope", 6, "raed", "read")
    assert e.message == "unknown scope 'raed'; did you mean 'read'?"
    assert str(e) == "column 6: " + e.message
    assert e.diagnostics == Scopes.parse("read raed").diagnostics
    assert all(isinstance(d, Diagnostic) for d in e.diagnostics)


def test_scope_error_is_the_first_error_not_the_first_warning():
    # follow is deprecated (a warning at column 1); the error comes after it
    with pytest.raises(ScopeError) as raised:
        Scopes("follow raed")
    assert (raised.value.kind, raised.value.column) == ("unknown_scope", 8)
    assert [d.level for d in raised.value.diagnostics] == ["warning", "error"]


def test_scope_error_without_suggestion():
    with pytest.raises(ScopeError) as raised:
        Scopes("")
    assert raised.value.kind == "empty"
    assert raised.value.suggestion is None and raised.value.token == ""


def test_diagnostic_fields_and_forms():
    result = Scopes.parse("read raed write:statuses,write:media Follow")
    assert isinstance(result, ParseResult)
    assert not result and result.scopes == Scopes("read")
    kinds = [(d.kind, d.level, d.column, d.token, d.suggestion) for d in result.diagnostics]
    assert kinds == [
        ("unknown_scope", "error", 6, "raed", "read"),
        ("unknown_scope", "error", 11, "write:statuses,write:media", "write:statuses write:media"),
        ("unknown_scope", "error", 38, "Follow", "follow"),
    ]
    d = result.diagnostics[0]
    assert str(d) == f"column 6: {d.message}"
    assert repr(d).startswith("Diagnostic(kind='unknown_scope', level='error', column=6")
    assert d == Scopes.parse("read raed").diagnostics[0]
    assert d != result.diagnostics[1]
    assert d.__match_args__ == ("kind", "level", "column", "token", "suggestion", "message")
    with pytest.raises(AttributeError):
        d.kind = "other"
    with pytest.raises(TypeError):
        Diagnostic()


def test_modes():
    assert not Scopes.parse("read+write")
    assert Scopes.parse("read+write", mode="query").scopes == Scopes("read write")
    assert Scopes.parse("read%20write%3Astatuses", mode="query").scopes == Scopes("read write:statuses")
    bad = Scopes.parse("read%2", mode="query")
    assert not bad and bad.diagnostics[0].kind == "bad_escape"
    lenient = Scopes.parse("read,write raed", mode="lenient")
    assert lenient.valid and lenient.scopes == Scopes("read write")
    assert [(d.kind, d.level) for d in lenient.diagnostics] == [("unknown_scope", "warning")]
    with pytest.raises(ValueError, match="mode must be one of 'strict', 'query', 'lenient', not 'loose'"):
        Scopes.parse("read", mode="loose")


def test_versions(scopes_data):
    # each scope's added release, as the data has it: not yet there one step before, there at it
    for entry in scopes_data["scopes"]:
        name, added = entry["name"], str(entry["added"])
        assert Scopes.parse(name, server=f"mastodon@{added}").valid, name
        if "removed" in entry:
            gone = Scopes.parse(name, server=f"mastodon@{entry['removed']}")
            assert [d.kind for d in gone.diagnostics] == ["removed"], name
            with pytest.raises(ScopeError, match="removed"):
                Scopes(name)
    profile_added = next(str(e["added"]) for e in scopes_data["scopes"] if e["name"] == "profile")
    early = Scopes.parse("profile", server="mastodon@4.2.0")
    assert early.diagnostics[0].kind == "not_yet_added"
    assert profile_added in early.diagnostics[0].message


def test_max_length():
    assert Scopes.parse("read write", max_length=10)
    too_long = Scopes.parse("read write", max_length=9)
    assert [d.kind for d in too_long.diagnostics] == ["too_long"]
    with pytest.raises(ValueError, match="negative"):
        Scopes.parse("read", max_length=-1)
    with pytest.raises(TypeError):
        Scopes.parse("read", max_length="10")
    with pytest.raises(TypeError):
        Scopes.parse("read", max_length=True)


def test_other_servers_read_their_own_names(servers_data):
    from conftest import version_key

    for name, server in servers_data.items():
        if name == "mastodon":
            continue
        newest = version_key(server["newest_release"])
        for entry in server["vocabulary"]["scopes"]:
            scope, added = (entry, None) if isinstance(entry, str) else (entry["name"], entry.get("added"))
            result = Scopes.parse(scope, server=name)
            if added is None or version_key(added) <= newest:
                assert result.valid and list(result.scopes) == [scope], (name, scope)
            else:
                assert [d.kind for d in result.diagnostics] == ["not_yet_added"], (name, scope)
                assert Scopes.parse(scope, server=f"{name}@{added}").valid, (name, scope)
        defined = {e if isinstance(e, str) else e["name"] for e in server["vocabulary"]["scopes"]}
        for scope in mastoscope.vocabulary():  # Mastodon's names that the server does not define
            if scope not in defined:
                assert not Scopes.parse(scope, server=name), (name, scope)


def test_other_server_separators():
    # Akkoma splits on commas too; GoToSocial keeps the empty name of two spaces (an error)
    assert Scopes.parse("read,write", server="akkoma").scopes == Scopes("read write")
    two_spaces = Scopes.parse("read  write", server="gotosocial")
    assert not two_spaces and two_spaces.diagnostics[0].token == ""


def test_bytes_and_text_agree():
    for text in ("read write", "read raed", "", " read", "write:media\tread"):
        assert Scopes.parse(text) == Scopes.parse(text.encode())


def test_non_utf8_and_nul_are_bad_characters():
    for text in (b"read\xffwrite", b"read \x00", "read\x00write", b"\xc3\x28", "read\udcff", "r\ud800"):
        result = Scopes.parse(text)
        assert not result
        assert result.diagnostics[0].kind == "bad_character", text
    # a token holding bytes that are not UTF-8 comes back with them escaped, losslessly
    token = Scopes.parse(b"read raed\xff", mode="lenient").diagnostics[0].token
    assert token.encode("utf-8", "surrogateescape") == b"raed\xff"


def test_construction():
    assert Scopes() == Scopes(None) == Scopes([]) and len(Scopes()) == 0
    assert Scopes(["read", b"write"]) == Scopes("read write")
    assert Scopes(Scopes("read")) == Scopes("read")
    assert Scopes(name for name in ("push",)) == Scopes("push")
    # names the data knows but Mastodon's newest release does not have are fine as names
    assert list(Scopes(["read:reports"])) == ["read:reports"]
    with pytest.raises(ScopeError) as raised:
        Scopes(["read", "raed"])
    assert raised.value.suggestion == "read" and str(raised.value).startswith("scopes: ")
    with pytest.raises(ValueError, match="not one scope name"):
        Scopes(["read write"])
    with pytest.raises(TypeError):
        Scopes(42)
    with pytest.raises(TypeError):
        Scopes([42])
