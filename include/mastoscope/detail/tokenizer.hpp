// The byte classes of every way a scope string is read, and the one loop that splits it into tokens.
// The parser's X3 scanners, the literals, registration, suggestions and scopecheck all read bytes here.
#pragma once

#include <mastoscope/detail/abi.hpp>
#include <mastoscope/detail/limits.hpp>

#include <cstddef>
#include <string_view>

MASTOSCOPE_BEGIN_NAMESPACE
namespace detail {

// The longest scope string parse() reads by default (parse_options::max_length) and a literal may hold.
inline constexpr std::size_t default_max_length = limits::max_scope_string;

namespace bytes {

// Mastodon: scope names are separated by runs of spaces, and by nothing else.
constexpr bool strict_separator(char c) noexcept { return c == ' '; }
// Ruby's String#split without arguments (Doorkeeper's Scopes.from_string): ASCII whitespace.
constexpr bool ruby_space(char c) noexcept { return c == ' ' || (c >= '\t' && c <= '\r'); }
// parse_mode::lenient: commas and any ASCII whitespace.
constexpr bool lenient_separator(char c) noexcept { return c == ',' || ruby_space(c); }
// A byte no scope name holds: a control byte or a non-ASCII one.
constexpr bool bad_byte(char c) noexcept
{
    auto const u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F || u >= 0x80;
}
// What Doorkeeper refuses in a raw scope parameter of the authorization-code flow, and literals refuse.
constexpr bool tab_cr_or_lf(char c) noexcept { return c == '\t' || c == '\r' || c == '\n'; }
// What people put between scope names instead of a space; suggestions split on these.
constexpr bool mistaken_separator(char c) noexcept
{
    return c == ',' || c == ';' || c == '+' || c == '|' || (c >= '\t' && c <= '\r');
}
// ASCII letters folded to lower case, every other byte as it is (scope names and NodeInfo names are ASCII).
constexpr char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
// The value of a hex digit, or -1.
constexpr int hex_value(char c) noexcept
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

}  // namespace bytes

// One byte of a URL query or form value, decoded as a server's framework decodes it once: '+' is a
// space, %XX is the byte XX, and a '%' without two hex digits is itself, marked as a bad escape.
struct query_byte {
    char value;
    std::size_t length;  // raw bytes read: 1 or 3
    bool bad_escape;
};

constexpr query_byte read_query_byte(char const* p, char const* end) noexcept
{
    if (*p == '+') return {' ', 1, false};
    if (*p != '%') return {*p, 1, false};
    if (end - p >= 3) {
        int const high = bytes::hex_value(p[1]), low = bytes::hex_value(p[2]);
        if (high >= 0 && low >= 0) return {static_cast<char>(high * 16 + low), 3, false};
    }
    return {'%', 1, true};
}

// The next token of `text` at or after `pos`: separators are skipped, the token is every byte up to
// the next separator, and `pos` moves past it. An empty view means there is none left.
template <bool (*IsSeparator)(char) noexcept>
constexpr std::string_view next_token(std::string_view text, std::size_t& pos) noexcept
{
    while (pos < text.size() && IsSeparator(text[pos])) ++pos;
    std::size_t const start = pos;
    while (pos < text.size() && !IsSeparator(text[pos])) ++pos;
    return text.substr(start, pos - start);
}

}  // namespace detail
MASTOSCOPE_END_NAMESPACE
