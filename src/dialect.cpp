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

// Mastodon's own options at the server's release: how parse and lint answer for Mastodon.
parse_options at_release(parse_options options, server const& on)
{
    options.server_version = on.release;
    return options;
}

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
    std::string folded(token);
    std::transform(folded.begin(), folded.end(), folded.begin(), detail::bytes::ascii_lower);
    for (scope s : defined)
        if (mastoscope::name(s) == folded && folded != token)
            return {folded, fmt::format("; scope names are case-sensitive: did you mean '{}'?", folded)};
    return {};
}

}  // namespace

parse_result parse(std::string_view text, server const& on, parse_options const& options)
{
    if (on.name == software::mastodon) return parse(text, at_release(options, on));
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

namespace {

using detail::dialects::hierarchy_rule;
using detail::dialects::missing_rule;

std::vector<std::string> names_of(std::vector<item> const& items)
{
    std::vector<std::string> out;
    for (auto const& i : items) out.push_back(i.name);
    return out;
}

std::vector<std::string> names_of(scope_set const& set)
{
    std::vector<std::string> out;
    for (scope s : set) out.emplace_back(name(s));
    return out;
}

std::size_t code_points(std::string_view text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Does the app's name `held` let a token request `wanted` on the server? As its check compares names
// (the hierarchy rule applied to the text, so to names the data does not know as well).
bool covers(server const& on, std::string_view held, std::string_view wanted)
{
    if (held == wanted) return true;
    auto const& d = detail::dialect_of(on.name);
    auto const roots = scope_set::from_words(d.hierarchy_roots);
    auto const is_root = [&](std::string_view n) {
        auto const s = lookup(n);
        return s && roots.contains(*s);
    };
    auto const under = [&](std::string_view root) {
        return wanted.size() > root.size() && wanted.starts_with(root) && wanted[root.size()] == ':';
    };
    switch (d.hierarchy) {
    case hierarchy_rule::prefix: return under(held);
    case hierarchy_rule::prefix_roots: return is_root(held) && under(held);
    case hierarchy_rule::families:
        for (scope r : roots)
            if (held.starts_with(name(r)) && (wanted == name(r) || under(name(r)))) return true;
        return false;
    case hierarchy_rule::explicit_edges: {
        auto const h = lookup(held), w = lookup(wanted);
        return h && w && grants_on(on.name, *h).contains(*w);
    }
    case hierarchy_rule::none: return false;
    }
    return false;
}

}  // namespace

lint_result lint(std::string_view text, server const& on, parse_options const& options)
{
    if (on.name == software::mastodon) return lint(text, at_release(options, on));
    auto const parsed = parse(text, on, options);
    lint_result result;
    result.scopes = parsed.scopes();
    for (auto const& d : parsed.diagnostics()) {
        auto const warn = [&](lint_kind kind) {
            result.warnings.push_back({kind, std::string(d.token()), d.column(), std::string(d.message())});
        };
        if (d.kind() == diagnostic_kind::duplicate)
            warn(lint_kind::duplicate);
        else if (d.kind() == diagnostic_kind::not_yet_added)
            warn(lint_kind::unavailable);
        else if (d.is_error())
            result.errors.push_back(d);
        else
            warn(lint_kind::unknown);  // lenient mode's unknown names
    }
    if (!result) return result;
    auto const written = items_of(decoded(text, options.mode), detail::dialect_of(on.name).separators, options.mode);
    for (scope s : result.scopes) {
        scope_set by;
        for (scope h : result.scopes)
            if (h != s && detail::granted_at({h}, on).contains(s)) by.insert(h);
        if (by.empty()) continue;
        auto const first =
            std::find_if(written.begin(), written.end(), [&](auto const& i) { return i.name == name(s); });
        std::string granters;
        for (scope h : by) granters += fmt::format("{}'{}'", granters.empty() ? "" : " and ", name(h));
        result.warnings.push_back({lint_kind::redundant, std::string(name(s)),
                                   first == written.end() ? 0 : first->column,
                                   fmt::format("'{}' is already granted on {} by {}; it is fine to drop from a request",
                                               name(s), display_name(on.name), granters)});
    }
    std::stable_sort(result.warnings.begin(), result.warnings.end(),
                     [](auto const& a, auto const& b) { return a.column < b.column; });
    return result;
}

app_registration register_on(server const& on, std::optional<std::string_view> scopes)
{
    auto const& d = detail::dialect_of(on.name);
    app_registration out{true, 200, "", scopes ? code_points(*scopes) : 0, true, {}, {}};
    auto const refuse = [&](app_registration r) {
        r.ok = false;
        r.status = d.registration_refusal.status;
        r.reason = d.registration_refusal.message;
        r.stored.clear();
        return r;
    };
    if (d.registration == detail::dialects::registration_rule::ignored) {
        out.scopes_read = false;
        return out;
    }
    auto const given = [&](missing_rule rule) {
        if (rule == missing_rule::refused) return refuse(out);
        if (rule == missing_rule::default_scopes) out.stored = names_of(scope_set::from_words(d.default_scopes));
        return out;
    };
    if (!scopes) return given(d.registration_missing);
    if (scopes->empty()) return given(d.registration_blank);
    if (d.max_length && out.length > d.max_length) return refuse(out);
    auto const src = decoded(*scopes, parse_mode::strict);
    out.stored = names_of(items_of(src, d.separators, parse_mode::strict));
    if (d.registration == detail::dialects::registration_rule::vocabulary || d.refuses_duplicates) {
        auto const defined = vocabulary(on);
        std::vector<std::string> seen;
        for (auto const& n : out.stored) {
            auto const s = lookup(n);
            bool const unknown =
                d.registration == detail::dialects::registration_rule::vocabulary && !(s && defined.contains(*s));
            bool const repeated = d.refuses_duplicates && std::find(seen.begin(), seen.end(), n) != seen.end();
            if (unknown || repeated) out.refused.push_back(n);
            seen.push_back(n);
        }
        if (!out.refused.empty()) return refuse(out);
    }
    return out;
}

token_authorization authorize_on(server const& on, std::vector<std::string> const& registered,
                                 std::optional<std::string_view> requested, mastodon::grant_type grant)
{
    auto const& d = detail::dialect_of(on.name);
    auto const check =
        grant == mastodon::grant_type::authorization_code
            ? decltype(d.client_credentials){d.token_request, d.token_missing, d.token_separators, d.token_refusal}
            : d.client_credentials;
    token_authorization out{true, 200, "", "", {}, {}};
    bool const absent =
        !requested || std::all_of(requested->begin(), requested->end(), [](char c) { return ascii_space(c); });
    auto const given = [&] {
        switch (check.missing) {
        case missing_rule::app: return registered;
        case missing_rule::default_scopes: return names_of(scope_set::from_words(d.default_scopes));
        case missing_rule::none:
        case missing_rule::refused: break;
        }
        return std::vector<std::string>{};  // a token with no scopes
    };
    bool const unchecked = check.rule == detail::dialects::token_rule::unchecked;
    if (absent || unchecked) {
        out.scopes = given();
        if (unchecked || check.missing == missing_rule::none) return out;
    }
    auto const wanted =
        absent ? out.scopes
               : names_of(items_of(decoded(*requested, parse_mode::strict), check.separators, parse_mode::strict));
    auto const defined = vocabulary(on);
    for (auto const& w : wanted) {
        bool passes = true;
        switch (check.rule) {
        case detail::dialects::token_rule::literal:
            passes = std::find(registered.begin(), registered.end(), w) != registered.end();
            break;
        case detail::dialects::token_rule::hierarchical:
            passes = std::any_of(registered.begin(), registered.end(), [&](auto const& h) { return covers(on, h, w); });
            break;
        case detail::dialects::token_rule::vocabulary: {
            auto const s = lookup(w);
            passes = s && defined.contains(*s);
            break;
        }
        case detail::dialects::token_rule::unchecked: break;
        }
        if (!passes) out.not_covered.push_back(w);
    }
    if (!out.not_covered.empty()) {
        out.ok = false;
        out.status = check.refused.status;
        out.oauth_error = check.refused.error;
        out.reason = check.refused.message;
        out.scopes.clear();
        return out;
    }
    out.scopes = wanted;
    return out;
}

std::string message(app_registration const& refused)
{
    std::string out(refused.reason);
    if (auto const at = out.find("{length}"); at != std::string::npos)
        out.replace(at, 8, std::to_string(refused.length));
    return out;
}

std::string message(token_authorization const& refused, server const& on, std::optional<std::string_view> requested)
{
    std::string out(refused.reason);
    auto const at = out.find("{scope}");
    if (at == std::string::npos) return out;
    std::string scope_text(requested.value_or(""));
    if (scope_text.find_first_not_of(" \t\n\v\f\r") == std::string::npos)
        scope_text = to_string(scope_set::from_words(detail::dialect_of(on.name).default_scopes));
    return out.replace(at, 7, scope_text);
}

MASTOSCOPE_END_NAMESPACE
