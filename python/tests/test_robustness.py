"""Bad input of every kind raises TypeError or ValueError (ScopeError among them), never anything worse."""

import random

import pytest

import mastoscope
from mastoscope import ScopeError, Scopes

WRONG_TYPES = [None, 1, 1.5, True, ["read"], {"read": 1}, object(), bytearray(b"read"), memoryview(b"read")]


def random_inputs(count, seed=20240601):
    rng = random.Random(seed)
    alphabet = b"readwritfolwpush:_ ,+%20\t\r\n\x00\x0b\x0c\xff\xc3\xa9" + bytes(range(0, 256, 17))
    names = [n.encode() for n in Scopes.all()]
    for _ in range(count):
        if rng.random() < 0.5:
            yield bytes(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        else:
            parts = [rng.choice(names) for _ in range(rng.randrange(0, 5))]
            yield rng.choice([b" ", b"  ", b",", b"+", b"\t", b"%20"]).join(parts)


def surrogate_texts():
    return ["read\udcff", "\ud800read", "read \udc80\udcff write", "\udfff", "caf\u00e9 read"]


def test_random_bytes_never_crash():
    for text in random_inputs(3000):
        for mode in ("strict", "query", "lenient"):
            result = Scopes.parse(text, mode=mode)
            assert result.valid == (not any(d.level == "error" for d in result.diagnostics))
            for server in ("gotosocial", "akkoma@3.9.3", "iceshrimp", "sharkey"):
                Scopes.parse(text, mode=mode, server=server)
        try:
            Scopes(text)
        except ScopeError:
            pass
        for server in (None, "mastodon@3.3.0", "gotosocial", "pixelfed", "iceshrimp"):
            mastoscope.register(text, server=server)
            try:
                mastoscope.authorize("read write", text, server=server)
                mastoscope.authorize(text, "read", server=server)
            except ValueError:  # an app the server would not register
                pass


def test_text_with_surrogates_never_crashes():
    for text in surrogate_texts():
        assert isinstance(Scopes.parse(text), mastoscope.ParseResult)
        mastoscope.register(text)
        mastoscope.authorize("read", text)
        with pytest.raises(ValueError):
            mastoscope.identify(text)
        with pytest.raises((ValueError, ScopeError)):
            mastoscope.info(text)
        with pytest.raises(ValueError):
            mastoscope.parse_server(text)
        with pytest.raises(ValueError):
            mastoscope.endpoint("GET", "/api/v1/" + text)
        assert text not in Scopes.all()


@pytest.mark.parametrize("bad", WRONG_TYPES, ids=repr)
def test_wrong_types(bad):
    calls = [
        lambda: Scopes.parse(bad),
        lambda: Scopes.parse("read", mode=bad),
        lambda: mastoscope.info(bad),
        lambda: mastoscope.endpoint(bad, "/api/v1/instance"),
        lambda: mastoscope.endpoint("GET", bad),
        lambda: mastoscope.plan([bad]),
        lambda: mastoscope.authorize("read", "read", grant=bad),
    ]
    if bad is not None:  # None means "absent" for these
        calls += [lambda: mastoscope.register(bad), lambda: mastoscope.authorize(bad, "read"),
                  lambda: Scopes.parse("read", server=bad), lambda: mastoscope.identify(bad)]
    if not isinstance(bad, (list, dict)) and bad is not None:  # an iterable of names is a set of scopes
        calls += [lambda: mastoscope.grants(bad, "read"), lambda: mastoscope.endpoint("GET", "/api/v1/instance", bad),
                  lambda: Scopes(bad)]
    for call in calls:
        with pytest.raises((TypeError, ValueError)):
            call()


def test_huge_input_is_refused_unread():
    huge = b"read " * 2_000_000  # 10 MB
    result = Scopes.parse(huge)
    assert [d.kind for d in result.diagnostics] == ["too_long"]
    with pytest.raises(ScopeError):
        Scopes(huge)
    assert not mastoscope.register(huge, server="gotosocial")


def test_wrong_arguments():
    with pytest.raises(TypeError):
        Scopes.parse("read", "strict")  # mode is keyword-only
    with pytest.raises(TypeError):
        mastoscope.grants("read")
    with pytest.raises(TypeError):
        Scopes("read").closure("gotosocial")
    with pytest.raises(TypeError):
        mastoscope.Diagnostic()
