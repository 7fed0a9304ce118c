// The grammar's one instantiation: each rule for the iterator and context of config.hpp.
#include "scope_grammar_def.hpp"

namespace mastoscope::parser {

BOOST_SPIRIT_INSTANTIATE(strict_scopes_type, iterator_type, strict_context_type)
BOOST_SPIRIT_INSTANTIATE(query_scopes_type, iterator_type, query_context_type)
BOOST_SPIRIT_INSTANTIATE(lenient_scopes_type, iterator_type, lenient_context_type)
BOOST_SPIRIT_INSTANTIATE(version_type, iterator_type, version_context_type)

}  // namespace mastoscope::parser

namespace mastoscope::grammar {

parser::strict_scopes_type const& strict_scopes() { return parser::strict_scopes; }
parser::query_scopes_type const& query_scopes() { return parser::query_scopes; }
parser::lenient_scopes_type const& lenient_scopes() { return parser::lenient_scopes; }
parser::version_type const& version_string() { return parser::version_string; }

}  // namespace mastoscope::grammar
