// Reading the CLI11 app: see cli_reading.hpp.
#include "cli_reading.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace scopecheck::cli_reading {

std::vector<std::string> lines_of(std::string_view text)
{
    std::vector<std::string> out;
    while (!text.empty()) {
        auto const end = text.find('\n');
        out.emplace_back(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
    return out;
}

std::string_view trimmed(std::string_view text)
{
    auto const first = text.find_first_not_of(' ');
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

std::string lower(std::string_view text)
{
    std::string out{text};
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

footer read_footer(std::string const& text)
{
    footer out;
    bool in_exit_status = false;
    for (auto const& line : lines_of(text)) {
        if (!out.examples_title.empty()) {
            if (!trimmed(line).empty()) out.examples.emplace_back(trimmed(line));
        } else if (line == "Example:" || line == "Examples:") {
            out.examples_title = line;
        } else if (line.starts_with("Exit status:")) {
            in_exit_status = true;
            out.exit_status = trimmed(line.substr(std::strlen("Exit status:")));
        } else if (in_exit_status && !trimmed(line).empty()) {
            out.exit_status += " " + std::string{trimmed(line)};
        } else {
            in_exit_status = false;
            out.prose.push_back(line);
        }
    }
    while (!out.prose.empty() && trimmed(out.prose.back()).empty()) out.prose.pop_back();
    return out;
}

std::vector<CLI::App const*> commands_of(CLI::App const& app)
{
    return app.get_subcommands([](CLI::App const* sub) { return !sub->get_name().empty(); });  // not option groups
}

// The options that --help lists (a hidden one has no group), without the positionals.
options named_options(CLI::App const& app)
{
    return app.get_options([](CLI::Option const* o) { return o->nonpositional() && !o->get_group().empty(); });
}

options positionals(CLI::App const& app)
{
    return app.get_options([](CLI::Option const* o) { return !o->nonpositional(); });
}

// A command's own options, less -h/--help, which every command has.
options command_options(CLI::App const& sub)
{
    auto out = named_options(sub);
    std::erase_if(out, [&](CLI::Option const* o) { return o == sub.get_help_ptr(); });
    return out;
}

bool takes_value(CLI::Option const& o) { return o.get_items_expected_min() > 0; }
bool repeats(CLI::Option const& o) { return o.get_items_expected_max() >= CLI::detail::expected_max_vector_size; }

// "TEXT", "V", "NAME[@V]": the type name without the allowed values that CLI11 appends.
std::string value_name(CLI::Option const& o)
{
    auto const type = o.get_type_name();
    return type.substr(0, type.find(':'));
}

// The allowed values of an IsMember check, as CLI11 spells them in the type name: "TEXT:{a,b,c}".
std::vector<std::string> choices(CLI::Option const& o)
{
    auto const type = o.get_type_name();
    auto const open = type.find(":{");
    auto const close = type.find('}', open);
    if (open == std::string::npos || close == std::string::npos) return {};
    std::vector<std::string> out;
    for (auto const& word : CLI::detail::split(type.substr(open + 2, close - open - 2), ',')) out.push_back(word);
    return out;
}

std::vector<std::string> names(CLI::Option const& o)
{
    std::vector<std::string> out;
    for (auto const& s : o.get_snames()) out.push_back("-" + s);
    for (auto const& l : o.get_lnames()) out.push_back("--" + l);
    return out;
}

std::string long_name(CLI::Option const& o) { return names(o).back(); }

}  // namespace scopecheck::cli_reading
