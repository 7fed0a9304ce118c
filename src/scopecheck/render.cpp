// Colour, scope names, printable inputs with carets, and reading scope-string arguments.
#include "render.hpp"

#include <algorithm>

#include <fmt/color.h>
#include <fmt/format.h>

#include <mastoscope/detail/tokenizer.hpp>
#include <mastoscope/format.hpp>

namespace scopecheck {

std::string paint(settings const& s, tone t, std::string_view text)
{
    if (!s.color) return std::string(text);
    switch (t) {
    case tone::good: return fmt::format(fmt::fg(fmt::terminal_color::green) | fmt::emphasis::bold, "{}", text);
    case tone::bad: return fmt::format(fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold, "{}", text);
    case tone::warn: return fmt::format(fmt::fg(fmt::terminal_color::yellow) | fmt::emphasis::bold, "{}", text);
    case tone::dim: return fmt::format(fmt::emphasis::faint, "{}", text);
    case tone::bold: return fmt::format(fmt::emphasis::bold, "{}", text);
    }
    return std::string(text);
}

std::string names(mastoscope::scope_set const& set, std::string_view separator)
{
    if (set.empty()) return "-";
    std::string text;
    for (auto s : set) text += fmt::format("{}{}", text.empty() ? "" : separator, mastoscope::name(s));
    return text;
}

json names_json(mastoscope::scope_set const& set)
{
    json list = json::array();
    list.get_ref<json::array_t&>().reserve(set.size());
    for (auto s : set) list.push_back(mastoscope::name(s));
    return list;
}

json_writer& write_names(json_writer& out, mastoscope::scope_set const& set)
{
    out.start_array();
    for (auto s : set) out.value(mastoscope::name(s));
    return out.end_array();
}

json names_json(mastoscope::mastodon::stored_scopes const& stored)
{
    json list = json::array();
    for (auto const& n : stored.names) list.push_back(n);
    return list;
}

json version_json(std::optional<mastoscope::version> const& v)
{
    return v ? json(mastoscope::to_string(*v)) : json(nullptr);
}

namespace {
bool plain_byte(unsigned char c) { return !mastoscope::detail::bytes::bad_byte(static_cast<char>(c)); }
}  // namespace

std::string printable(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        if (plain_byte(c)) {
            out += static_cast<char>(c);
        } else {
            char const hex[] = "0123456789ABCDEF";
            ((out += "\\x") += hex[c >> 4]) += hex[c & 15];
        }
    }
    return out;
}

std::string caret_line(std::string_view text, std::size_t column, std::size_t indent, std::string_view message)
{
    std::size_t cells = indent;
    for (std::size_t i = 0; i + 1 < column && i < text.size(); ++i)
        cells += plain_byte(static_cast<unsigned char>(text[i])) ? 1 : 4;
    if (column > text.size() + 1) cells += column - text.size() - 1;  // past the end (too_long)
    return fmt::format("{:{}}^ {}", "", cells, message);
}

std::string more_line(std::size_t hidden, std::size_t indent)
{
    return fmt::format("{:{}}... and {} more (--json lists them all)", "", indent, hidden);
}

answer bad_input_answer(std::string_view message)
{
    answer a;
    a.code = bad_input;
    a.object = json_text({{"error", {{"message", message}}}});
    a.line = fmt::format("error: {}", message);
    return a;
}

answer error_answer(std::string_view text, std::string_view argument, mastoscope::diagnostic const& error)
{
    answer a;
    a.code = bad_input;
    a.object = json_text({{"error",
                           {{"argument", argument},
                            {"kind", mastoscope::to_string(error.kind())},
                            {"column", error.column()},
                            {"token", error.token()},
                            {"message", error.message()},
                            {"suggestion", error.suggestion().empty() ? json(nullptr) : json(error.suggestion())}}}});
    a.line = fmt::format("error: {}, {}", argument, error);
    std::string const head = fmt::format("  {}: ", argument);
    a.text = {a.line, head + printable(text), caret_line(text, error.column(), head.size(), error.message())};
    return a;
}

std::variant<mastoscope::scope_set, answer> read_scopes(settings const& s, std::string_view text,
                                                        std::string_view argument)
{
    namespace ms = mastoscope;
    auto const result = ms::parse(text, s.parse);
    auto scopes = result.scopes();
    bool const other_server = s.server.name != ms::software::mastodon;
    auto const is_known_name = [&](ms::diagnostic const& d) {  // (an error, or in lenient mode a warning)
        bool const about_the_name = d.kind() == ms::diagnostic_kind::unknown_scope ||
                                    d.kind() == ms::diagnostic_kind::not_yet_added ||
                                    d.kind() == ms::diagnostic_kind::removed;
        return other_server && about_the_name && ms::lookup(d.token());
    };
    for (auto const& d : result.diagnostics())
        if (is_known_name(d)) scopes.insert(*ms::lookup(d.token()));
    for (auto const& d : result.diagnostics()) {
        if (!d.is_error() || is_known_name(d)) continue;
        // lenient mode's "no known scope is left" counts Mastodon's names only
        if (other_server && d.kind() == ms::diagnostic_kind::empty && !scopes.empty()) continue;
        return error_answer(text, argument, d);
    }
    return scopes;
}

std::variant<std::string, answer> read_parameter(settings const& s, std::string_view text, std::string_view argument)
{
    if (text.size() > s.parse.max_length) {  // bounded work, as parse() bounds it; the same diagnostic
        auto const parsed = mastoscope::parse(text, s.parse);
        return error_answer(text, argument, parsed.diagnostics().front());
    }
    std::string out;
    out.reserve(text.size());
    switch (s.parse.mode) {
    case mastoscope::parse_mode::strict: out = text; break;
    case mastoscope::parse_mode::lenient:  // what lenient adds to Ruby's whitespace (commas) becomes a space
        for (char c : text) {
            namespace bytes = mastoscope::detail::bytes;
            out += bytes::lenient_separator(c) && !bytes::ruby_space(c) ? ' ' : c;
        }
        break;
    case mastoscope::parse_mode::query:
        for (char const* p = text.data(); p != text.data() + text.size();) {
            auto const b = mastoscope::detail::read_query_byte(p, text.data() + text.size());
            if (b.bad_escape) {
                // The parser words the error (and its suggestion) the same way for every command.
                auto const parsed = mastoscope::parse(text, s.parse);
                for (auto const& d : parsed.diagnostics())
                    if (d.kind() == mastoscope::diagnostic_kind::bad_escape) return error_answer(text, argument, d);
                return bad_input_answer(fmt::format("{}: a '%' at column {} is not followed by two hex digits",
                                                    argument, p - text.data() + 1));
            }
            out += b.value;
            p += b.length;
        }
        break;
    }
    return out;
}

}  // namespace scopecheck
