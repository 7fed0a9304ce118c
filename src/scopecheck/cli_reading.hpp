// What the man page and the bash completion read off the CLI11 app that main.cpp builds: its
// commands, their positionals and options (names, type names, allowed values) and footers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace scopecheck::cli_reading {

using options = std::vector<CLI::Option const*>;

// Text split at newlines; text without its leading and trailing spaces; text in lower case (ASCII).
std::vector<std::string> lines_of(std::string_view text);
std::string_view trimmed(std::string_view text);
std::string lower(std::string_view text);

// A footer as --help shows it: prose, an "Exit status:" paragraph (the app's own), then "Example:" or
// "Examples:" over indented command lines.
struct footer {
    std::vector<std::string> prose;  // an empty line between paragraphs
    std::string exit_status;         // the paragraph after "Exit status:", joined into one line
    std::string examples_title;      // "Example:" or "Examples:"
    std::vector<std::string> examples;
};
footer read_footer(std::string const& text);

std::vector<CLI::App const*> commands_of(CLI::App const& app);
// The options that --help lists (a hidden one has no group), without the positionals.
options named_options(CLI::App const& app);
options positionals(CLI::App const& app);
// A command's own options, less -h/--help, which every command has.
options command_options(CLI::App const& sub);

bool takes_value(CLI::Option const& o);
bool repeats(CLI::Option const& o);
// "TEXT", "V", "NAME[@V]": the type name without the allowed values that CLI11 appends.
std::string value_name(CLI::Option const& o);
// The allowed values of an IsMember check, as CLI11 spells them in the type name: "TEXT:{a,b,c}".
std::vector<std::string> choices(CLI::Option const& o);
// "-h", "--help": every name of the option; long_name, the last of them.
std::vector<std::string> names(CLI::Option const& o);
std::string long_name(CLI::Option const& o);

}  // namespace scopecheck::cli_reading
