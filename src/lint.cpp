// lint(): the parser's warnings plus redundancy and the literal-registration trap.
#include <mastoscope/lint.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <mastoscope/algebra.hpp>

namespace mastoscope {
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
    auto const parsed = parse(text, options);
    lint_result result;
    result.scopes = parsed.scopes();
    for (auto const& d : parsed.diagnostics()) {
        switch (d.kind()) {
        case diagnostic_kind::deprecated:
            result.warnings.push_back({lint_kind::deprecated, d.token(), d.column(), d.message()});
            break;
        case diagnostic_kind::duplicate:
            result.warnings.push_back({lint_kind::duplicate, d.token(), d.column(), d.message()});
            break;
        case diagnostic_kind::not_yet_added:
        case diagnostic_kind::removed:
            result.warnings.push_back({lint_kind::unavailable, d.token(), d.column(), d.message()});
            break;
        default:
            if (d.is_error())
                result.errors.push_back(d);
            else  // lenient mode's unknown tokens and bad characters
                result.warnings.push_back({lint_kind::unknown, d.token(), d.column(), d.message()});
        }
    }
    if (!result) return result;
    for (scope s : result.scopes) {
        auto others = implied_by(s);
        others.erase(s);
        auto const by = others & result.scopes;
        if (by.empty()) continue;
        auto const column = parsed.column_of(s);
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

}  // namespace mastoscope
