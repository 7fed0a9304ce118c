// Declares the grammar's rules: one per parse mode, and Mastodon version strings.
#pragma once

#include <cstdint>
#include <string>

#include <boost/spirit/home/x3.hpp>

namespace mastoscope::parser {

namespace x3 = boost::spirit::x3;

// A version as the grammar reads it; parse_version() checks and converts it.
struct version_fields {
    std::uint32_t major = 0;
    std::uint32_t minor = 0;
    std::uint32_t patch = 0;
    std::string pre_release;     // empty when absent
    std::string build_metadata;  // empty when absent
};

// The scope rules have no attribute: their semantic actions feed the scope_reader in the context.
using strict_scopes_type = x3::rule<struct strict_scopes_class>;
using query_scopes_type = x3::rule<struct query_scopes_class>;
using lenient_scopes_type = x3::rule<struct lenient_scopes_class>;
using version_type = x3::rule<struct version_class, version_fields>;

BOOST_SPIRIT_DECLARE(strict_scopes_type, query_scopes_type, lenient_scopes_type, version_type)

}  // namespace mastoscope::parser

// The rules, for callers outside the grammar's translation unit.
namespace mastoscope::grammar {

parser::strict_scopes_type const& strict_scopes();
parser::query_scopes_type const& query_scopes();
parser::lenient_scopes_type const& lenient_scopes();
parser::version_type const& version_string();

}  // namespace mastoscope::grammar
