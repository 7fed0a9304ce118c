// How the library builds a parse_result, whose constructors are private: only parse() makes one.
#pragma once

#include <utility>
#include <vector>

#include <mastoscope/parse.hpp>

MASTOSCOPE_BEGIN_NAMESPACE
namespace detail {

struct result_builder {
    // A valid result with nothing to report.
    static parse_result valid(scope_set scopes) noexcept { return parse_result{scopes}; }
    // A result with exactly one diagnostic, held without allocating.
    static parse_result with(scope_set scopes, diagnostic only) noexcept
    {
        return parse_result{scopes, std::move(only)};
    }
    // A result with any number of diagnostics, ordered by column.
    static parse_result with(scope_set scopes, std::vector<diagnostic> diagnostics) noexcept
    {
        return parse_result{scopes, std::move(diagnostics)};
    }
};

}  // namespace detail
MASTOSCOPE_END_NAMESPACE
