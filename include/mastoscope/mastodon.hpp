// Mastodon's real enforcement, from data/endpoints.yaml: routes and their scope checks, app
// registration, authorization, the docs-versus-code audit and a least-privilege planner.
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <mastoscope/detail/token_modes.hpp>
#include <mastoscope/parse.hpp>
#include <mastoscope/scope_set.hpp>
#include <mastoscope/version.hpp>

MASTOSCOPE_BEGIN_NAMESPACE
namespace mastodon {

struct route {
    std::string_view method;  // "GET", "POST", ...
    std::string_view path;    // "/api/v1/accounts/:id"; a final "*name" segment matches the rest
    scope_set accepts;        // any one of these, held literally, passes the scope check (today)
    token_mode token;
    std::string_view controller;
    std::string_view notes;
    version added;                            // the first release with the route
    std::optional<version> removed;           // the first release without it
    std::uint16_t first_change, last_change;  // its earlier checks, see earlier()
    std::string_view source;                  // where its history was read (docs, pull requests)
};

// Before `until` (from the route's `added`, or the change before), the route accepted these.
struct route_change {
    version until;
    scope_set accepts;
    token_mode token;
};

std::string_view to_string(token_mode mode) noexcept;

// The route's earlier checks, oldest first.
std::span<route_change const> earlier(route const& r) noexcept;
// Did the route exist at `v`: from its `added` release up to, not including, `removed`?
bool exists_at(route const& r, version const& v) noexcept;
// The route as a server at `v` had it: the scopes it accepted and its token mode then, less scopes
// that version did not have. Asked of a version without the route, it answers for its first release.
route at(route const& r, version const& v) noexcept;

// Every route of the data, and the Mastodon revision they were read from.
std::span<route const> routes() noexcept;
std::string_view routes_revision() noexcept;

// The route a concrete request reaches: static segments beat :params, which beat a *wildcard. The
// method is upper case, as HTTP has it (HEAD is GET); a query string, a trailing slash and repeated
// slashes are ignored, as Rails ignores them; a segment that holds a dot or is "." or ".." matches no
// :param (Mastodon's API routes take no format suffix). Routes that exist at `v` come first: a route
// of another version is returned only when none of `v` matches (check exists_at). nullptr if none.
route const* match(std::string_view method, std::string_view path, version const& v = newest_release) noexcept;

// Every answer of Mastodon's checks below starts alike: `ok` (Mastodon lets it through; the result
// converts to bool as it), `status` (the HTTP status Mastodon answers) and `reason` (why, for people,
// a fixed text; "" where there is nothing to say). A plan, which is no request, has `ok` and `reason`.

// Does the route let this request through? `token` is the token's written scopes, or nullopt for a
// request without a token. Mastodon's check is literal: ANY ONE accepted scope, held as written.
struct access {
    bool ok;
    int status;  // 200; 401 or 403 as Mastodon answers; 302 (a redirect to sign in) on the browser pages
    std::string_view reason;
    explicit operator bool() const noexcept { return ok; }
};
access allows(route const& r, std::optional<scope_set> const& token) noexcept;

// Scope names as Mastodon stores and reads them (Doorkeeper's Scopes.from_string): the text split on
// Ruby's whitespace (space, \t, \n, \v, \f, \r), duplicates dropped keeping the first, in that
// order. Names the data does not know are kept: before 3.4.0 an app could register any name.
struct stored_scopes {
    std::vector<std::string> names;  // in first-occurrence order
    scope_set as_set;                // the names that are scopes of the data (of any version), as a set
    bool empty() const noexcept { return names.empty(); }
    bool has_unknown() const noexcept { return names.size() != as_set.size(); }
    bool contains(std::string_view name) const noexcept;
    std::string text() const;  // the names joined with single spaces: the stored string
};
stored_scopes store_scopes(std::string_view text);

// ActiveSupport's String#blank?: empty or only whitespace, Unicode spaces (U+00A0, U+3000, ...)
// included. A blank scope parameter counts as absent.
bool ruby_blank(std::string_view text) noexcept;
// Rails refuses a request whose parameters are not UTF-8 (400) before Doorkeeper sees them.
bool valid_utf8(std::string_view text) noexcept;

// POST /api/v1/apps with `scopes` (nullopt: the parameter was absent; the text as Rails decoded it).
struct registration {
    bool ok;
    int status;                       // 200, 422, or 400 for a parameter that is not UTF-8
    std::string_view reason;          // Mastodon's message on 422 or 400, else ""
    stored_scopes stored;             // the app's scopes (absent: the default scope; blank: none at all)
    std::vector<diagnostic> refused;  // on 422: why each refused name is no scope at the version, as
                                      // parse() words it (suggestions included; columns within the name)
    explicit operator bool() const noexcept { return ok; }
};
registration register_app(std::optional<std::string_view> scopes, version const& server);

// GET /oauth/authorize (authorization_code) or POST /oauth/token (client_credentials) with `scope`
// (nullopt or blank: absent; else the text as Rails decoded it) for an app whose stored scopes are
// `registered` (empty: an app with no scopes). Doorkeeper's rule: every requested name must be one
// of the app's scopes, literally (or, for an app with none, one of the server's). authorization_code
// checks the raw parameter (a tab, CR or LF refuses it); client_credentials checks it after splitting
// and joining. With no scope parameter the token gets the default scope if the app registered it.
enum class grant_type { authorization_code, client_credentials };
inline constexpr std::array<grant_type, 2> grant_types{grant_type::authorization_code, grant_type::client_credentials};
std::string_view to_string(grant_type grant) noexcept;  // "authorization_code", "client_credentials"
struct authorization {
    bool ok;
    int status;                               // 200, or 400 with oauth_error "invalid_scope" (or "invalid_request")
    std::string_view reason;                  // why, for people ("" when accepted)
    std::string_view oauth_error;             // the OAuth error code: "invalid_scope", "invalid_request" or ""
    stored_scopes scopes;                     // what the token gets, in Doorkeeper's order
    std::vector<std::string> not_registered;  // requested names the app may not have: scopes in id order,
                                              // then names the data does not know, as written
    scope_set covered_by_hierarchy;           // ...of which the app's scopes would grant these (documented hierarchy)
    std::vector<diagnostic> refused;          // ...of which those that are no scope at the version: why, as
                                              // parse() words it (columns within the name)
    explicit operator bool() const noexcept { return ok; }
};
authorization authorize(stored_scopes const& registered, std::optional<std::string_view> requested, grant_type grant,
                        version const& server);

// Where the documented hierarchy says a scope grants a route and Mastodon refuses it: `scope`'s
// closure holds an accepted scope of `where`, but `scope` itself is not accepted.
struct divergence {
    scope granted;
    route where;
};
std::vector<divergence> audit(version const& server);
// The divergences a grant from `granted` down to `required` crosses: routes accepting `required`
// but not `granted`.
std::vector<divergence> divergences(scope granted, scope required, version const& server);

// The least-privilege scope set that lets one token call every route of `wanted` (as each was at the
// server version; a route that does not exist there is impossible): it unlocks the fewest routes of
// the table at that version (ties: fewer scopes, then lower ids), using only scopes the server
// version has. Exact (branch and bound over minimal hitting sets).
// A wanted route in a plan: whether a token can call it at the server version, and the scope of the
// plan that passes its check (nullopt when it needs none, or no token can call it).
struct planned_route {
    route wanted;
    bool possible;
    std::optional<scope> served_by;
};
struct plan_result {
    bool ok;                  // false if a route cannot be served by any token at this version
    std::string_view reason;  // why not ("" when ok)
    scope_set scopes;
    std::size_t unlocks;                // routes of the table whose scope check the set passes
    std::vector<planned_route> routes;  // every wanted route, in the order given
    explicit operator bool() const noexcept { return ok; }
};
plan_result plan(std::span<route const* const> wanted, version const& server);

// How many routes of the table at `server` a token with these scopes passes the scope check of (the
// planner's cost).
std::size_t unlocked_routes(scope_set const& token, version const& server = newest_release) noexcept;

}  // namespace mastodon
MASTOSCOPE_END_NAMESPACE
