// X3 configuration: the only place the iterator and context types live.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include <mastoscope/detail/abi.hpp>

MASTOSCOPE_BEGIN_NAMESPACE
namespace parser {

namespace x3 = boost::spirit::x3;

// The two policies the scope rules run with, reached through x3::with<reader_tag>: the checking
// policy keeps scope bits and stops at the first token that needs a diagnostic; the diagnosing
// policy reads everything and reports each problem with its column.
class scope_checker;
class scope_reader;
struct reader_tag;

using iterator_type = char const*;

// No skipper: the token scanners skip separators themselves (token_scanner.hpp).
template <class Reader>
using reading_context = x3::context<reader_tag, Reader, x3::unused_type>;
using checking_context = reading_context<scope_checker>;
using diagnosing_context = reading_context<scope_reader>;
using version_context_type = x3::unused_type;

}  // namespace parser
MASTOSCOPE_END_NAMESPACE
