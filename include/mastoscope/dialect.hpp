// Reading a scope string as a server of Mastodon's API family reads it: its separators and its
// vocabulary at its release (data/servers.yaml). For Mastodon this is parse() at the server's release.
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <mastoscope/lint.hpp>
#include <mastoscope/mastodon.hpp>
#include <mastoscope/parse.hpp>
#include <mastoscope/server.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

// The release of `on` that first defined `s`: nullopt if every release the data describes has it,
// or if no release does (then `vocabulary` never holds it).
std::optional<version> added_on(software on, scope s) noexcept;

// Parses `text` as the server `on` splits a scope string (its `separators` rule), each name checked
// against the names it defines at its release: a name it does not define is an error (unknown_scope,
// with the server's scope that stands for it as the suggestion where there is one), one it defines
// only from a later release is not_yet_added, an empty name (two separators together, where the
// server keeps it) is unknown_scope with an empty token. options.server_version is not read: the
// release is on.release. In query mode the text is URL-decoded first ('+' a space, %XX a byte, a bad
// escape an error) and columns are those of the text as written; in lenient mode commas and ASCII
// whitespace separate, unknown names are warnings, and the string is valid if a known one remains.
// Mastodon's answer is parse(text, options) at on.release.
parse_result parse(std::string_view text, server const& on, parse_options const& options);

// lint() as the server `on` reads the text: its errors, duplicates, names that a later release added
// (unavailable), lenient mode's unknown names, and scopes another written scope grants there under its
// hierarchy (redundant). Another server matches requested scopes against registered ones through its
// hierarchy or not at all, so there is no registration trap. Mastodon's answer is lint() at on.release.
lint_result lint(std::string_view text, server const& on, parse_options const& options);

// POST /api/v1/apps on a server other than Mastodon (mastodon::register_app answers for Mastodon), with
// `scopes` as the server's framework decoded it (nullopt: no scopes parameter), under its
// registration facts: what a missing or blank parameter gives, its length limit, the names it
// refuses, how it splits and stores them.
struct app_registration {
    bool ok;
    int status;                        // 200, or the server's refusal status
    std::string_view reason;           // the server's message when refused ("" when ok); "{length}" in it
                                       // stands for `length`
    std::size_t length;                // the parameter's length in characters (UTF-8 code points)
    bool scopes_read;                  // false where the server does not read the parameter (Pixelfed)
    std::vector<std::string> stored;   // the app's names as the server keeps them, empty names included
    std::vector<std::string> refused;  // on a vocabulary refusal: the names it does not define, or repeats
    explicit operator bool() const noexcept { return ok; }
};
app_registration register_on(server const& on, std::optional<std::string_view> scopes);
// The server's message for a refusal, its "{length}" replaced by the parameter's length.
std::string message(app_registration const& refused);

// GET /oauth/authorize (authorization_code) or POST /oauth/token (client_credentials) on a server
// other than Mastodon (mastodon::authorize answers for Mastodon) for an app whose names are
// `registered` (as register_on stores them), with `requested` as the framework decoded it (nullopt
// or blank: no scope parameter): split as the server splits it there, and checked by its rule for
// that grant. Where the rule is unchecked, the token gets what its `missing` fact says, whatever
// was asked.
struct token_authorization {
    bool ok;
    int status;                            // 200, or the server's refusal status (a 302 redirect, 400, 401)
    std::string_view oauth_error;          // "invalid_scope" where the server names one, else ""
    std::string_view reason;               // the server's message when refused ("" when ok); "{scope}" in it
                                           // stands for the requested names, joined by spaces
    std::vector<std::string> scopes;       // the names the token gets
    std::vector<std::string> not_covered;  // requested names the rule refuses: not granted by the app's
                                           // names (or, for a vocabulary rule, not defined), as written
    explicit operator bool() const noexcept { return ok; }
};
token_authorization authorize_on(server const& on, std::vector<std::string> const& registered,
                                 std::optional<std::string_view> requested,
                                 mastodon::grant_type grant = mastodon::grant_type::authorization_code);
// The server's message for a refusal, its "{scope}" replaced by the scope parameter as the server saw
// it: `requested`, or the server's default scopes when it is absent or blank.
std::string message(token_authorization const& refused, server const& on, std::optional<std::string_view> requested);

MASTOSCOPE_END_NAMESPACE
