// The grammar's instantiation for the diagnosing policy and for versions (parse.cpp runs the checking
// policy itself, inlined into parse()).
#include "scope_grammar_def.hpp"
#include "scope_reader.hpp"

MASTOSCOPE_BEGIN_NAMESPACE
namespace parser {
bool read_scopes(parse_mode mode, std::string_view text, scope_reader& policy) { return run(mode, text, policy); }

BOOST_SPIRIT_INSTANTIATE(version_type, iterator_type, version_context_type)

}  // namespace parser
MASTOSCOPE_END_NAMESPACE

MASTOSCOPE_BEGIN_NAMESPACE
namespace grammar {

parser::version_type const& version_string() { return parser::version_string; }

}  // namespace grammar
MASTOSCOPE_END_NAMESPACE
