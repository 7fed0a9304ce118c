// The scope enum (generated from data/scopes.yaml) with constexpr name and lookup.
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

#include <mastoscope/detail/scope_hash.hpp>
#include <mastoscope/detail/scope_table.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

// How many scopes the data describes (every scope ever shipped, removed ones included).
inline constexpr std::size_t scope_count = detail::table::scope_count;

// The scope Mastodon uses when a client names none, and the newest release the data describes.
inline constexpr scope default_scope = detail::table::default_scope;
inline constexpr version newest_release = detail::table::newest_release;

constexpr std::size_t index(scope s) noexcept { return static_cast<std::size_t>(s); }

// The scope's name exactly as Mastodon spells it, e.g. "read:mutes".
constexpr std::string_view name(scope s) noexcept { return detail::table::names[index(s)]; }

// The scope with exactly this name (case-sensitive, no trimming), or nullopt. One hash of the text
// and one comparison, through the generated perfect hash.
constexpr std::optional<scope> lookup(std::string_view text) noexcept
{
    std::uint32_t h = detail::hash_start;
    for (char c : text) h = detail::hash_step(h, c);
    return detail::lookup_hashed(text, h);
}

// One-line description, and the Mastodon pull requests and issues that shaped the scope.
constexpr std::string_view description(scope s) noexcept { return detail::table::descriptions[index(s)]; }
// (A plain range rather than std::span, to keep <span> out of the core headers.)
struct ref_list {
    std::uint32_t const* first;
    std::uint32_t const* last;
    constexpr std::uint32_t const* begin() const noexcept { return first; }
    constexpr std::uint32_t const* end() const noexcept { return last; }
    constexpr std::size_t size() const noexcept { return static_cast<std::size_t>(last - first); }
    constexpr bool empty() const noexcept { return first == last; }
};
constexpr ref_list refs(scope s) noexcept
{
    auto const* const numbers = detail::table::ref_numbers.data();
    return {numbers + detail::table::ref_offsets[index(s)], numbers + detail::table::ref_offsets[index(s) + 1]};
}

MASTOSCOPE_END_NAMESPACE
