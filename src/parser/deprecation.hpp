// The deprecation warning, worded once for both policies.
#pragma once

#include <cstddef>

#include <mastoscope/history.hpp>
#include <mastoscope/parse.hpp>

MASTOSCOPE_BEGIN_NAMESPACE
namespace parser {

// The message of deprecated scope `s` when nothing needs replacing it: a fixed text, built once.
std::string_view fixed_deprecation_message(scope s);
// The warning when something of the scope's replacement is missing: it names what to write instead.
diagnostic deprecation_warning_with_replacement(scope s, scope_set const& instead, std::size_t column);

// The warning for deprecated scope `s`, first written at `column` of a string that wrote `written`.
// When the rest of the string already grants what replaces it, the message is a fixed text and the
// warning allocates nothing.
inline diagnostic deprecation_warning(scope s, scope_set const& written, std::size_t column)
{
    auto const instead = replacement(s, written);
    if (!instead.empty()) return deprecation_warning_with_replacement(s, instead, column);
    return {detail::fixed_texts,         diagnostic_kind::deprecated, severity::warning, column, name(s), "",
            fixed_deprecation_message(s)};
}

}  // namespace parser
MASTOSCOPE_END_NAMESPACE
