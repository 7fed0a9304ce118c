// Mastodon's checks: a route's literal any-of scope check, app registration, and authorization.
#include <algorithm>

#include <mastoscope/algebra.hpp>
#include <mastoscope/history.hpp>
#include <mastoscope/mastodon.hpp>

namespace mastoscope::mastodon {
namespace {

// Ruby's String#split without arguments, as Doorkeeper's Scopes.from_string uses it.
bool is_ruby_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

bool blank(std::string_view text) { return std::all_of(text.begin(), text.end(), is_ruby_space); }

}  // namespace

access allows(route const& r, std::optional<scope_set> const& token) noexcept
{
    switch (r.token) {
    case token_mode::none: return {true, 200, "the route reads no token"};
    case token_mode::client_credentials:
        return {true, 200, "the app authenticates with its client id and secret; an access token plays no part"};
    case token_mode::user_session:
        return {false, 302, "needs a signed-in browser session (a redirect to sign in); an access token does not count"};
    case token_mode::any_token:
        if (!token) return {false, 401, "needs a token (any valid one)"};
        return {true, 200, "any valid token passes, whatever its scopes"};
    case token_mode::user:
        if (!token) return {false, 401, "needs a user's token"};
        if (r.accepts.empty()) return {true, 200, "any user's token passes; the route checks no scope"};
        break;
    case token_mode::optional:
        if (!token) return {true, 200, "public: no token is needed (a token, if sent, must hold an accepted scope)"};
        break;
    case token_mode::required:
        if (!token) return {false, 401, "needs a token holding one of the accepted scopes"};
        break;
    }
    if (token->intersects(r.accepts)) return {true, 200, "the token holds an accepted scope"};
    return {false, 403, "the token holds none of the accepted scopes, literally (This action is outside the authorized scopes)"};
}

registration register_app(std::optional<std::string_view> scopes, version const& server)
{
    if (!scopes) return {true, 200, scope_set{default_scope}, ""};  // no parameter: the default scope
    scope_set stored;
    std::string_view rest = *scopes;
    while (!rest.empty()) {
        auto const start = std::find_if_not(rest.begin(), rest.end(), is_ruby_space);
        auto const end = std::find_if(start, rest.end(), is_ruby_space);
        std::string_view const token{start, static_cast<std::size_t>(end - start)};
        rest = rest.substr(static_cast<std::size_t>(end - rest.begin()));
        if (token.empty()) continue;
        auto const found = lookup(token);
        if (!found || !available_at(*found, server)) {
            // Mastodon's wording changed in 4.6.0 (reference §3).
            std::string const error = server < version{4, 6, 0}
                                          ? "Validation failed: Scopes doesn't match configured on the server."
                                          : "Validation failed: Scopes doesn't match those configured on the server.";
            return {false, 422, {}, error};
        }
        stored.insert(*found);
    }
    return {true, 200, stored, ""};  // a blank string registers an app with no scopes
}

authorization authorize(scope_set const& registered, std::optional<std::string_view> requested, grant_type,
                        version const& server)
{
    authorization result{false, 400, {}, {}, {}, "invalid_scope", {}};
    auto const on_server = scopes_at(server);
    // An app with no scopes may request any scope the server has (Doorkeeper: server & app scopes).
    auto const allowed = registered.empty() ? on_server : registered & on_server;
    scope_set wanted;
    if (!requested || blank(*requested)) {
        // No scope parameter: the default scope, if the app registered it (or registered nothing).
        wanted = scope_set{default_scope};
    } else {
        auto parsed = parse(*requested, {parse_mode::strict, server});
        if (!parsed) {
            result.problems.assign(parsed.diagnostics().begin(), parsed.diagnostics().end());
            return result;
        }
        wanted = parsed.scopes();
    }
    result.not_registered = wanted - allowed;
    result.covered_by_hierarchy = result.not_registered & closure(registered);
    if (!result.not_registered.empty()) return result;
    result.accepted = true;
    result.status = 200;
    result.scopes = wanted;
    result.error = "";
    return result;
}

}  // namespace mastoscope::mastodon
