// The servers of Mastodon's API family (GoToSocial, Akkoma, Pleroma, Pixelfed, Iceshrimp.NET, Sharkey)
// and what a scope grants on each: a server value NAME[@VERSION], its vocabulary, and its hierarchy.
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <optional>
#include <string>
#include <string_view>

#include <mastoscope/detail/server_table.hpp>
#include <mastoscope/history.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

namespace detail {
constexpr dialects::dialect const& dialect_of(software s) noexcept
{
    return dialects::dialects[static_cast<std::size_t>(s)];
}
}  // namespace detail

// Every server the data describes, in the order of data/servers.yaml (Mastodon first).
inline constexpr std::size_t software_count = detail::dialects::software_count;

// The short lower-case name (NAME of NAME[@VERSION]): "mastodon", "gotosocial", "iceshrimp", ...
constexpr std::string_view to_string(software s) noexcept { return detail::dialect_of(s).name; }
// As people write it: "GoToSocial", "Iceshrimp.NET".
constexpr std::string_view display_name(software s) noexcept { return detail::dialect_of(s).display_name; }
// The newest release the data describes.
constexpr version newest_release_of(software s) noexcept { return detail::dialect_of(s).newest_release; }

// The server with this short name, or nullopt.
constexpr std::optional<software> software_from(std::string_view name) noexcept
{
    for (std::size_t i = 0; i < software_count; ++i)
        if (detail::dialects::dialects[i].name == name) return static_cast<software>(i);
    return std::nullopt;
}

// A server at a release; left out, the release is the newest the data describes for that server.
struct server {
    software name = software::mastodon;
    version release = newest_release_of(name);

    friend constexpr bool operator==(server const&, server const&) = default;
};

// A version as the server writes its own (data/servers.yaml, version_format), as a SemVer version:
// GoToSocial's "0.19.1+git-6574dc8" (and "0.13.0 git-abc1234" before 0.14); Akkoma's and Pleroma's
// "3.9.3-232-g6fde75e1-develop", whose git describe part is build metadata, so that it is 3.9.3;
// Iceshrimp.NET's "2025.1-beta5.patch2+abcdef1234" as 2025.1.0-beta5.patch2; the others SemVer.
// nullopt for anything else (and where parse_version would say nullopt).
std::optional<version> parse_release(software s, std::string_view text);

// "gotosocial", "gotosocial@0.19.1", "mastodon@4.3.0+glitch", "akkoma@3.9.3-232-g6fde75e1-develop",
// "iceshrimp@2025.1-beta5.patch2": a short name, then optionally '@' and a version as the server
// writes it (parse_release); anything else is nullopt.
std::optional<server> parse_server(std::string_view text);
// "gotosocial@0.19.1" (with the build metadata the release carries).
std::string to_string(server const& s);

// Did the server check a token's scopes at its release? (GoToSocial only since 0.19.0: before,
// every token could call everything.)
constexpr bool enforces_scopes(server const& s) noexcept
{
    auto const since = detail::dialect_of(s.name).enforced_since;
    return !since || *since <= s.release;
}

// The names the server defines at its release (for Mastodon, scopes_at).
constexpr scope_set vocabulary(server const& s) noexcept
{
    if (s.name == software::mastodon) return scopes_at(s.release);
    auto const& d = detail::dialect_of(s.name);
    auto out = scope_set::from_words(d.always);
    for (auto i = d.first_step; i < d.end_step; ++i)
        if (detail::dialects::vocabulary_steps[i].since <= s.release)
            out |= scope_set::from_words(detail::dialects::vocabulary_steps[i].scopes);
    return out;
}

// What one held scope grants on the server under its hierarchy rule, itself included, among the
// names the server defines at any release (for Mastodon, closure(s)).
constexpr scope_set grants_on(software server_name, scope held) noexcept
{
    if (server_name == software::mastodon) return closure(held);
    return scope_set::from_words(
        detail::dialects::other_grants[static_cast<std::size_t>(server_name) - 1][index(held)]);
}

namespace detail {
// What held scopes grant at the server's release under its rule, whether or not it enforced scopes
// then: the names it defines there that some held scope grants, and the held names themselves.
constexpr scope_set granted_at(scope_set const& held, server const& s) noexcept
{
    scope_set granted;
    for (scope h : held) granted |= grants_on(s.name, h);
    return (granted & vocabulary(s)) | held;
}
// Drops from `set`, in id order, each scope whose removal keeps every scope of `kept` granted there.
constexpr scope_set least(server const& s, scope_set set, scope_set const& kept) noexcept
{
    for (scope each : scope_set{set}) {
        auto without = set;
        without.erase(each);
        if (kept.is_subset_of(granted_at(without, s))) set = without;
    }
    return set;
}
}  // namespace detail

// What a held set grants on the server at its release: the names it defines there that some held
// scope grants, and the held names themselves (a name the server does not define grants nothing but
// itself). Before the server enforced scopes, every scope.
constexpr scope_set closure(scope_set const& held, server const& s) noexcept
{
    return enforces_scopes(s) ? detail::granted_at(held, s) : scope_set::all();
}

// The names the server defines at its release that grant `wanted` there, itself included if defined.
constexpr scope_set granted_by(scope wanted, server const& s) noexcept
{
    scope_set by;
    for (scope v : vocabulary(s))
        if (grants_on(s.name, v).contains(wanted)) by.insert(v);
    return by;
}

// Does a token holding `held` pass a check for `wanted` on the server?
constexpr bool grants(scope_set const& held, scope wanted, server const& s) noexcept
{
    return closure(held, s).contains(wanted);
}

// The smallest subset of `held` that grants on the server, at its release, all that `held` grants
// there under its rule (for Mastodon, normalize(held)).
constexpr scope_set normalize(scope_set const& held, server const& s) noexcept
{
    if (s.name == software::mastodon) return normalize(held);
    return detail::least(s, held, detail::granted_at(held, s));
}

// The server's scope that guards what Mastodon's `mastodon_scope` guards, where the server has no
// scope of that name (Pixelfed's read for read:statuses), or nullopt.
constexpr std::optional<scope> stands_for(software server_name, scope mastodon_scope) noexcept
{
    auto const& d = detail::dialect_of(server_name);
    for (auto i = d.first_stand; i < d.end_stand; ++i)
        if (detail::dialects::stands_for[i].mastodon == mastodon_scope) return detail::dialects::stands_for[i].server;
    return std::nullopt;
}

// What to request from a server so that a token can do at least what `wanted` allows on Mastodon's
// newest release, with as little more as the server's dialect allows.
struct translation {
    scope_set request;      // in the server's names: the least set whose closure there holds what is needed
    scope_set wider;        // what the request allows beyond `wanted`: the server's names it grants that
                            // were not needed, and the Mastodon scopes whose stand-in it requests
    scope_set unavailable;  // what `wanted` allows that the server has no scope for
};

constexpr translation translate(scope_set const& wanted, server const& to) noexcept
{
    // What `wanted` allows on Mastodon: its closure at the newest release, and any name Mastodon's
    // newest release lacks as written (a removed scope, a name of another server).
    auto const newest = scopes_at(newest_release);
    auto const allowed = closure_at(wanted, newest_release) | (wanted - newest);
    auto const defined = vocabulary(to);
    translation out;
    scope_set needed, stood_in;
    for (scope m : allowed) {
        if (defined.contains(m)) {
            needed.insert(m);
        } else if (auto const s = stands_for(to.name, m); s && defined.contains(*s)) {
            needed.insert(*s);
            stood_in.insert(*s);
        } else {
            out.unavailable.insert(m);
        }
    }
    // The least request: drop, in id order, each needed name that the rest of the request grants.
    out.request = detail::least(to, needed, needed);
    out.wider = detail::granted_at(out.request, to) - needed;
    for (scope m : mastodon_scopes() & newest)
        if (auto const s = stands_for(to.name, m); s && stood_in.contains(*s) && !allowed.contains(m))
            out.wider.insert(m);
    return out;
}

MASTOSCOPE_END_NAMESPACE
