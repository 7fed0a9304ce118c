// scopecheck's man page, in roff (man(7) macros), read off the CLI11 app: see manual.hpp. What CLI11
// does not hold (what NO_COLOR does, where the full reference is) is the only prose written here.
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "cli_reading.hpp"
#include "manual.hpp"

namespace scopecheck {
namespace {

using namespace cli_reading;

// Text inside a roff line: a backslash is \e, a hyphen \- (so that it stays a hyphen-minus, and
// options can be searched for and pasted), and any byte beyond ASCII a named glyph.
std::string escaped(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto const c = static_cast<unsigned char>(text[i]);
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else if (c < 0x80) {
            out += static_cast<char>(c);
        } else {  // UTF-8: one code point, as \[uXXXX]
            int const length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            char32_t code = c & (0x7F >> length);
            for (int k = 1; k < length && i + 1 < text.size(); ++k) code = code << 6 | (text[++i] & 0x3F);
            out += fmt::format("\\[u{:04X}]", static_cast<unsigned>(code));
        }
    }
    return out;
}

// One line of text: escaped, and made text if it would start with a control character.
std::string text_line(std::string_view text)
{
    auto out = escaped(text);
    if (out.starts_with('.') || out.starts_with('\'')) out.insert(0, "\\&");
    return out + "\n";
}

// Running text from lines as --help wraps them: roff fills them again; an empty line starts a paragraph.
std::string paragraphs(std::vector<std::string> const& lines)
{
    std::string out;
    for (auto const& line : lines) out += trimmed(line).empty() ? ".PP\n" : text_line(trimmed(line));
    return out;
}

std::string paragraphs(std::string_view text) { return paragraphs(lines_of(text)); }

std::string bold(std::string_view text) { return "\\fB" + escaped(text) + "\\fR"; }
std::string italic(std::string_view text) { return "\\fI" + escaped(text) + "\\fR"; }

// "--mode strict|query|lenient", "--server NAME[@V]", "--json".
std::string option_usage(CLI::Option const& o, bool show_choices)
{
    auto out = bold(long_name(o));
    if (!takes_value(o)) return out;
    auto const allowed = choices(o);
    if (!show_choices || allowed.empty()) return out + " " + italic(value_name(o));
    out += " ";
    for (std::size_t i = 0; i < allowed.size(); ++i) out += (i == 0 ? "" : "|") + italic(allowed[i]);
    return out;
}

std::string positional_usage(CLI::Option const& p)
{
    auto const name = italic(p.get_name()) + (repeats(p) ? "..." : "");
    return p.get_required() ? name : "[" + name + "]";
}

// "grants GRANTED REQUIRED", "translate SCOPES --to NAME[@V]", as docs/cli.md writes them.
std::string command_usage(CLI::App const& sub)
{
    auto out = bold(sub.get_name());
    for (auto const* p : positionals(sub)) out += " " + positional_usage(*p);
    for (auto const* o : command_options(sub))
        out += " " + (o->get_required() ? option_usage(*o, false) : "[" + option_usage(*o, false) + "]");
    return out;
}

// An option or positional as an indented paragraph: its usage, description, default and exclusions.
std::string entry(CLI::Option const& o)
{
    std::string out = ".TP\n";
    if (o.nonpositional()) {
        auto const all = names(o);
        for (std::size_t i = 0; i + 1 < all.size(); ++i) out += bold(all[i]) + ", ";
        out += option_usage(o, true) + "\n";
    } else {
        out += positional_usage(o) + "\n";
    }
    out += paragraphs(o.get_description());
    if (!o.get_default_str().empty()) out += ".br\nDefault: " + bold(o.get_default_str()) + ".\n";
    std::vector<std::string> excluded;
    for (auto const* other : o.get_excludes()) excluded.push_back(long_name(*other));
    std::ranges::sort(excluded);
    for (auto& name : excluded) name = bold(name);
    if (!excluded.empty()) out += ".br\nNot with " + fmt::format("{}", fmt::join(excluded, " or ")) + ".\n";
    return out;
}

std::string examples(footer const& f)
{
    if (f.examples.empty()) return {};
    std::string out = ".PP\n" + text_line(f.examples_title) + ".EX\n";
    for (auto const& line : f.examples) out += text_line(line);
    return out + ".EE\n";
}

// "0 yes/valid, 1 no/invalid, 2 bad usage, ..." as one tagged paragraph a status.
std::string exit_statuses(std::string_view text)
{
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool const at_word = i == 0 || (i >= 2 && text.substr(i - 2, 2) == ", ");
        if (at_word && std::isdigit(static_cast<unsigned char>(text[i])) && i + 1 < text.size() && text[i + 1] == ' ')
            starts.push_back(i);
    }
    if (starts.empty()) return paragraphs(text);
    std::string out;
    for (std::size_t k = 0; k < starts.size(); ++k) {
        auto const end = k + 1 < starts.size() ? starts[k + 1] - 2 : text.size();
        auto meaning = text.substr(starts[k] + 2, end - starts[k] - 2);
        out += fmt::format(".TP\n{}\n", bold(text.substr(starts[k], 1))) + text_line(meaning);
    }
    return out;
}

// "Answers questions about ... exactly: what a set ..." gives "answers questions about ... exactly".
std::string summary(std::string const& description)
{
    auto text = lines_of(description).front();
    text = text.substr(0, text.find(':'));
    if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

}  // namespace

std::string man_page(CLI::App const& app, std::string_view version)
{
    auto const name = app.get_name();
    auto const top = read_footer(app.get_footer());
    auto const global = named_options(app);
    std::string upper = name;
    std::ranges::transform(upper, upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });

    std::string out = fmt::format(".TH {} 1 \"\" \"{}\" \"User Commands\"\n", escaped(upper),
                                  escaped(fmt::format("{} {}", name, version)));
    out += ".SH NAME\n" + text_line(name + " - " + summary(app.get_description()));

    out += ".SH SYNOPSIS\n.nf\n";
    out += bold(name) + " [" + italic("OPTIONS") + "] " + italic("COMMAND") + " [" + italic("ARGUMENTS") + "]\n";
    for (auto const* sub : commands_of(app))
        out += bold(name) + " [" + italic("OPTIONS") + "] " + command_usage(*sub) + "\n";
    out += bold(name) + " " + bold("--help") + " | " + bold("--version") + "\n";
    out += bold(name) + " " + italic("COMMAND") + " " + bold("--help") + "\n.fi\n";

    out += ".SH DESCRIPTION\n" + paragraphs(app.get_description()) + ".PP\n" + paragraphs(top.prose);
    if (app.get_fallthrough())
        out += ".PP\nThe options under " + bold("OPTIONS") + " may come before or after the command.\n";

    out += ".SH COMMANDS\n";
    for (auto const* sub : commands_of(app)) {
        auto const f = read_footer(sub->get_footer());
        out += ".TP\n" + command_usage(*sub) + "\n" + paragraphs(sub->get_description()) + ".RS\n";
        for (auto const* p : positionals(*sub)) out += entry(*p);
        for (auto const* o : command_options(*sub)) out += entry(*o);
        if (!f.prose.empty()) out += ".PP\n" + paragraphs(f.prose);
        out += examples(f) + ".RE\n";
    }

    out += ".SH OPTIONS\n";
    for (auto const* o : global) out += entry(*o);

    out += ".SH \"EXIT STATUS\"\n" + exit_statuses(top.exit_status);
    out += ".PP\nA command's description says what 0 and 1 mean for it where they differ from yes and no.\n";

    for (auto const* o : global) {
        if (o->get_description().find("NO_COLOR") == std::string::npos) continue;
        auto others = choices(*o);
        std::erase(others, o->get_default_str());
        std::vector<std::string> shown;
        for (auto const& c : others) shown.push_back(bold(c));
        out += ".SH ENVIRONMENT\n.TP\n" + bold("NO_COLOR") + "\n" +
               escaped("Set to a non-empty value, it turns colour off under ") +
               bold(long_name(*o) + " " + o->get_default_str()) +
               " (the default), as standard output that is not a terminal does; " +
               fmt::format("{}", fmt::join(shown, " and ")) + " do not read it.\n";
    }

    out += ".SH EXAMPLES\n.EX\n";
    for (auto const& line : top.examples) out += text_line(line);
    out += ".EE\n";

    out += ".SH \"SEE ALSO\"\n" + bold(name) + " " + italic("COMMAND") + " " + bold("--help") +
           " for one command.\n.PP\n" +
           text_line(
               "docs/cli.md in the mastoscope sources, the full reference: every JSON shape, batch mode, "
               "the servers other than Mastodon, and each exit status case by case.");
    return out;
}

}  // namespace scopecheck
