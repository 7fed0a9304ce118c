// Declares the grammar's rules: one per parse mode, and Mastodon version strings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <boost/spirit/home/x3.hpp>

#include <mastoscope/parse.hpp>

#include "config.hpp"

MASTOSCOPE_BEGIN_NAMESPACE
namespace parser {

namespace x3 = boost::spirit::x3;

// A version as the grammar reads it; parse_version() checks and converts it.
struct version_fields {
    std::uint32_t major = 0;
    std::uint32_t minor = 0;
    std::uint32_t patch = 0;
    std::string pre_release;     // empty when absent
    std::string build_metadata;  // empty when absent
};

// The scope rules have no attribute: their semantic action feeds the policy in the context.
using strict_scopes_type = x3::rule<struct strict_scopes_class>;
using query_scopes_type = x3::rule<struct query_scopes_class>;
using lenient_scopes_type = x3::rule<struct lenient_scopes_class>;
using version_type = x3::rule<struct version_class, version_fields>;

BOOST_SPIRIT_DECLARE(version_type)

// Reads a scope string with the rule of `mode` and the diagnosing policy, which takes every token and
// so reads to the end. (The checking policy runs the rules inlined into parse(), in parse.cpp.)
bool read_scopes(parse_mode mode, std::string_view text, scope_reader& policy);

}  // namespace parser
MASTOSCOPE_END_NAMESPACE

// The version rule, for callers outside the grammar's translation unit.
MASTOSCOPE_BEGIN_NAMESPACE
namespace grammar {

parser::version_type const& version_string();

}  // namespace grammar
MASTOSCOPE_END_NAMESPACE
