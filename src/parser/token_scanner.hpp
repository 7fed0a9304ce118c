// X3 primitives that read a whole token, hash it in the same pass, and skip the separators before it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <boost/spirit/home/x3.hpp>

#include <mastoscope/detail/tokenizer.hpp>
#include <mastoscope/scope.hpp>

MASTOSCOPE_BEGIN_NAMESPACE
namespace parser {

namespace x3 = boost::spirit::x3;

// Strict and lenient modes: a token is its raw bytes, with the perfect hash of scope names over them.
struct raw_token {
    char const* first = nullptr;
    char const* last = nullptr;
    std::uint32_t hash = 0;

    std::string_view text() const noexcept { return {first, static_cast<std::size_t>(last - first)}; }
};

// Query mode: a token's raw extent, its bytes as decoded (the first 256 of them), their hash, and the
// first bad escape or bad byte with where it was written.
struct decoded_token {
    static constexpr std::size_t capacity = 256;  // longer than any scope name

    decoded_token() noexcept {}  // the buffer is written before it is read: no need to clear it

    char const* first = nullptr;
    char const* last = nullptr;
    std::uint32_t hash = detail::hash_start;
    std::size_t size = 0;           // decoded bytes, counted past the capacity too
    char const* problem = nullptr;  // the first bad escape or bad byte, as written
    bool problem_is_escape = false;
    char problem_byte = 0;  // the bad byte as decoded
    std::array<char, capacity> bytes;

    bool overflow() const noexcept { return size > capacity; }
    // The decoded token, or for one past the capacity the raw text.
    std::string_view text() const noexcept
    {
        return overflow() ? std::string_view{first, static_cast<std::size_t>(last - first)}
                          : std::string_view{bytes.data(), size};
    }
};

// Skips the separators before a token, then reads the token (one or more bytes up to a separator). At
// the end of the input it fails, with the trailing separators read, so `*token >> eoi` ends there.
template <bool (*IsSeparator)(char) noexcept>
struct raw_scanner : x3::parser<raw_scanner<IsSeparator>> {
    using attribute_type = raw_token;
    static bool const has_attribute = true;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute& attr) const
    {
        while (first != last && IsSeparator(*first)) ++first;
        auto h = detail::hash_start;
        Iterator p = first;
        while (p != last && !IsSeparator(*p)) h = detail::hash_step(h, *p++);
        if (p == first) return false;
        attr = raw_token{first, p, h};
        first = p;
        return true;
    }
};

// The same for a URL query or form value, decoded once: '+' and %20 separate, %XX is a byte.
struct query_scanner : x3::parser<query_scanner> {
    using attribute_type = decoded_token;
    static bool const has_attribute = true;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute& attr) const
    {
        for (;;) {
            if (first == last) return false;
            auto const b = detail::read_query_byte(first, last);
            if (!detail::bytes::strict_separator(b.value)) break;
            first += b.length;
        }
        attr.first = first;
        attr.size = 0;
        attr.hash = detail::hash_start;
        attr.problem = nullptr;
        Iterator p = first;
        while (p != last) {
            auto const b = detail::read_query_byte(p, last);
            if (detail::bytes::strict_separator(b.value)) break;
            if (!attr.problem && (b.bad_escape || detail::bytes::bad_byte(b.value))) {
                attr.problem = p;
                attr.problem_is_escape = b.bad_escape;
                attr.problem_byte = b.value;
            }
            attr.hash = detail::hash_step(attr.hash, b.value);
            if (attr.size < decoded_token::capacity) attr.bytes[attr.size] = b.value;
            ++attr.size;
            p += b.length;
        }
        attr.last = p;
        first = p;
        return true;
    }
};

}  // namespace parser
MASTOSCOPE_END_NAMESPACE
