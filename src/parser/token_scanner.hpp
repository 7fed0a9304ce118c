// token_scanner: an X3 primitive that reads a whole token and computes its perfect hash in one pass.
#pragma once

#include <cstdint>

#include <boost/spirit/home/x3.hpp>

#include <mastoscope/scope.hpp>

namespace mastoscope::parser {

namespace x3 = boost::spirit::x3;

// The same separators as byte tests, for token_scanner.
constexpr bool strict_separator_byte(char c) noexcept { return c == ' '; }
constexpr bool lenient_separator_byte(char c) noexcept
{
    return c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// A token read as a lexeme: its bytes, and the perfect hash of scope names over them.
struct hashed_token {
    char const* first = nullptr;
    char const* last = nullptr;
    std::uint32_t hash = 0;
};

// An X3 primitive that reads one token (one or more bytes up to a separator) and hashes it in the
// same pass, so that each byte is visited once.
template <bool (*IsSeparator)(char) noexcept>
struct token_scanner : x3::parser<token_scanner<IsSeparator>> {
    using attribute_type = hashed_token;
    static bool const has_attribute = true;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const
    {
        x3::skip_over(first, last, context);
        auto h = detail::hash_start;
        Iterator p = first;
        while (p != last && !IsSeparator(*p)) h = detail::hash_step(h, *p++);
        if (p == first) return false;
        attr = hashed_token{first, p, h};
        first = p;
        return true;
    }
};

}  // namespace mastoscope::parser
