// Compile-time scope literals: "read:mutes"_scope and "read write"_scopes; a bad name does not compile.
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <cstddef>
#include <string_view>

#include <mastoscope/detail/tokenizer.hpp>
#include <mastoscope/history.hpp>

MASTOSCOPE_BEGIN_NAMESPACE
namespace detail {

// Literals accept exactly what parse() accepts with default options: Mastodon's strict reading at the
// newest release described (deprecated scopes are fine; removed ones, like crypto, are not).
enum class literal_error { none, blank, too_long, tab_cr_or_lf, unknown_scope, not_available };

struct literal_reading {
    scope_set scopes;
    literal_error error = literal_error::none;
    std::string_view token;  // the offending token
};

constexpr literal_reading read_scope_name(std::string_view token) noexcept
{
    auto const found = lookup(token);
    if (!found || !added_in(*found)) return {{}, literal_error::unknown_scope, token};  // not a Mastodon name
    if (!available_at(*found, newest_release)) return {{}, literal_error::not_available, token};
    return {scope_set{*found}, literal_error::none, {}};
}

constexpr literal_reading read_scope_string(std::string_view text) noexcept
{
    if (text.size() > default_max_length) return {{}, literal_error::too_long, {}};
    for (char c : text)
        if (bytes::tab_cr_or_lf(c)) return {{}, literal_error::tab_cr_or_lf, text};
    literal_reading result;
    bool any = false;
    std::size_t pos = 0;
    for (auto token = next_token<bytes::strict_separator>(text, pos); !token.empty();
         token = next_token<bytes::strict_separator>(text, pos)) {
        auto const one = read_scope_name(token);
        if (one.error != literal_error::none) return one;
        result.scopes |= one.scopes;
        any = true;
    }
    if (!any) return {{}, literal_error::blank, text};
    return result;
}

// Deliberately not constexpr: a literal that reaches one of these does not compile, and the compiler's
// message names the function (the reason) and the literal.
void unknown_scope_name_in_literal(std::string_view token);
void scope_not_available_at_newest_release_in_literal(std::string_view token);
void blank_scope_string_in_literal();
void tab_cr_or_lf_in_scope_string_literal();
void scope_string_literal_too_long();

consteval scope_set checked(literal_reading const& reading)
{
    switch (reading.error) {
    case literal_error::none: break;
    case literal_error::blank: blank_scope_string_in_literal(); break;
    case literal_error::too_long: scope_string_literal_too_long(); break;
    case literal_error::tab_cr_or_lf: tab_cr_or_lf_in_scope_string_literal(); break;
    case literal_error::unknown_scope: unknown_scope_name_in_literal(reading.token); break;
    case literal_error::not_available: scope_not_available_at_newest_release_in_literal(reading.token); break;
    }
    return reading.scopes;
}

}  // namespace detail

namespace literals {

// One scope by its exact name: "read:mutes"_scope.
consteval scope operator""_scope(char const* text, std::size_t size)
{
    return *detail::checked(detail::read_scope_name({text, size})).begin();
}

// A written scope set, read as Mastodon reads a scope string: tokens separated by runs of spaces,
// each an exact scope name; blank strings and tabs, CR or LF are errors; duplicates collapse.
consteval scope_set operator""_scopes(char const* text, std::size_t size)
{
    return detail::checked(detail::read_scope_string({text, size}));
}

}  // namespace literals
MASTOSCOPE_END_NAMESPACE
