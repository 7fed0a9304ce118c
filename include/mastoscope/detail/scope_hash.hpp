// The perfect hash of the generated scope table, one byte at a time (a scanner can hash while it
// reads): what lookup() in scope.hpp and the parser's scanners use.
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

#include <mastoscope/detail/scope_table.hpp>

MASTOSCOPE_BEGIN_NAMESPACE
namespace detail {

constexpr std::uint32_t hash_start = table::hash_seed;
constexpr std::uint32_t hash_step(std::uint32_t h, char c) noexcept
{
    return (h ^ static_cast<unsigned char>(c)) * table::hash_prime;
}

// The scope named `text`, whose hash is already known, or nullopt.
constexpr std::optional<scope> lookup_hashed(std::string_view text, std::uint32_t hash) noexcept
{
    auto const slot = table::hash_slots[hash >> (32 - table::hash_bits)];
    if (slot < 0 || table::names[static_cast<std::size_t>(slot)] != text) return std::nullopt;
    return static_cast<scope>(slot);
}

}  // namespace detail
MASTOSCOPE_END_NAMESPACE
