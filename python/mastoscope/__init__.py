"""Mastodon's OAuth scopes, exactly.

The Python face of the C++ library mastoscope: parse scope strings as Mastodon reads them, with
diagnostics that say what is wrong, where, and what to write instead; the set algebra of the
documented hierarchy (grants, closure, normalize, explain); Mastodon's real checks (endpoint, plan,
register, authorize); the other servers of Mastodon's API family; and identify, which names a server
from the documents it serves about itself.

    >>> import mastoscope
    >>> mastoscope.grants("follow", "read:mutes")
    True
    >>> "read:statuses" in mastoscope.Scopes("read").closure()
    True

Everything is defined in the extension module mastoscope._mastoscope and re-exported here.
"""

from ._mastoscope import (
    AppRegistration,
    Authorization,
    Diagnostic,
    Divergence,
    Endpoint,
    Evidence,
    Explanation,
    Identification,
    ParseResult,
    Plan,
    PlannedRoute,
    Registration,
    ScopeError,
    ScopeInfo,
    Scopes,
    TokenAuthorization,
    __version__,
    authorize,
    default_scope,
    endpoint,
    explain,
    grants,
    identify,
    info,
    newest_release,
    parse_server,
    plan,
    register,
    servers,
    vocabulary,
)

__all__ = [
    "AppRegistration",
    "Authorization",
    "Diagnostic",
    "Divergence",
    "Endpoint",
    "Evidence",
    "Explanation",
    "Identification",
    "ParseResult",
    "Plan",
    "PlannedRoute",
    "Registration",
    "ScopeError",
    "ScopeInfo",
    "Scopes",
    "TokenAuthorization",
    "authorize",
    "default_scope",
    "endpoint",
    "explain",
    "grants",
    "identify",
    "info",
    "newest_release",
    "parse_server",
    "plan",
    "register",
    "servers",
    "vocabulary",
]
