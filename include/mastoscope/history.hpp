// When scopes appeared, were deprecated and were removed, and what a server version accepts.
#pragma once

#include <optional>
#include <string_view>

#include <mastoscope/algebra.hpp>
#include <mastoscope/version.hpp>

namespace mastoscope {

constexpr version added(scope s) noexcept { return detail::table::added[index(s)]; }
constexpr std::optional<version> deprecated(scope s) noexcept { return detail::table::deprecated[index(s)]; }
constexpr std::optional<version> removed(scope s) noexcept { return detail::table::removed[index(s)]; }
// Why the scope is deprecated and what to use instead ("" if it has no note).
constexpr std::string_view deprecation_note(scope s) noexcept { return detail::table::deprecation_notes[index(s)]; }

// Does a server at version `v` accept `s`? From its `added` release up to, not including, `removed`.
// Pre-releases sort before their release, so 4.3.0-rc.1 does not yet have a scope added in 4.3.0.
constexpr bool available_at(scope s, version const& v) noexcept
{
    auto const gone = removed(s);
    return added(s) <= v && !(gone && *gone <= v);
}
constexpr bool deprecated_at(scope s, version const& v) noexcept
{
    auto const since = deprecated(s);
    return since && *since <= v;
}

// Every scope a server at version `v` accepts.
constexpr scope_set scopes_at(version const& v) noexcept
{
    scope_set set;
    for (scope s : scope_set::all())
        if (available_at(s, v)) set.insert(s);
    return set;
}

// What a written set grants on a server at version `v`: its closure, less scopes the server lacks.
constexpr scope_set closure_at(scope_set const& written, version const& v) noexcept
{
    return closure(written) & scopes_at(v);
}

// The oldest version that accepts every scope of the set (0.0.0 for the empty set), or nullopt if
// no version does (one scope was removed before another was added).
constexpr std::optional<version> min_version(scope_set const& set) noexcept
{
    version newest{};
    for (scope s : set) newest = added(s) > newest ? added(s) : newest;
    for (scope s : set)
        if (!available_at(s, newest)) return std::nullopt;
    return newest;
}

// What to write instead of a deprecated scope: its children (for `follow`, the six granular blocks,
// follows and mutes scopes), minus what the rest of `context` already grants. Empty for a scope that
// is not deprecated or has no children.
constexpr scope_set replacement(scope s, scope_set const& context = {}) noexcept
{
    if (!deprecated(s)) return {};
    auto rest = context;
    rest.erase(s);
    return children(s) - closure(rest);
}

}  // namespace mastoscope
