// Compile-time scope literals: "read:mutes"_scope and "read write"_scopes; a bad name does not compile.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

#include <mastoscope/scope_set.hpp>

namespace mastoscope {
namespace detail {

// Deliberately not constexpr: a literal that reaches one of these does not compile, and the compiler's
// message names the function (the reason) and the literal.
void unknown_scope_name_in_literal(std::string_view token);
void blank_scope_string_in_literal();
void tab_cr_or_lf_in_scope_string_literal();

constexpr bool is_tab_cr_or_lf(char c) noexcept { return c == '\t' || c == '\r' || c == '\n'; }

}  // namespace detail

namespace literals {

// One scope by its exact name: "read:mutes"_scope.
consteval scope operator""_scope(char const* text, std::size_t size)
{
    auto const found = lookup({text, size});
    if (!found) detail::unknown_scope_name_in_literal({text, size});
    return *found;
}

// A written scope set, read as Mastodon reads a scope string: tokens separated by runs of spaces,
// each an exact scope name; blank strings and tabs, CR or LF are errors. Duplicates are allowed.
consteval scope_set operator""_scopes(char const* text, std::size_t size)
{
    std::string_view const all{text, size};
    scope_set set;
    bool any = false;
    for (std::size_t pos = 0; pos < all.size();) {
        if (all[pos] == ' ') {
            ++pos;
            continue;
        }
        auto const end = std::min(all.find(' ', pos), all.size());
        auto const token = all.substr(pos, end - pos);
        for (char c : token)
            if (detail::is_tab_cr_or_lf(c)) detail::tab_cr_or_lf_in_scope_string_literal();
        auto const found = lookup(token);
        if (!found) detail::unknown_scope_name_in_literal(token);
        set.insert(*found);
        any = true;
        pos = end;
    }
    if (!any) detail::blank_scope_string_in_literal();
    return set;
}

}  // namespace literals
}  // namespace mastoscope
