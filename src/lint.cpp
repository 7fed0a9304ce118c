// lint(): the parser's warnings plus redundancy and the literal-registration trap.
#include <mastoscope/lint.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <mastoscope/algebra.hpp>

#include "parser/scope_reader.hpp"

MASTOSCOPE_BEGIN_NAMESPACE
namespace {

std::string quoted_names(scope_set const& set)
{
    std::string text;
    for (scope s : set) text += fmt::format("{}'{}'", text.empty() ? "" : " and ", name(s));
    return text;
}

}  // namespace

lint_result lint(std::string_view text, parse_options const& options)
{
    auto const read = parser::diagnose(text, options);  // with the columns of the kept scopes
    auto const& parsed = read.result;
    lint_result result;
    result.scopes = parsed.scopes();
    for (auto const& d : parsed.diagnostics()) {
        auto const warn = [&](lint_kind kind) {
            result.warnings.push_back({kind, std::string(d.token()), d.column(), std::string(d.message())});
        };
        switch (d.kind()) {
        case diagnostic_kind::deprecated: warn(lint_kind::deprecated); break;
        case diagnostic_kind::duplicate: warn(lint_kind::duplicate); break;
        case diagnostic_kind::not_yet_added:
        case diagnostic_kind::removed: warn(lint_kind::unavailable); break;
        default:
            if (d.is_error())
                result.errors.push_back(d);
            else  // lenient mode's unknown tokens and bad characters
                warn(lint_kind::unknown);
        }
    }
    if (!result) return result;
    for (scope s : result.scopes) {
        auto others = implied_by(s);
        others.erase(s);
        auto const by = others & result.scopes;
        if (by.empty()) continue;
        std::size_t const column = read.first_column[index(s)];
        result.warnings.push_back({lint_kind::redundant, std::string(name(s)), column,
                                   fmt::format("'{}' is already granted by {}; it is fine to drop from a request",
                                               name(s), quoted_names(by))});
        result.warnings.push_back({lint_kind::registration_trap, std::string(name(s)), column,
                                   fmt::format("but keep '{}' among an app's registered scopes if the app will "
                                               "request it on its own: Mastodon matches requested scopes "
                                               "literally against registered ones, without the hierarchy (#22140)",
                                               name(s))});
    }
    std::stable_sort(result.warnings.begin(), result.warnings.end(),
                     [](auto const& a, auto const& b) { return a.column < b.column; });
    return result;
}

std::size_t column_of(std::string_view text, scope s, parse_options const& options)
{
    auto const read = parser::diagnose(text, options);
    return read.result.scopes().contains(s) ? read.first_column[index(s)] : 0;
}

std::string_view to_string(lint_kind kind) noexcept
{
    switch (kind) {
    case lint_kind::deprecated: return "deprecated";
    case lint_kind::redundant: return "redundant";
    case lint_kind::registration_trap: return "registration_trap";
    case lint_kind::duplicate: return "duplicate";
    case lint_kind::unavailable: return "unavailable";
    case lint_kind::unknown: return "unknown";
    }
    return "unknown";
}

MASTOSCOPE_END_NAMESPACE
