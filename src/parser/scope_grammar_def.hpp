// The grammar's rules. A token is read whole between separators, then looked up in the generated
// table by the policy in the context (no prefix matching: read:foo is one unknown token).
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/spirit/home/x3.hpp>

#include "config.hpp"
#include "scope_grammar.hpp"
#include "token_scanner.hpp"

BOOST_FUSION_ADAPT_STRUCT(mastoscope::parser::version_fields, major, minor, patch, pre_release, build_metadata)

MASTOSCOPE_BEGIN_NAMESPACE
namespace parser {

// Hands a token to the policy; the checking policy fails the parse at a token it cannot keep.
inline auto const take_token = [](auto& ctx) { x3::_pass(ctx) = x3::get<reader_tag>(ctx).take(x3::_attr(ctx)); };

strict_scopes_type const strict_scopes = "strict scope string";
query_scopes_type const query_scopes = "query scope string";
lenient_scopes_type const lenient_scopes = "lenient scope string";
version_type const version_string = "version";

// Every byte is a separator or part of a token, so a policy that takes every token reads to the end.
auto const strict_scopes_def = *raw_scanner<detail::bytes::strict_separator>{}[take_token] >> x3::eoi;
auto const query_scopes_def = *query_scanner{}[take_token] >> x3::eoi;
auto const lenient_scopes_def = *raw_scanner<detail::bytes::lenient_separator>{}[take_token] >> x3::eoi;

// MAJOR.MINOR.PATCH without leading zeros, then an optional -PRE-RELEASE and an optional +BUILD. The
// grammar only splits the text: version::valid_pre_release and valid_build_metadata, the one place of
// SemVer's identifier rules, judge the two parts (parse_version calls them).
// An explicit ASCII range: Spirit's digit classifier must never see a non-ASCII byte.
auto const ascii_digit = x3::char_('0', '9');
auto const number = !(x3::lit('0') >> ascii_digit) >> x3::uint32;
auto const version_string_def = number >> '.' >> number >> '.' >> number >> -('-' >> x3::raw[+~x3::char_('+')]) >>
                                -('+' >> x3::raw[+x3::char_]) >> x3::eoi;

BOOST_SPIRIT_DEFINE(strict_scopes, query_scopes, lenient_scopes, version_string)

// Runs the rule of `mode` with a policy; true when the policy took every token.
template <class Policy>
[[gnu::always_inline]] inline bool run(parse_mode mode, std::string_view text, Policy& policy)
{
    auto const with_policy = [&](auto const& rule) {
        iterator_type first = text.data();
        return x3::parse(first, text.data() + text.size(), x3::with<reader_tag>(policy)[rule]);
    };
    switch (mode) {
    case parse_mode::strict: return with_policy(strict_scopes);
    case parse_mode::query: return with_policy(query_scopes);
    case parse_mode::lenient: return with_policy(lenient_scopes);
    }
    return false;
}

}  // namespace parser
MASTOSCOPE_END_NAMESPACE
