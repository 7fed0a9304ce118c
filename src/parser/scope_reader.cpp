// The diagnosing policy: token classification and diagnostics, with columns and suggestions.
#include "scope_reader.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include <mastoscope/history.hpp>

#include "deprecation.hpp"
#include "result_builder.hpp"
#include "suggest.hpp"

MASTOSCOPE_BEGIN_NAMESPACE
namespace parser {
namespace {

std::string with_suggestion(std::string message, std::optional<suggestion> const& s)
{
    if (!s) return message;
    switch (s->why) {
    case suggestion::reason::letter_case:
        return fmt::format("{}; scope names are case-sensitive: did you mean '{}'?", message, s->text);
    case suggestion::reason::separators: return fmt::format("{}; separate scopes with spaces: '{}'", message, s->text);
    case suggestion::reason::mistaken_name:
    case suggestion::reason::spelling: break;
    }
    return fmt::format("{}; did you mean '{}'?", message, s->text);
}

std::string describe_byte(unsigned char c)
{
    switch (c) {
    case '\t': return "a tab is not allowed (Mastodon rejects tabs, CR and LF)";
    case '\r': return "a carriage return is not allowed (Mastodon rejects tabs, CR and LF)";
    case '\n': return "a line feed is not allowed (Mastodon rejects tabs, CR and LF)";
    default: break;
    }
    if (c >= 0x80) return fmt::format("non-ASCII byte 0x{:02X} is not allowed (scope names are ASCII)", c);
    return fmt::format("control byte 0x{:02X} is not allowed", c);
}

}  // namespace

scope_reader::scope_reader(std::string_view text, parse_options const& options) noexcept
    : text_{text}, options_{options}
{
    // The generated masks of the interval between version events that holds the server version.
    available_ = scopes_at(options.server_version);
    deprecated_ = deprecated_scopes_at(options.server_version);
}

void scope_reader::report(diagnostic_kind kind, severity level, std::size_t column, std::string_view token,
                          std::string suggestion, std::string message)
{
    diagnostics_.emplace_back(kind, level, column, token, suggestion, message);
}

bool scope_reader::take(raw_token const& token)
{
    any_token_ = true;
    auto const text = token.text();
    auto const found = detail::lookup_hashed(text, token.hash);
    if (found) {  // names have no bad bytes
        known(*found, text, column(token.first));
        return true;
    }
    auto const bad = std::find_if(text.begin(), text.end(), detail::bytes::bad_byte);
    if (bad == text.end())
        unknown(text, column(token.first));
    else
        bad_character(text, *bad, column(token.first) + static_cast<std::size_t>(bad - text.begin()));
    return true;
}

bool scope_reader::take(decoded_token const& token)
{
    any_token_ = true;
    auto const text = token.text();
    if (!token.problem) {
        if (auto const found = detail::lookup_hashed(text, token.hash))
            known(*found, text, column(token.first));
        else
            unknown(text, column(token.first));
    } else if (token.problem_is_escape) {
        report(diagnostic_kind::bad_escape, severity::error, column(token.problem), text, "%25",
               "'%' must start an escape of two hex digits such as %20; write a literal '%' as %25");
    } else {
        bad_character(text, token.problem_byte, column(token.problem));  // the byte as decoded (%09 is a tab)
    }
    return true;
}

void scope_reader::bad_character(std::string_view token, char byte, std::size_t column)
{
    auto const hint = suggest(token, options_.server_version);
    report(diagnostic_kind::bad_character, options_.mode == parse_mode::lenient ? severity::warning : severity::error,
           column, token, hint ? hint->text : "",
           with_suggestion(describe_byte(static_cast<unsigned char>(byte)), hint));
}

void scope_reader::unknown(std::string_view token, std::size_t column)
{
    auto const hint = suggest(token, options_.server_version);
    report(diagnostic_kind::unknown_scope, options_.mode == parse_mode::lenient ? severity::warning : severity::error,
           column, token, hint ? hint->text : "", with_suggestion(fmt::format("unknown scope '{}'", token), hint));
}

void scope_reader::known(scope s, std::string_view token, std::size_t column)
{
    if (!available_.contains(s)) {
        auto const& v = options_.server_version;
        auto const added = added_in(s);
        if (!added) return unknown(token, column);  // a name only other servers define
        if (v < *added) {
            return report(diagnostic_kind::not_yet_added, severity::error, column, token, "",
                          fmt::format("'{}' was added in {}; the server runs {}", token,
                                      detail::table::version_texts[index(s)].added, to_string(v)));
        }
        return report(diagnostic_kind::removed, severity::error, column, token, "",
                      fmt::format("'{}' was removed in {}; the server runs {}", token,
                                  detail::table::version_texts[index(s)].removed, to_string(v)));
    }
    if (scopes_.contains(s)) {
        return report(diagnostic_kind::duplicate, severity::warning, column, token, "",
                      fmt::format("'{}' is written more than once; Mastodon keeps one", token));
    }
    scopes_.insert(s);
    first_column_[index(s)] = static_cast<std::uint32_t>(column);
}

reading scope_reader::finish() &&
{
    if (!any_token_) report(diagnostic_kind::empty, severity::error, 1, "", "", "the scope string is blank");
    for (scope s : scopes_& deprecated_)
        diagnostics_.push_back(deprecation_warning(s, scopes_, first_column_[index(s)]));
    bool const has_error =
        std::any_of(diagnostics_.begin(), diagnostics_.end(), [](auto const& d) { return d.is_error(); });
    if (options_.mode == parse_mode::lenient && any_token_ && scopes_.empty() && !has_error)
        report(diagnostic_kind::empty, severity::error, 1, "", "", "no known scope is left in the input");
    if (diagnostics_.size() > 1)
        std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                         [](auto const& a, auto const& b) { return a.column() < b.column(); });
    return {detail::result_builder::with(scopes_, std::move(diagnostics_)), first_column_};
}

}  // namespace parser
MASTOSCOPE_END_NAMESPACE
