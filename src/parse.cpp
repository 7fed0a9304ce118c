// parse() and parse_version(): run the X3 grammar of the requested mode with a policy and build the result.
#include <mastoscope/parse.hpp>

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include <mastoscope/history.hpp>

#include "parser/config.hpp"
#include "parser/deprecation.hpp"
#include "parser/result_builder.hpp"
#include "parser/scope_checker.hpp"
#include "parser/scope_grammar_def.hpp"
#include "parser/scope_reader.hpp"

MASTOSCOPE_BEGIN_NAMESPACE

diagnostic::diagnostic(diagnostic_kind kind, severity level, std::size_t column, std::string_view token,
                       std::string_view suggestion, std::string_view message)
    : kind_{kind}, level_{level}, column_{column}
{
    // One buffer for the three texts; the views point into it, so copies and moves keep them valid.
    auto texts = std::make_shared<char[]>(token.size() + suggestion.size() + message.size());
    char* const start = texts.get();
    char* out = start;
    auto const keep = [&out](std::string_view text) {
        std::string_view const kept{out, text.size()};
        out = std::copy(text.begin(), text.end(), out);
        return kept;
    };
    token_ = keep(token);
    suggestion_ = keep(suggestion);
    message_ = keep(message);
    texts_ = std::move(texts);
}

parse_result::parse_result(scope_set scopes, std::vector<diagnostic> diagnostics) noexcept
    : scopes_{scopes},
      many_{std::move(diagnostics)},
      valid_{std::none_of(many_.begin(), many_.end(), [](auto const& d) { return d.is_error(); })}
{
}

namespace parser {

reading diagnose(std::string_view text, parse_options const& options)
{
    if (text.size() > options.max_length) {
        return {detail::result_builder::with(
            {}, diagnostic{
                    diagnostic_kind::too_long, severity::error, options.max_length + 1, "", "",
                    fmt::format("the input is {} bytes, more than the limit of {}", text.size(), options.max_length)})};
    }
    scope_reader reader{text, options};
    read_scopes(options.mode, text, reader);
    return std::move(reader).finish();
}

}  // namespace parser

namespace {

// The deprecation warnings of a string the checking policy read whole.
parse_result with_warnings(std::string_view text, parser::scope_checker const& checker, scope_set const& deprecated)
{
    auto const& written = checker.scopes();
    auto const column = [&](scope s) { return static_cast<std::size_t>(checker.where(s) - text.data()) + 1; };
    auto it = deprecated.begin();
    scope const first = *it;
    if (++it == deprecated.end())
        return detail::result_builder::with(written, parser::deprecation_warning(first, written, column(first)));
    std::vector<diagnostic> warnings;
    for (scope s : deprecated) warnings.push_back(parser::deprecation_warning(s, written, column(s)));
    std::sort(warnings.begin(), warnings.end(), [](auto const& a, auto const& b) { return a.column() < b.column(); });
    return detail::result_builder::with(written, std::move(warnings));
}

[[gnu::noinline]] parse_result diagnosed(std::string_view text, parse_options const& options)
{
    return parser::diagnose(text, options).result;
}

// The checking policy first: a string with nothing to report but deprecations is done once read.
// `masks` are those of options.server_version (null before the first scope existed).
[[gnu::always_inline]] inline parse_result read(std::string_view text, parse_options const& options,
                                                detail::table::version_masks const* masks)
{
    if (text.size() <= options.max_length && masks) {
        parser::scope_checker checker;
        if (parser::run(options.mode, text, checker) && !checker.scopes().empty() &&
            checker.scopes().is_subset_of(scope_set::from_words(masks->available))) {
            auto const deprecated = checker.scopes() & scope_set::from_words(masks->deprecated);
            if (deprecated.empty()) return detail::result_builder::valid(checker.scopes());
            return with_warnings(text, checker, deprecated);
        }
    }
    return diagnosed(text, options);
}

constexpr parse_options default_options{};
constexpr auto const* default_masks = detail::masks_at(default_options.server_version);

}  // namespace

parse_result parse(std::string_view text, parse_options const& options)
{
    return read(text, options, detail::masks_at(options.server_version));
}

parse_result parse(std::string_view text) { return read(text, default_options, default_masks); }

std::optional<version> parse_version(std::string_view text)
{
    parser::version_fields fields;
    char const* first = text.data();
    if (!boost::spirit::x3::parse(first, text.data() + text.size(), grammar::version_string(), fields))
        return std::nullopt;
    std::string_view const pre = fields.pre_release;
    std::string_view const build = fields.build_metadata;
    if (pre.size() > version::max_pre_release || !version::valid_pre_release(pre)) return std::nullopt;
    if (build.size() > version::max_build_metadata || !version::valid_build_metadata(build)) return std::nullopt;
    return version{fields.major, fields.minor, fields.patch, pre, build};
}

std::string_view to_string(diagnostic_kind kind) noexcept
{
    switch (kind) {
    case diagnostic_kind::empty: return "empty";
    case diagnostic_kind::bad_character: return "bad_character";
    case diagnostic_kind::bad_escape: return "bad_escape";
    case diagnostic_kind::unknown_scope: return "unknown_scope";
    case diagnostic_kind::not_yet_added: return "not_yet_added";
    case diagnostic_kind::removed: return "removed";
    case diagnostic_kind::too_long: return "too_long";
    case diagnostic_kind::deprecated: return "deprecated";
    case diagnostic_kind::duplicate: return "duplicate";
    }
    return "unknown";
}

std::string_view to_string(parse_mode mode) noexcept
{
    switch (mode) {
    case parse_mode::strict: return "strict";
    case parse_mode::query: return "query";
    case parse_mode::lenient: return "lenient";
    }
    return "unknown";
}

std::optional<parse_mode> parse_mode_from(std::string_view name) noexcept
{
    for (auto mode : parse_modes)
        if (to_string(mode) == name) return mode;
    return std::nullopt;
}

MASTOSCOPE_END_NAMESPACE
