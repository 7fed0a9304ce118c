// scopecheck's bash completion, read off the CLI11 app: see manual.hpp.
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join

#include <mastoscope/server.hpp>

#include "cli_reading.hpp"
#include "manual.hpp"

namespace scopecheck {
namespace {

using namespace cli_reading;

std::string shell_quoted(std::string_view text)
{
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string{"'\\''"} : std::string(1, c);
    return out + "'";
}

std::string joined(std::vector<std::string> const& words) { return fmt::format("{}", fmt::join(words, " ")); }

std::string server_names()
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < mastoscope::software_count; ++i)
        out.emplace_back(mastoscope::to_string(static_cast<mastoscope::software>(i)));
    return joined(out);
}

// What to offer for an option's value or a positional, read from how the table describes it: its
// allowed values, server names for NAME[@VERSION], scope names where it takes scopes, file names
// where it reads a saved document; nothing for a version, a method, a path or a route.
std::string completer(CLI::Option const& o)
{
    auto const description = lower(o.get_description());
    if (auto const allowed = choices(o); !allowed.empty()) return "_scopecheck_reply " + shell_quoted(joined(allowed));
    if (value_name(o).starts_with("NAME")) return "_scopecheck_reply " + shell_quoted(server_names());
    if (description.find("scope") != std::string::npos) return "_scopecheck_scopes";
    if (description.find("saved") != std::string::npos) return "_scopecheck_files";
    return ":";
}

// Their names, less those in `besides` (a command's -h and --help are also the app's).
std::vector<std::string> all_names(options const& list, options const& besides = {})
{
    auto const known = besides.empty() ? std::vector<std::string>{} : all_names(besides);
    std::vector<std::string> out;
    for (auto const* o : list)
        for (auto const& n : names(*o))
            if (std::ranges::find(known, n) == known.end()) out.push_back(n);
    return out;
}

std::vector<std::string> valued_names(options const& list)
{
    std::vector<std::string> out;
    for (auto const* o : list)
        if (takes_value(*o))
            for (auto const& n : names(*o)) out.push_back(n);
    return out;
}

// The part of the script that knows nothing of the table.
constexpr char const* completion_helpers = R"bash(
# The words of $1 that start with the word being completed.
_scopecheck_reply()
{
    local IFS=$' \t\n'
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}

_scopecheck_files()
{
    if declare -F _filedir >/dev/null; then
        _filedir
    else
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
}

# Scope names, from `scopecheck list` for the server and version the command line names; the newest
# Mastodon's when those do not parse yet.
_scopecheck_scopes()
{
    local -a server=()
    local i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            @SERVER_OPTIONS@) server+=("${words[i]}" "${words[i + 1]}") ;;
            @SERVER_OPTIONS_EQ@) server+=("${words[i]}") ;;
        esac
    done
    local names
    names=$("${words[0]}" "${server[@]}" list 2>/dev/null || "${words[0]}" list 2>/dev/null)
    _scopecheck_reply "$(printf '%s\n' "$names" | cut -d ' ' -f 1)"
    # bash completes only the part after the last ':' of a scope name
    if declare -F __ltrim_colon_completions >/dev/null; then
        __ltrim_colon_completions "$cur"
    fi
}
)bash";

constexpr char const* completion_main = R"bash(
_scopecheck()
{
    local cur prev words cword split=false
    if declare -F _init_completion >/dev/null; then
        _init_completion -s -n : || return
    else  # without bash-completion: the words as bash split them (--option=value, a:b need it)
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${words[cword]}
        prev=${words[cword - 1]}
    fi

    # The command: the first word that is neither a global option nor the value of one.
    local command='' i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            @GLOBAL_VALUED@) ((i++)) ;;
            -*) ;;
            *)
                command=${words[i]}
                break
                ;;
        esac
    done

    # The value of an option.
    case $command/$prev in
@VALUE_CASES@
    esac
    $split && return

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            _scopecheck_reply @GLOBAL_OPTIONS@
        else
            _scopecheck_reply @COMMANDS@
        fi
        return
    fi

    # The command's options, and what each of its arguments takes.
    local options valued
    local -a arguments
    local repeated=false
    case $command in
@COMMAND_CASES@
        *) return ;;
    esac

    # Which argument is being typed: those before it, less options and their values.
    local n=0 all_arguments=false
    for ((i++; i < cword; i++)); do
        if $all_arguments; then
            ((n++))
            continue
        fi
        case ${words[i]} in
            --) all_arguments=true ;;
            -) ((n++)) ;;  # standard input
            -*=*) ;;
            -*) [[ " $valued @GLOBAL_VALUED_WORDS@ " == *" ${words[i]} "* ]] && ((i++)) ;;
            *) ((n++)) ;;
        esac
    done
    if [[ $cur == -* ]] && ! $all_arguments; then
        _scopecheck_reply "$options "@GLOBAL_OPTIONS@
        return
    fi
    if ((n >= ${#arguments[@]})); then
        $repeated && ((${#arguments[@]} > 0)) || return
        n=$((${#arguments[@]} - 1))
    fi
    eval "${arguments[n]}"
} &&
    complete -F _scopecheck @NAME@
)bash";

void replace(std::string& text, std::string_view marker, std::string_view with)
{
    for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at + with.size()))
        text.replace(at, marker.size(), with);
}

}  // namespace

std::string bash_completion(CLI::App const& app)
{
    auto const global = named_options(app);
    std::vector<std::string> commands, server_options, server_options_eq;
    for (auto const* sub : commands_of(app)) commands.push_back(sub->get_name());
    // The global options that choose what `list` answers (the server and its version); not one that
    // reads a document (--server-from), which could fetch a URL on every TAB.
    for (auto const* o : global) {
        auto const type = value_name(*o);
        if (!takes_value(*o) || completer(*o) == "_scopecheck_files" || !choices(*o).empty()) continue;
        if (type != "V" && !type.starts_with("NAME")) continue;
        server_options.push_back(long_name(*o));
        server_options_eq.push_back(long_name(*o) + "=*");
    }

    std::string value_cases;
    for (auto const* o : global)
        if (takes_value(*o))
            for (auto const& n : names(*o))
                value_cases += fmt::format("        */{})\n            {}\n            return\n            ;;\n", n,
                                           completer(*o));
    std::string command_cases;
    for (auto const* sub : commands_of(app)) {
        auto const own = named_options(*sub);
        for (auto const* o : own)
            if (takes_value(*o))
                for (auto const& n : names(*o))
                    value_cases += fmt::format("        {}/{})\n            {}\n            return\n            ;;\n",
                                               sub->get_name(), n, completer(*o));
        std::vector<std::string> arguments;
        bool repeated = false;
        for (auto const* p : positionals(*sub)) {
            arguments.push_back(completer(*p) == ":" ? "return" : completer(*p));
            repeated = repeats(*p);
        }
        std::vector<std::string> arguments_quoted;
        for (auto const& a : arguments) arguments_quoted.push_back(shell_quoted(a));
        command_cases += fmt::format(
            "        {})\n            options={}\n            valued={}\n            arguments=({})\n{}            "
            ";;\n",
            sub->get_name(), shell_quoted(joined(all_names(own, global))), shell_quoted(joined(valued_names(own))),
            joined(arguments_quoted), repeated ? "            repeated=true\n" : "");
    }

    std::string script = "# bash completion for " + app.get_name() + ", written by `" + app.get_name() +
                         " --bash-completion` from its command table.\n";
    script += std::string{completion_helpers} + completion_main;
    if (server_options.empty()) server_options = server_options_eq = {"--no-such-option"};  // a pattern must be there
    replace(script, "@SERVER_OPTIONS_EQ@", fmt::format("{}", fmt::join(server_options_eq, " | ")));
    replace(script, "@SERVER_OPTIONS@", fmt::format("{}", fmt::join(server_options, " | ")));
    replace(script, "@GLOBAL_VALUED_WORDS@", joined(valued_names(global)));
    replace(script, "@GLOBAL_VALUED@", fmt::format("{}", fmt::join(valued_names(global), " | ")));
    replace(script, "@GLOBAL_OPTIONS@", shell_quoted(joined(all_names(global))));
    replace(script, "@COMMANDS@", shell_quoted(joined(commands)));
    replace(script, "@VALUE_CASES@\n", value_cases);
    replace(script, "@COMMAND_CASES@\n", command_cases);
    replace(script, "@NAME@", app.get_name());
    return script;
}

}  // namespace scopecheck
