// The deprecation warning: the version and note from the data, and what to write instead.
#include "deprecation.hpp"

#include <array>
#include <string>

#include <mastoscope/history.hpp>
#include <mastoscope/text.hpp>

namespace mastoscope::parser {
namespace {

std::string message(scope s, std::string_view instead)
{
    auto const note = deprecation_note(s);
    std::string text;
    text.reserve(64 + note.size() + instead.size());
    ((text += '\'') += name(s)) += "' is deprecated since ";
    text += detail::table::version_texts[index(s)].deprecated;
    if (!note.empty()) ((text += " (") += note) += ')';
    if (!instead.empty()) ((text += "; write '") += instead) += "' instead";
    return text;
}

}  // namespace

std::string_view fixed_deprecation_message(scope s)
{
    static auto const messages = [] {
        std::array<std::string, scope_count> all;
        for (scope d : scope_set::all())
            if (deprecated(d)) all[index(d)] = message(d, {});
        return all;
    }();
    return messages[index(s)];
}

diagnostic deprecation_warning_with_replacement(scope s, scope_set const& instead, std::size_t column)
{
    auto const text = to_string(instead);
    return {diagnostic_kind::deprecated, severity::warning, column, name(s), text, message(s, text)};
}

}  // namespace mastoscope::parser
