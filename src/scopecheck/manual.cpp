// The hidden flags that print the man page and the bash completion (man_page.cpp, completion.cpp).
#include "manual.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "answer.hpp"

namespace scopecheck {
namespace {

void emit(std::string const& text)
{
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
        fmt::print(stderr, "scopecheck: error: cannot write standard output: {}\n", std::strerror(errno));
        throw CLI::RuntimeError(bad_input);
    }
}

}  // namespace

void add_manual_flags(CLI::App& app, std::string version)
{
    // In an option group without a name: --help lists neither the flags nor the group (a hidden flag of
    // the app itself would add a blank line to it). CLI11 runs flag callbacks before it checks that a
    // command was given, as for --version.
    auto* hidden = app.add_option_group("");
    hidden->add_flag_callback("--man-page", [&app, version] {
        emit(man_page(app, version));
        throw CLI::Success{};
    });
    hidden->add_flag_callback("--bash-completion", [&app] {
        emit(bash_completion(app));
        throw CLI::Success{};
    });
}

}  // namespace scopecheck
