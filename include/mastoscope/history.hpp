// When scopes appeared, were deprecated and were removed, and what a server version accepts.
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <optional>
#include <string_view>

#include <mastoscope/algebra.hpp>
#include <mastoscope/version.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

// Every scope some Mastodon release had; the other scopes are names only other servers define.
constexpr scope_set mastodon_scopes() noexcept { return scope_set::from_words(detail::table::mastodon_scopes); }

// The scope with exactly this name if some Mastodon release had it (lookup() without the names only
// other servers define), or nullopt.
constexpr std::optional<scope> lookup_mastodon(std::string_view text) noexcept
{
    auto const found = lookup(text);
    return found && mastodon_scopes().contains(*found) ? found : std::nullopt;
}

// The Mastodon release that added the scope (nullopt for a name only other servers define), and those
// that deprecated and removed it (nullopt: not yet).
constexpr std::optional<version> added_in(scope s) noexcept { return detail::table::added[index(s)]; }
constexpr std::optional<version> deprecated_in(scope s) noexcept { return detail::table::deprecated[index(s)]; }
constexpr std::optional<version> removed_in(scope s) noexcept { return detail::table::removed[index(s)]; }
// Why the scope is deprecated and what to use instead ("" if it has no note).
constexpr std::string_view deprecation_note(scope s) noexcept { return detail::table::deprecation_notes[index(s)]; }

// Does a server at version `v` accept `s`? From its `added` release up to, not including, `removed`.
// Pre-releases sort before their release, so 4.3.0-rc.1 does not yet have a scope added in 4.3.0.
constexpr bool available_at(scope s, version const& v) noexcept
{
    auto const added = added_in(s);
    auto const gone = removed_in(s);
    return added && *added <= v && !(gone && *gone <= v);
}
constexpr bool deprecated_at(scope s, version const& v) noexcept
{
    auto const since = deprecated_in(s);
    return since && *since <= v;
}

namespace detail {
// The generated interval of version events that holds `v` (nullptr before the first event). Searched
// from the newest, which is what servers mostly run: one comparison at the newest release.
constexpr table::version_masks const* masks_at(version const& v) noexcept
{
    for (auto i = table::event_masks.size(); i-- > 0;)
        if (!(v < table::event_masks[i].since)) return &table::event_masks[i];
    return nullptr;
}
}  // namespace detail

// Every scope a server at version `v` accepts (a generated table per interval between version events).
constexpr scope_set scopes_at(version const& v) noexcept
{
    auto const* m = detail::masks_at(v);
    return m ? scope_set::from_words(m->available) : scope_set{};
}
// The scopes of scopes_at(v) that are deprecated at `v`.
constexpr scope_set deprecated_scopes_at(version const& v) noexcept
{
    auto const* m = detail::masks_at(v);
    return m ? scope_set::from_words(m->deprecated) : scope_set{};
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
    for (scope s : set) {
        auto const added = added_in(s);
        if (!added) return std::nullopt;  // no Mastodon release has it
        newest = *added > newest ? *added : newest;
    }
    for (scope s : set)
        if (!available_at(s, newest)) return std::nullopt;
    return newest;
}

// What to write instead of a deprecated scope: its children (for `follow`, the six granular blocks,
// follows and mutes scopes), minus what the rest of `context` already grants. Empty for a scope that
// is not deprecated or has no children.
constexpr scope_set replacement(scope s, scope_set const& context = {}) noexcept
{
    if (!detail::table::deprecated[index(s)]) return {};  // (tested in place: no copy of the version)
    auto rest = context;
    rest.erase(s);
    return children(s) - closure(rest);
}

MASTOSCOPE_END_NAMESPACE
