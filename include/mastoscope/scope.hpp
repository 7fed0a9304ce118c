// The scope enum (generated from data/scopes.yaml) with constexpr name and lookup.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include <mastoscope/detail/scope_table.hpp>

namespace mastoscope {

// How many scopes the data describes (every scope ever shipped, removed ones included).
inline constexpr std::size_t scope_count = detail::table::scope_count;

// The scope Mastodon uses when a client names none, and the newest release the data describes.
inline constexpr scope default_scope = detail::table::default_scope;
inline constexpr version newest_release = detail::table::newest_release;

constexpr std::size_t index(scope s) noexcept { return static_cast<std::size_t>(s); }

// The scope's name exactly as Mastodon spells it, e.g. "read:mutes".
constexpr std::string_view name(scope s) noexcept { return detail::table::names[index(s)]; }

// The scope with exactly this name (case-sensitive, no trimming), or nullopt.
constexpr std::optional<scope> lookup(std::string_view text) noexcept
{
    auto const& table = detail::table::sorted_names;
    std::size_t lo = 0, hi = table.size();
    while (lo < hi) {
        auto const mid = lo + (hi - lo) / 2;
        if (table[mid].name < text)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < table.size() && table[lo].name == text) return table[lo].id;
    return std::nullopt;
}

// One-line description, and the Mastodon pull requests and issues that shaped the scope.
constexpr std::string_view description(scope s) noexcept { return detail::table::descriptions[index(s)]; }
constexpr std::span<std::uint32_t const> refs(scope s) noexcept
{
    auto const begin = detail::table::ref_offsets[index(s)], end = detail::table::ref_offsets[index(s) + 1];
    return std::span{detail::table::ref_numbers}.subspan(begin, end - begin);
}

}  // namespace mastoscope
