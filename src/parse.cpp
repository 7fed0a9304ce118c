// parse() and parse_version(): run the X3 grammar of the requested mode and build the result.
#include <mastoscope/parse.hpp>

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "parser/config.hpp"
#include "parser/scope_grammar.hpp"
#include "parser/scope_reader.hpp"

namespace mastoscope {

diagnostic::diagnostic(diagnostic_kind kind, severity level, std::size_t column, std::string token,
                       std::string suggestion, std::string message)
    : kind_{kind}, level_{level}, column_{column}, token_{std::move(token)}, suggestion_{std::move(suggestion)},
      message_{std::move(message)}
{
}

parse_result::parse_result(scope_set scopes, std::vector<diagnostic> diagnostics, columns_type const& columns) noexcept
    : scopes_{scopes}, columns_{columns}, diagnostics_{std::move(diagnostics)},
      valid_{std::none_of(diagnostics_.begin(), diagnostics_.end(), [](auto const& d) { return d.is_error(); })}
{
}

namespace {

template <class Rule, class Separator>
void run(Rule const& rule, Separator const& separator, std::string_view text, parser::scope_reader& reader)
{
    namespace x3 = boost::spirit::x3;
    char const* first = text.data();
    // Every byte is either a separator or part of a token, so the grammar always reads to the end.
    x3::phrase_parse(first, text.data() + text.size(), x3::with<parser::reader_tag>(reader)[rule], separator);
}

}  // namespace

parse_result parse(std::string_view text, parse_options const& options)
{
    if (text.size() > options.max_length) {
        return parse_result{{}, {diagnostic{diagnostic_kind::too_long, severity::error, options.max_length + 1, "", "",
                                            fmt::format("the input is {} bytes, more than the limit of {}",
                                                        text.size(), options.max_length)}}};
    }
    parser::scope_reader reader{text, options};
    switch (options.mode) {
    case parse_mode::strict: run(grammar::strict_scopes(), parser::strict_separator, text, reader); break;
    case parse_mode::query: run(grammar::query_scopes(), parser::query_separator, text, reader); break;
    case parse_mode::lenient: run(grammar::lenient_scopes(), parser::lenient_separator, text, reader); break;
    }
    return std::move(reader).finish();
}

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
    for (auto mode : {parse_mode::strict, parse_mode::query, parse_mode::lenient})
        if (to_string(mode) == name) return mode;
    return std::nullopt;
}

}  // namespace mastoscope
