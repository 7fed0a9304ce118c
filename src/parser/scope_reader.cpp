// Token classification and diagnostics for the scope grammar's semantic actions.
#include "scope_reader.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include <mastoscope/history.hpp>

#include "suggest.hpp"

namespace mastoscope::parser {
namespace {

std::string with_suggestion(std::string message, std::optional<suggestion> const& s)
{
    if (!s) return message;
    switch (s->why) {
    case suggestion::reason::letter_case:
        return fmt::format("{}; scope names are case-sensitive: did you mean '{}'?", message, s->text);
    case suggestion::reason::separators:
        return fmt::format("{}; separate scopes with spaces: '{}'", message, s->text);
    case suggestion::reason::mistaken_name:
    case suggestion::reason::spelling:
        break;
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

bool scope_reader::is_bad_byte(unsigned char c) const noexcept { return c < 0x20 || c == 0x7F || c >= 0x80; }

void scope_reader::report(diagnostic_kind kind, severity level, std::size_t column, std::string_view token,
                          std::string suggestion, std::string message)
{
    diagnostics_.emplace_back(kind, level, column, std::string(token), std::move(suggestion), std::move(message));
}

// The rest of raw_token: a known scope that is unavailable or repeated, or a token that is no scope.
void scope_reader::odd_token(std::string_view token, std::optional<scope> found, std::size_t column)
{
    if (found) return known(*found, token, column);  // names have no bad bytes
    auto const bad = std::find_if(token.begin(), token.end(), [this](char c) { return is_bad_byte(static_cast<unsigned char>(c)); });
    if (bad == token.end()) return unknown(token, column);
    auto const hint = suggest(token, options_.server_version);
    report(diagnostic_kind::bad_character, options_.mode == parse_mode::lenient ? severity::warning : severity::error,
           column + static_cast<std::size_t>(bad - token.begin()), token, hint ? hint->text : "",
           with_suggestion(describe_byte(static_cast<unsigned char>(*bad)), hint));
}

void scope_reader::begin_token() noexcept
{
    buffer_used_ = 0;
    overflow_ = false;
    problem_at_ = none;
    problem_is_escape_ = false;
}

void scope_reader::append(char byte, char const* at) noexcept
{
    if (problem_at_ == none && is_bad_byte(static_cast<unsigned char>(byte))) {
        problem_at_ = offset(at);
        problem_byte_ = static_cast<unsigned char>(byte);
    }
    if (buffer_used_ < buffer_.size())
        buffer_[buffer_used_++] = byte;
    else
        overflow_ = true;
}

void scope_reader::bad_escape(char const* at) noexcept
{
    if (problem_at_ == none) {
        problem_at_ = offset(at);
        problem_is_escape_ = true;
    }
    append('%', at);
}

void scope_reader::decoded_token(char const* first, char const* last)
{
    any_token_ = true;
    std::string_view const decoded = overflow_ ? std::string_view{first, static_cast<std::size_t>(last - first)}
                                               : std::string_view{buffer_.data(), buffer_used_};
    if (problem_at_ == none) return classify(decoded, offset(first) + 1);
    if (problem_is_escape_) {
        return report(diagnostic_kind::bad_escape, severity::error, problem_at_ + 1, decoded, "%25",
                      "'%' must start an escape of two hex digits such as %20; write a literal '%' as %25");
    }
    auto const hint = suggest(decoded, options_.server_version);
    report(diagnostic_kind::bad_character, severity::error, problem_at_ + 1, decoded, hint ? hint->text : "",
           with_suggestion(describe_byte(problem_byte_), hint));  // the byte as decoded (%09 is a tab)
}

void scope_reader::classify(std::string_view token, std::size_t column)
{
    if (auto const found = lookup(token)) return known(*found, token, column);
    unknown(token, column);
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
        if (v < added(s)) {
            return report(diagnostic_kind::not_yet_added, severity::error, column, token, "",
                          fmt::format("'{}' was added in {}; the server runs {}", token, detail::table::version_texts[index(s)].added, to_string(v)));
        }
        return report(diagnostic_kind::removed, severity::error, column, token, "",
                      fmt::format("'{}' was removed in {}; the server runs {}", token, detail::table::version_texts[index(s)].removed, to_string(v)));
    }
    if (scopes_.contains(s)) {
        return report(diagnostic_kind::duplicate, severity::warning, column, token, "",
                      fmt::format("'{}' is written more than once; Mastodon keeps one", token));
    }
    keep(s, column);
}

parse_result scope_reader::finish() &&
{
    if (!any_token_) report(diagnostic_kind::empty, severity::error, 1, "", "", "the scope string is blank");
    for (scope s : scopes_ & deprecated_) {
        // Plain appends: a deprecated scope is common in stored tokens, so this path stays cheap.
        auto const instead = to_string(replacement(s, scopes_));
        auto const note = deprecation_note(s);
        std::string message;
        message.reserve(64 + note.size() + instead.size());
        ((message += '\'') += name(s)) += "' is deprecated since ";
        message += detail::table::version_texts[index(s)].deprecated;
        if (!note.empty()) ((message += " (") += note) += ')';
        if (!instead.empty()) ((message += "; write '") += instead) += "' instead";
        report(diagnostic_kind::deprecated, severity::warning, first_column_[index(s)], name(s), instead, std::move(message));
    }
    bool const has_error = std::any_of(diagnostics_.begin(), diagnostics_.end(), [](auto const& d) { return d.is_error(); });
    if (options_.mode == parse_mode::lenient && any_token_ && scopes_.empty() && !has_error)
        report(diagnostic_kind::empty, severity::error, 1, "", "", "no known scope is left in the input");
    if (diagnostics_.size() > 1)
        std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                         [](auto const& a, auto const& b) { return a.column() < b.column(); });
    return parse_result{scopes_, std::move(diagnostics_), first_column_};
}

}  // namespace mastoscope::parser
