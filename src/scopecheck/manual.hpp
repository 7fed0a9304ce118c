// scopecheck's man page and bash completion, written from the CLI11 app that main.cpp builds, so that
// every command, argument, option, default, allowed value and example is the one --help shows.
#pragma once

#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace scopecheck {

// The man page, in roff (man(7) macros).
std::string man_page(CLI::App const& app, std::string_view version);

// A bash completion script: commands, options, option values, and scope names in the places that take
// a scope string (asked of `scopecheck list` when completing, for the server on the command line).
std::string bash_completion(CLI::App const& app);

// Adds the hidden flags --man-page and --bash-completion, which print the above and exit 0. Call it
// once every command and option is on `app`; the build runs them to make the installed files.
void add_manual_flags(CLI::App& app, std::string version);

}  // namespace scopecheck
