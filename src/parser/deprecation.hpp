// The deprecation warning, worded once for both policies.
#pragma once

#include <cstddef>

#include <mastoscope/parse.hpp>

namespace mastoscope::parser {

// The warning for deprecated scope `s`, first written at `column` of a string that wrote `written`.
// When the rest of the string already grants what replaces it, the message is a fixed text and the
// warning allocates nothing.
diagnostic deprecation_warning(scope s, scope_set const& written, std::size_t column);

}  // namespace mastoscope::parser
