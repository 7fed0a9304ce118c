// X3 configuration: the only place the iterator, separator (skipper) and context types live.
#pragma once

#include <type_traits>

#include <boost/spirit/home/x3.hpp>

namespace mastoscope::parser {

namespace x3 = boost::spirit::x3;

class scope_reader;
struct reader_tag;  // x3::with<reader_tag> gives the semantic actions the scope_reader

using iterator_type = char const*;

// What separates tokens in each mode; the grammar skips it between tokens.
inline auto const strict_separator = x3::lit(' ');
inline auto const query_separator = x3::lit(' ') | x3::lit('+') | x3::lit("%20");
inline auto const lenient_separator = x3::char_(" ,\t\n\v\f\r");

template <class Separator>
using scope_context =
    x3::context<reader_tag, scope_reader,
                typename x3::phrase_parse_context<std::remove_const_t<Separator>>::type>;

using strict_context_type = scope_context<decltype(strict_separator)>;
using query_context_type = scope_context<decltype(query_separator)>;
using lenient_context_type = scope_context<decltype(lenient_separator)>;
using version_context_type = x3::unused_type;

}  // namespace mastoscope::parser
