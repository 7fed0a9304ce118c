// Mastodon's checks: a route's literal any-of scope check, app registration, and authorization.
#include <algorithm>

#include <mastoscope/algebra.hpp>
#include <mastoscope/detail/tokenizer.hpp>
#include <mastoscope/history.hpp>
#include <mastoscope/mastodon.hpp>

MASTOSCOPE_BEGIN_NAMESPACE
namespace mastodon {
namespace {

// Reads one UTF-8 code point at `i` (the text is known to be valid UTF-8).
char32_t code_point(std::string_view text, std::size_t& i)
{
    auto const byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char const lead = byte(i);
    std::size_t const length = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    char32_t value = length == 1 ? lead : lead & (0x7f >> length);
    for (std::size_t k = 1; k < length; ++k) value = (value << 6) | (byte(i + k) & 0x3f);
    i += length;
    return value;
}

// Unicode's White_Space, which Onigmo's [[:space:]] matches in a UTF-8 string.
bool unicode_space(char32_t c)
{
    return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

std::string_view registration_error(version const& server)
{
    return detail::table::registration_message_those.contains(server)
               ? "Validation failed: Scopes doesn't match those configured on the server."
               : "Validation failed: Scopes doesn't match configured on the server.";
}

// Why each of `names` is no scope at `server`, as parse() words it; names that are scopes give nothing.
std::vector<diagnostic> why_refused(std::vector<std::string> const& names, version const& server)
{
    std::vector<diagnostic> out;
    for (auto const& n : names) {
        auto const read = parse(n, {.mode = parse_mode::strict, .server_version = server});
        auto const& ds = read.diagnostics();
        if (auto const error = std::find_if(ds.begin(), ds.end(), [](auto const& d) { return d.is_error(); });
            error != ds.end())
            out.push_back(*error);
    }
    return out;
}

// Is `name` one the app may have a token for: one of its scopes, or for an app with none, the server's?
bool allowed_name(stored_scopes const& registered, std::string_view name, version const& server)
{
    if (!registered.empty()) return registered.contains(name);
    auto const found = lookup(name);
    return found && available_at(*found, server);
}

}  // namespace

bool stored_scopes::contains(std::string_view name) const noexcept
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string stored_scopes::text() const
{
    std::string out;
    for (auto const& n : names) (out.empty() ? out : out += ' ') += n;
    return out;
}

stored_scopes store_scopes(std::string_view text)
{
    stored_scopes out;
    std::size_t pos = 0;
    for (auto token = detail::next_token<detail::bytes::ruby_space>(text, pos); !token.empty();
         token = detail::next_token<detail::bytes::ruby_space>(text, pos)) {
        if (out.contains(token)) continue;
        out.names.emplace_back(token);
        if (auto const found = lookup_mastodon(token)) out.as_set.insert(*found);
    }
    return out;
}

bool valid_utf8(std::string_view text) noexcept
{
    std::size_t i = 0;
    while (i < text.size()) {
        auto const lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80                      ? 1
                             : (lead >= 0xc2 && lead <= 0xdf) ? 2
                             : (lead >= 0xe0 && lead <= 0xef) ? 3
                             : (lead >= 0xf0 && lead <= 0xf4) ? 4
                                                              : 0;
        if (length == 0 || i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return false;
        auto const second = static_cast<unsigned char>(text[i + 1 < text.size() ? i + 1 : i]);
        if ((lead == 0xe0 && second < 0xa0) || (lead == 0xed && second > 0x9f) ||  // overlong, surrogates
            (lead == 0xf0 && second < 0x90) || (lead == 0xf4 && second > 0x8f))    // overlong, past U+10FFFF
            return false;
        i += length;
    }
    return true;
}

bool ruby_blank(std::string_view text) noexcept
{
    if (!valid_utf8(text)) return false;
    for (std::size_t i = 0; i < text.size();)
        if (!unicode_space(code_point(text, i))) return false;
    return true;
}

access allows(route const& r, std::optional<scope_set> const& token) noexcept
{
    switch (r.token) {
    case token_mode::none: return {.ok = true, .status = 200, .reason = "the route reads no token"};
    case token_mode::client_credentials:
        return {.ok = true,
                .status = 200,
                .reason = "the app authenticates with its client id and secret; an access token plays no part"};
    case token_mode::signature:
        return {.ok = false,
                .status = 401,
                .reason = "needs HTTP message signatures (FASP); an OAuth token does not count"};
    case token_mode::forbidden:
        return {.ok = false, .status = 403, .reason = "Mastodon answers 403 to every request here"};
    case token_mode::user_session:
        return {.ok = false,
                .status = 302,
                .reason = "needs a signed-in browser session (a redirect to sign in); an access token does not count"};
    case token_mode::any_token:
        if (!token) return {.ok = false, .status = 401, .reason = "needs a token (any valid one)"};
        return {.ok = true, .status = 200, .reason = "any valid token passes, whatever its scopes"};
    case token_mode::user:
        if (!token) return {.ok = false, .status = 401, .reason = "needs a user's token"};
        if (r.accepts.empty())
            return {.ok = true, .status = 200, .reason = "any user's token passes; the route checks no scope"};
        break;
    case token_mode::optional:
        if (!token)
            return {.ok = true,
                    .status = 200,
                    .reason = "public: no token is needed (a token, if sent, must hold an accepted scope)"};
        break;
    case token_mode::required:
        if (!token) return {.ok = false, .status = 401, .reason = "needs a token holding one of the accepted scopes"};
        break;
    }
    if (token->intersects(r.accepts)) return {.ok = true, .status = 200, .reason = "the token holds an accepted scope"};
    return {
        .ok = false,
        .status = 403,
        .reason =
            "the token holds none of the accepted scopes, literally (This action is outside the authorized scopes)"};
}

std::string_view to_string(grant_type grant) noexcept
{
    return grant == grant_type::client_credentials ? "client_credentials" : "authorization_code";
}

registration register_app(std::optional<std::string_view> scopes, version const& server)
{
    // No parameter: Mastodon's apps controller passes Doorkeeper's default scopes.
    if (!scopes)
        return {.ok = true, .status = 200, .reason = "", .stored = store_scopes(name(default_scope)), .refused = {}};
    if (!valid_utf8(*scopes))
        return {.ok = false,
                .status = 400,
                .reason = "invalid byte sequence in UTF-8 (Rails refuses the request)",
                .stored = {},
                .refused = {}};
    auto stored = store_scopes(*scopes);  // the model's scopes= writer, before validation
    if (detail::table::registration_checked.contains(server)) {
        bool const known = std::all_of(stored.names.begin(), stored.names.end(), [&](std::string const& n) {
            auto const found = lookup(n);
            return found && available_at(*found, server);
        });
        if (!known)
            return {.ok = false,
                    .status = 422,
                    .reason = registration_error(server),
                    .stored = {},
                    .refused = why_refused(stored.names, server)};
    }
    return {.ok = true, .status = 200, .reason = "", .stored = std::move(stored), .refused = {}};  // blank: no scopes
}

authorization authorize(stored_scopes const& registered, std::optional<std::string_view> requested, grant_type grant,
                        version const& server)
{
    authorization result{.ok = false,
                         .status = 400,
                         .reason = "",
                         .oauth_error = "invalid_scope",
                         .scopes = {},
                         .not_registered = {},
                         .covered_by_hierarchy = {},
                         .refused = {}};
    if (requested && !valid_utf8(*requested)) {
        result.oauth_error = "invalid_request";
        result.reason = "the scope parameter is not UTF-8, which Rails refuses before Doorkeeper reads it";
        return result;
    }
    if (!requested || ruby_blank(*requested)) {
        // No scope parameter: the default scope, if the app registered it (or registered nothing).
        auto const fallback = name(default_scope);
        if (registered.empty() || registered.contains(fallback)) {
            result.scopes = store_scopes(fallback);
        } else {
            auto const& empty_token = grant == grant_type::authorization_code
                                          ? detail::table::authorization_code_empty_token
                                          : detail::table::client_credentials_empty_token;
            if (!empty_token.contains(server)) {
                result.not_registered.emplace_back(fallback);
                result.reason = "no scope was requested, and the app did not register the default scope";
                return result;
            }
        }
    } else {
        if (grant == grant_type::authorization_code && requested->find_first_of("\t\r\n") != std::string_view::npos) {
            result.reason = "Doorkeeper refuses a scope parameter that holds a tab, CR or LF";
            return result;
        }
        result.scopes = store_scopes(*requested);
        scope_set missing;  // listed in id order, then the names the data does not know, as written
        std::vector<std::string> unknown;
        for (auto const& n : result.scopes.names) {
            if (allowed_name(registered, n, server)) continue;
            if (auto const found = lookup_mastodon(n))
                missing.insert(*found);
            else
                unknown.push_back(n);
        }
        for (auto m : missing) result.not_registered.emplace_back(name(m));
        result.not_registered.insert(result.not_registered.end(), unknown.begin(), unknown.end());
        result.covered_by_hierarchy = missing & closure_at(registered.as_set, server);
        if (!result.not_registered.empty()) {
            result.scopes = {};
            result.refused = why_refused(result.not_registered, server);
            result.reason =
                registered.empty() ? "the server has no such scope" : "the app did not register every requested scope";
            return result;
        }
    }
    result.ok = true;
    result.status = 200;
    result.oauth_error = "";
    return result;
}

}  // namespace mastodon
MASTOSCOPE_END_NAMESPACE
