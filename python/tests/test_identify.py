"""identify: the saved documents of tests/cli/documents, given as text, bytes or dicts."""

import json

import pytest

import mastoscope
from mastoscope import Evidence, Identification, Scopes

from conftest import SOURCE_ROOT

DOCUMENTS = SOURCE_ROOT / "tests" / "cli" / "documents"


def nodeinfo_documents():
    return sorted(DOCUMENTS.glob("*.nodeinfo.json"))


@pytest.mark.parametrize("path", nodeinfo_documents(), ids=lambda p: p.name)
def test_nodeinfo_names_the_server(path):
    software = path.name.split(".")[0]
    text = path.read_text(encoding="utf-8")
    found = mastoscope.identify(text)
    assert isinstance(found, Identification)
    assert found.software.lower() == json.loads(text)["software"]["name"].lower()
    assert [(e.document, type(e)) for e in found.evidence] == [("nodeinfo", Evidence)]
    if software in mastoscope.servers:
        assert found and found.reason is None
        assert found.server.split("@")[0] == software
        assert mastoscope.parse_server(found.server) == found.server  # usable as server=
        assert isinstance(mastoscope.vocabulary(found.server), Scopes)
    else:
        assert not found and found.server is None and found.reason
    # the same document as bytes and as a dict
    assert mastoscope.identify(text.encode()) == found
    assert mastoscope.identify(json.loads(text)) == found


def test_several_documents_and_metadata():
    paths = sorted(DOCUMENTS.glob("mastodon.*.json"))
    found = mastoscope.identify(*(p.read_text(encoding="utf-8") for p in paths))
    assert found and found.server.startswith("mastodon@") and len(found.evidence) == len(paths)
    metadata = json.loads((DOCUMENTS / "mastodon.oauth-authorization-server.json").read_text(encoding="utf-8"))
    assert found.scopes_supported == metadata["scopes_supported"]
    assert isinstance(found.not_advertised, Scopes) and isinstance(found.not_in_data, list)


def test_unreadable_documents():
    with pytest.raises(ValueError, match="^document 1: invalid JSON at byte 0$"):
        mastoscope.identify("")
    with pytest.raises(ValueError, match="^document 2: nested too deeply"):
        mastoscope.identify({"version": "2.0", "software": {"name": "mastodon", "version": "4.3.0"}},
                            '{"uri":"a","version":"4.3.0","x":' + "[" * 40 + "]" * 40 + "}")
    with pytest.raises(ValueError, match="not a NodeInfo, instance or RFC 8414 document"):
        mastoscope.identify({"hello": "world"})
    with pytest.raises(ValueError, match="software.name is not a string"):
        mastoscope.identify({"software": {"name": ["gotosocial"]}})
    with pytest.raises(ValueError, match="invalid JSON"):
        mastoscope.identify(b"\xff{}")
    with pytest.raises(TypeError, match="document 1 must be"):
        mastoscope.identify(["not", "a", "dict"])
    with pytest.raises(TypeError):
        mastoscope.identify({"uri": object()})  # the json module cannot write it
    assert not mastoscope.identify()
