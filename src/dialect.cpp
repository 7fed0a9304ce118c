// Another server's reading of a scope string: split by its separators rule, each name checked against
// its vocabulary at its release.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include <mastoscope/detail/tokenizer.hpp>
#include <mastoscope/dialect.hpp>
#include <mastoscope/text.hpp>

#include "parser/result_builder.hpp"

MASTOSCOPE_BEGIN_NAMESPACE

std::optional<version> added_on(software on, scope s) noexcept
{
    auto const& d = detail::dialect_of(on);
    if (on == software::mastodon) return added_in(s);
    std::optional<version> first;
    for (auto i = d.first_step; i < d.end_step; ++i) {
        auto const& step = detail::dialects::vocabulary_steps[i];
        if (scope_set::from_words(step.scopes).contains(s) && (!first || step.since < *first)) first = step.since;
    }
    return first;
}

namespace {

using detail::dialects::separator_rule;

// A name as the server splits it out, and the 1-based column of its first byte in the text as written.
struct item {
    std::string name;
    std::size_t column;
};

// The text the server splits: as written, or URL-decoded in query mode, with the written column of
// each byte (and one past the end).
struct source {
    std::string text;
    std::vector<std::size_t> columns;
    std::optional<std::size_t> bad_escape;  // the column of the first '%' without two hex digits
};

source decoded(std::string_view text, parse_mode mode)
{
    source out;
    for (std::size_t i = 0; i < text.size();) {
        auto const b = mode == parse_mode::query ? detail::read_query_byte(text.data() + i, text.data() + text.size())
                                                 : detail::query_byte{text[i], 1, false};
        if (b.bad_escape && !out.bad_escape) out.bad_escape = i + 1;
        out.text += b.value;
        out.columns.push_back(i + 1);
        i += b.length;
    }
    out.columns.push_back(text.size() + 1);
    return out;
}

bool ascii_space(char c) { return detail::bytes::ruby_space(c); }

// Splits on each separator; empty items between separators are kept when `keep_empty`.
template <class IsSeparator>
std::vector<item> split(source const& s, IsSeparator is_separator, bool keep_empty)
{
    std::vector<item> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.text.size(); ++i) {
        if (i < s.text.size() && !is_separator(s.text[i])) continue;
        if (i > start || keep_empty) out.push_back({s.text.substr(start, i - start), s.columns[start]});
        start = i + 1;
    }
    return out;
}

std::vector<item> items_of(source const& s, separator_rule rule, parse_mode mode)
{
    if (mode == parse_mode::lenient) return split(s, detail::bytes::lenient_separator, false);
    switch (rule) {
    case separator_rule::space_runs:
        return split(
            s, [](char c) { return c == ' '; }, false);
    case separator_rule::single_space:
        return split(
            s, [](char c) { return c == ' '; }, true);
    case separator_rule::whitespace_commas:
        return split(
            s, [](char c) { return c == ',' || ascii_space(c); }, false);
    case separator_rule::spaces_else_commas: {
        char const by = s.text.find(' ') != std::string::npos ? ' ' : ',';
        return split(
            s, [by](char c) { return c == by; }, true);
    }
    case separator_rule::spaces_plus:
        return split(
            s, [](char c) { return c == ' ' || c == '+'; }, true);
    }
    return {};
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return out;
}

// The server's name for what `token` most likely means: the scope that stands for it there, or the
// server's name that differs only in letter case.
std::pair<std::string, std::string> suggestion_for(std::string_view token, server const& on, scope_set const& defined)
{
    auto const name = display_name(on.name);
    if (auto const s = lookup(token)) {
        if (auto const stand = stands_for(on.name, *s); stand && defined.contains(*stand))
            return {std::string(mastoscope::name(*stand)),
                    fmt::format("; what Mastodon's '{}' guards, {} guards with '{}'", token, name,
                                mastoscope::name(*stand))};
    }
    auto const folded = lower(token);
    for (scope s : defined)
        if (mastoscope::name(s) == folded && folded != token)
            return {folded, fmt::format("; scope names are case-sensitive: did you mean '{}'?", folded)};
    return {};
}

}  // namespace

parse_result parse(std::string_view text, server const& on, parse_options const& options)
{
    if (on.name == software::mastodon) {
        auto at = options;
        at.server_version = on.release;
        return parse(text, at);
    }
    using builder = detail::result_builder;
    if (text.size() > options.max_length)
        return builder::with({},
                             diagnostic{diagnostic_kind::too_long, severity::error, options.max_length + 1, "", "",
                                        fmt::format("the scope string is longer than {} bytes", options.max_length)});
    auto const src = decoded(text, options.mode);
    std::vector<diagnostic> found;
    if (src.bad_escape)
        found.emplace_back(diagnostic_kind::bad_escape, severity::error, *src.bad_escape, "%", "",
                           "'%' is not followed by two hex digits");
    auto const& d = detail::dialect_of(on.name);
    auto const server_name = d.display_name;
    bool const lenient = options.mode == parse_mode::lenient;
    auto const defined = vocabulary(on);
    scope_set kept;
    bool const blank = std::all_of(src.text.begin(), src.text.end(), [](char c) { return c == ' '; });
    if (blank) {
        found.emplace_back(diagnostic_kind::empty, severity::error, 1, "", "", "the scope string is empty");
        return builder::with({}, std::move(found));
    }
    for (auto const& [token, column] : items_of(src, d.separators, options.mode)) {
        auto const s = lookup(token);
        if (s && defined.contains(*s)) {
            if (kept.contains(*s))
                found.emplace_back(diagnostic_kind::duplicate, severity::warning, column, token, "",
                                   fmt::format("'{}' is written more than once", token));
            kept.insert(*s);
            continue;
        }
        auto const level = lenient ? severity::warning : severity::error;
        if (token.empty()) {
            found.emplace_back(diagnostic_kind::unknown_scope, level, column, "", "",
                               fmt::format("an empty name (two separators together, or one at an end), which {} "
                                           "keeps and no scope is",
                                           server_name));
            continue;
        }
        if (auto const since = s ? added_on(on.name, *s) : std::nullopt) {
            found.emplace_back(diagnostic_kind::not_yet_added, level, column, token, "",
                               fmt::format("'{}' was added to {} in {}; the server runs {}", token, server_name,
                                           to_string(*since), to_string(on.release)));
            continue;
        }
        auto const [suggested, hint] = suggestion_for(token, on, defined);
        found.emplace_back(diagnostic_kind::unknown_scope, level, column, token, suggested,
                           fmt::format("{} has no scope '{}'{}", server_name, token, hint));
    }
    if (lenient && kept.empty() && std::none_of(found.begin(), found.end(), [](auto const& x) { return x.is_error(); }))
        found.emplace_back(diagnostic_kind::empty, severity::error, 1, "", "",
                           fmt::format("no scope that {} defines is left", server_name));
    std::stable_sort(found.begin(), found.end(), [](auto const& a, auto const& b) { return a.column() < b.column(); });
    if (found.empty()) return builder::valid(kept);
    return builder::with(kept, std::move(found));
}

MASTOSCOPE_END_NAMESPACE
