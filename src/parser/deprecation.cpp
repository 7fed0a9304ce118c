// The deprecation warning: the version and note from the data, and what to write instead. The
// messages without a replacement are spelt out at compile time, so they cost nothing to use.
#include "deprecation.hpp"

#include <array>
#include <string>

#include <mastoscope/history.hpp>
#include <mastoscope/text.hpp>

MASTOSCOPE_BEGIN_NAMESPACE
namespace parser {
namespace {

// The one wording, for both kinds of message: each piece is handed to `put` in order.
template <class Put>
constexpr void word_message(scope s, std::string_view instead, Put put)
{
    auto const note = deprecation_note(s);
    put("'");
    put(name(s));
    put("' is deprecated since ");
    put(detail::table::version_texts[index(s)].deprecated);
    if (!note.empty()) {
        put(" (");
        put(note);
        put(")");
    }
    if (!instead.empty()) {
        put("; write '");
        put(instead);
        put("' instead");
    }
}

constexpr std::size_t fixed_length(scope s)
{
    std::size_t length = 0;
    word_message(s, {}, [&](std::string_view piece) { length += piece.size(); });
    return length;
}

constexpr std::size_t all_fixed_length()
{
    std::size_t length = 0;
    for (scope s : scope_set::all())
        if (deprecated_in(s)) length += fixed_length(s);
    return length;
}

// Every deprecated scope's fixed message, one after another, and where each starts.
struct fixed_messages {
    std::array<char, all_fixed_length()> text{};
    std::array<std::size_t, scope_count + 1> start{};
};

constexpr fixed_messages spell_fixed_messages()
{
    fixed_messages out;
    std::size_t at = 0;
    for (std::size_t i = 0; i < scope_count; ++i) {
        out.start[i] = at;
        if (deprecated_in(static_cast<scope>(i)))
            word_message(static_cast<scope>(i), {}, [&](std::string_view piece) {
                for (char c : piece) out.text[at++] = c;
            });
    }
    out.start[scope_count] = at;
    return out;
}

constexpr fixed_messages fixed = spell_fixed_messages();

}  // namespace

std::string_view fixed_deprecation_message(scope s)
{
    return {fixed.text.data() + fixed.start[index(s)], fixed.start[index(s) + 1] - fixed.start[index(s)]};
}

diagnostic deprecation_warning_with_replacement(scope s, scope_set const& instead, std::size_t column)
{
    auto const names = to_string(instead);
    std::string message;
    word_message(s, names, [&](std::string_view piece) { message += piece; });
    return {diagnostic_kind::deprecated, severity::warning, column, name(s), names, message};
}

}  // namespace parser
MASTOSCOPE_END_NAMESPACE
