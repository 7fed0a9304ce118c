// The perfect hash of the generated scope table, one byte at a time (a scanner can hash while it
// reads): what lookup() in scope.hpp and the parser's scanners use.
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
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

// `n` bytes at `a` and `b` are equal. Inline, with a few overlapping word loads that stay inside the
// two ranges, where a call to memcmp would cost more than the whole comparison for a scope name.
inline bool same_bytes(char const* a, char const* b, std::size_t n) noexcept
{
    auto const equal_at = [a, b]<class Word>(Word, std::size_t at) {
        Word x, y;
        std::memcpy(&x, a + at, sizeof x);
        std::memcpy(&y, b + at, sizeof y);
        return x == y;
    };
    if (n >= 8) {
        for (std::size_t at = 0; at + 8 < n; at += 8)
            if (!equal_at(std::uint64_t{}, at)) return false;
        return equal_at(std::uint64_t{}, n - 8);
    }
    if (n >= 4) return equal_at(std::uint32_t{}, 0) && equal_at(std::uint32_t{}, n - 4);
    if (n >= 2) return equal_at(std::uint16_t{}, 0) && equal_at(std::uint16_t{}, n - 2);
    return n == 0 || *a == *b;
}

// The scope named `text`, whose hash is already known, or nullopt.
constexpr std::optional<scope> lookup_hashed(std::string_view text, std::uint32_t hash) noexcept
{
    auto const slot = table::hash_slots[hash >> (32 - table::hash_bits)];
    if (slot < 0) return std::nullopt;
    auto const name = table::names[static_cast<std::size_t>(slot)];
    if (name.size() != text.size()) return std::nullopt;
    if (std::is_constant_evaluated() ? name != text : !same_bytes(name.data(), text.data(), text.size()))
        return std::nullopt;
    return static_cast<scope>(slot);
}

}  // namespace detail
MASTOSCOPE_END_NAMESPACE
