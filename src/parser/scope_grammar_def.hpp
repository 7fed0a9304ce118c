// The grammar's rules. A token is read as a lexeme between separators, then looked up whole in the
// generated table by the scope_reader (no prefix matching: read:foo is one unknown token).
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/spirit/home/x3.hpp>

#include "config.hpp"
#include "scope_grammar.hpp"
#include "scope_reader.hpp"
#include "token_scanner.hpp"

BOOST_FUSION_ADAPT_STRUCT(mastoscope::parser::version_fields, major, minor, patch, pre_release, build_metadata)

namespace mastoscope::parser {

namespace actions {

inline auto const raw_token = [](auto& ctx) {
    auto const& token = x3::_attr(ctx);
    x3::get<reader_tag>(ctx).raw_token(token.first, token.last, token.hash);
};
inline auto const begin_token = [](auto& ctx) { x3::get<reader_tag>(ctx).begin_token(); };
// X3's _where is the input after the match; these matches have fixed lengths, so step back over them.
inline auto const append_escaped = [](auto& ctx) {
    x3::get<reader_tag>(ctx).append(static_cast<char>(x3::_attr(ctx)), x3::_where(ctx).begin() - 3);  // %XX
};
inline auto const append_plain = [](auto& ctx) {
    x3::get<reader_tag>(ctx).append(x3::_attr(ctx), x3::_where(ctx).begin() - 1);
};
inline auto const bad_escape = [](auto& ctx) { x3::get<reader_tag>(ctx).bad_escape(x3::_where(ctx).begin() - 1); };
inline auto const decoded_token = [](auto& ctx) {
    auto const& range = x3::_attr(ctx);
    x3::get<reader_tag>(ctx).decoded_token(range.begin(), range.end());
};

}  // namespace actions

strict_scopes_type const strict_scopes = "strict scope string";
query_scopes_type const query_scopes = "query scope string";
lenient_scopes_type const lenient_scopes = "lenient scope string";
version_type const version_string = "version";

// Strict and lenient: a token is every byte up to the next separator, handed over as it stands with
// its perfect hash, computed in the same pass (token_scanner.hpp).
auto const strict_token = x3::lexeme[token_scanner<strict_separator_byte>{}][actions::raw_token];
auto const lenient_token = x3::lexeme[token_scanner<lenient_separator_byte>{}][actions::raw_token];

// Query: %XX is a byte (and %20 a separator), a lone '%' is a bad escape, anything else is itself.
auto const hex_byte = x3::uint_parser<unsigned char, 16, 2, 2>{};
auto const query_byte = !query_separator >> ((x3::lit('%') >> hex_byte)[actions::append_escaped] |
                                             x3::lit('%')[actions::bad_escape] |
                                             x3::char_[actions::append_plain]);
auto const query_token = x3::raw[x3::lexeme[x3::eps[actions::begin_token] >> +query_byte]][actions::decoded_token];

auto const strict_scopes_def = *strict_token >> x3::eoi;
auto const query_scopes_def = *query_token >> x3::eoi;
auto const lenient_scopes_def = *lenient_token >> x3::eoi;

// MAJOR.MINOR.PATCH without leading zeros, then an optional -PRE-RELEASE and an optional +BUILD, each of
// dot-separated identifiers.
// Explicit ASCII ranges: Spirit's digit/alnum classifiers must never see a non-ASCII byte.
auto const ascii_digit = x3::char_('0', '9');
auto const number = !(x3::lit('0') >> ascii_digit) >> x3::uint32;
auto const identifier = +(ascii_digit | x3::char_('a', 'z') | x3::char_('A', 'Z') | x3::char_('-'));
auto const version_string_def =
    number >> '.' >> number >> '.' >> number >> -('-' >> x3::raw[identifier % '.']) >>
    -('+' >> x3::raw[identifier % '.']) >> x3::eoi;

BOOST_SPIRIT_DEFINE(strict_scopes, query_scopes, lenient_scopes, version_string)

}  // namespace mastoscope::parser
