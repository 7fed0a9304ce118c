// scopecheck: the command line (CLI11) over mastoscope; each subcommand calls one function of commands.hpp.
// docs/cli.md is the contract; docs/design.md says how to add a command.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <mastoscope/parse.hpp>

#include "batch.hpp"
#include "commands.hpp"
#include "manual.hpp"
#include "render.hpp"

namespace {

namespace ms = mastoscope;
namespace md = mastoscope::mastodon;
using namespace scopecheck;

CLI::Validator const version_check{[](std::string& text) {
                                       return ms::parse_version(text)
                                                  ? std::string{}
                                                  : "not a version such as 4.3.0, 4.4.0-rc.2 or 4.3.0+glitch: " + text;
                                   },
                                   ""};

std::string server_names()
{
    std::string out;
    for (std::size_t i = 0; i < ms::software_count; ++i)
        out += fmt::format("{}{}", i == 0 ? "" : ", ", ms::to_string(static_cast<ms::software>(i)));
    return out;
}

CLI::Validator const server_check{
    [](std::string& text) {
        return ms::parse_server(text) ? std::string{}
                                      : fmt::format("not NAME[@VERSION] with NAME one of {}: {}", server_names(), text);
    },
    ""};

// The names of every value of an enum that has a to_string: what an option accepts.
template <class Values>
std::vector<std::string> names_of(Values const& values)
{
    std::vector<std::string> out;
    for (auto v : values) out.emplace_back(to_string(v));
    return out;
}

bool use_color(std::string const& choice)
{
    if (choice != "auto") return choice == "always";
    char const* no_color = std::getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

// One scope-string argument, or "-" for one per line of standard input.
int run(settings const& s, streams& io, std::function<answer(std::string_view)> const& command, std::string const& arg)
{
    if (arg == "-") return run_batch(s, io, s.parse.max_length, command);
    return print_answer(s, command(arg), io);
}

int run(settings const& s, streams& io, answer (*command)(settings const&, std::string_view, std::string_view),
        std::string const& a, std::string const& b)
{
    if (a == "-" && b == "-") {
        fmt::print(stderr, "scopecheck: error: only one argument can be '-' (standard input)\n");
        return bad_input;
    }
    if (a == "-")
        return run_batch(s, io, s.parse.max_length, [&](std::string_view line) { return command(s, line, b); });
    if (b == "-")
        return run_batch(s, io, s.parse.max_length, [&](std::string_view line) { return command(s, a, line); });
    return print_answer(s, command(s, a, b), io);
}

// One command of the table: its name and help, the arguments it adds to its CLI11 subcommand, and
// what it runs once the command line is parsed. Registration, dispatch, help and the list of commands
// in errors all come from the table.
struct command {
    char const* name;
    char const* help;
    std::function<void(CLI::App&)> arguments;
    std::function<int(settings const&, streams&, CLI::App const& sub)> run;  // sub: its parsed subcommand
    CLI::App* app = nullptr;
    // What it answers for a server other than Mastodon: its answer under the server's dialect, or,
    // for the route commands, nothing: they need Mastodon's route table.
    enum class other_servers { answered, no_route_table } others = other_servers::answered;
};

// The command line: options and subcommands (CLI11), and the dispatch to commands.hpp.
class command_line {
public:
    command_line();
    // nullopt to go on and run(); otherwise the exit status (help, version, or bad usage).
    std::optional<int> parse(int argc, char** argv);
    int run(streams& io);

private:
    void add_global_options();
    std::vector<command> make_commands();
    std::string& value() { return values_.emplace_back(); }  // storage for an argument, stable in address
    std::optional<int> reject_unknown_command(int argc, char** argv);
    // The settings, or the exit status of a --server-from that names no server.
    std::variant<settings, int> make_settings() const;

    // A command of two scope strings, either of which may be "-" (one per line of standard input).
    command pair(char const* name, answer (*function)(settings const&, std::string_view, std::string_view),
                 char const* help, char const* first, char const* second, char const* example);
    // A command of one scope string, or "-".
    command single(char const* name, answer (*function)(settings const&, std::string_view), char const* help,
                   char const* argument, char const* example);

    CLI::App app_{
        "Answers questions about Mastodon's OAuth scopes exactly: what a set grants, whether a scope\n"
        "string is valid at a server version, and how Mastodon's literal registration rule decides."};
    bool json_ = false;
    std::string server_version_ = ms::to_string(ms::newest_release), color_ = "auto", server_, server_from_;
    std::string mode_{ms::to_string(settings{}.parse.mode)}, grant_{md::to_string(settings{}.grant)};  // the defaults
    std::deque<std::string> values_;
    std::vector<command> commands_;
};

command command_line::pair(char const* name, answer (*function)(settings const&, std::string_view, std::string_view),
                           char const* help, char const* first, char const* second, char const* example)
{
    auto& a = value();
    auto& b = value();
    return {
        name, help,
        [=, &a, &b](CLI::App& sub) {
            sub.add_option(first, a, "A scope string, or - for standard input")->required();
            sub.add_option(second, b, "A scope string, or - for standard input")->required();
            sub.footer(fmt::format("Example:\n  {}", example));
        },
        [function, &a, &b](settings const& s, streams& io, CLI::App const&) { return ::run(s, io, function, a, b); }};
}

command command_line::single(char const* name, answer (*function)(settings const&, std::string_view), char const* help,
                             char const* argument, char const* example)
{
    auto& text = value();
    return {name, help,
            [=, &text](CLI::App& sub) {
                sub.add_option(argument, text, "A scope string, or - for standard input")->required();
                sub.footer(fmt::format("Example:\n  {}", example));
            },
            [function, &text](settings const& s, streams& io, CLI::App const&) {
                return ::run(
                    s, io, [&](std::string_view t) { return function(s, t); }, text);
            }};
}

// A command that needs Mastodon's route table.
command needs_routes(command c)
{
    c.others = command::other_servers::no_route_table;
    return c;
}

std::vector<command> command_line::make_commands()
{
    std::vector<command> table{
        pair("grants", scopecheck::grants, "Does GRANTED grant every scope of REQUIRED? (0 yes, 1 no)", "GRANTED",
             "REQUIRED", "scopecheck grants follow read:mutes        # yes: 'follow' grants 'read:mutes'"),
        pair("explain", scopecheck::explain,
             "As grants, and says through which parents each scope is granted, or what is missing", "GRANTED",
             "REQUIRED", "scopecheck explain 'read follow' 'read:mutes write:media'"),
        single("validate", scopecheck::validate,
               "Is SCOPES valid at the server version? Errors with column and suggestion", "SCOPES",
               "scopecheck validate 'read raed'"),
        single("expand", scopecheck::expand, "Every scope SCOPES grants (its closure), in id order", "SCOPES",
               "scopecheck expand follow"),
        single("normalize", scopecheck::normalize, "The smallest set that grants the same as SCOPES", "SCOPES",
               "scopecheck normalize 'read read:statuses follow write:mutes'"),
        pair("diff", scopecheck::diff, "What A grants that B does not, and the other way round (0 same, 1 different)",
             "A", "B", "scopecheck diff follow 'read:follows write:follows'"),
        single("lint", scopecheck::lint,
               "Deprecated, redundant, duplicate and unavailable scopes, and registration traps", "SCOPES",
               "scopecheck lint 'follow read:mutes'"),
        pair("authorize", scopecheck::authorize,
             "Mastodon's rule: is REQUESTED a literal subset of REGISTERED? (0 accepted, 1 refused)", "REGISTERED",
             "REQUESTED", "scopecheck authorize read read:accounts    # refused: Mastodon compares literally"),
        single("info", scopecheck::info, "What the data says about one scope, across all versions", "SCOPE",
               "scopecheck info read:mutes"),
    };
    auto& authorize = table[7];
    authorize.arguments = [this, add = authorize.arguments](CLI::App& sub) {
        add(sub);
        sub.add_option("--grant-type", grant_, "authorization_code (GET /oauth/authorize) or client_credentials")
            ->check(CLI::IsMember(names_of(md::grant_types)))
            ->capture_default_str();
        sub.footer(
            "REGISTERED is what the app sent to POST /api/v1/apps, read as Mastodon stored it (blank: an app with\n"
            "no scopes). A REQUESTED that Ruby calls blank (whitespace, Unicode spaces) means no scope parameter.\n"
            "authorization_code refuses a tab, CR or LF in REQUESTED; client_credentials splits on them.\n"
            "Under --mode query both are URL-decoded first. A string that starts with '-' goes after '--'.\n"
            "Example:\n  scopecheck authorize read read:accounts    # refused: Mastodon compares literally");
    };

    auto& at = value();
    auto const deprecated_only = std::make_shared<bool>(false), removed = std::make_shared<bool>(false);
    table.push_back({"list", "The scopes a version has (with --removed, those removed by then instead)",
                     [&at, deprecated_only, removed](CLI::App& sub) {
                         sub.add_option("--at", at, "The version (default: --server-version)")
                             ->check(version_check)
                             ->type_name("V");
                         sub.add_flag("--deprecated", *deprecated_only, "Only those deprecated at that version");
                         sub.add_flag("--removed", *removed, "Those removed at or before that version instead");
                         sub.footer("Example:\n  scopecheck list --at 4.2.0 --deprecated");
                     },
                     [&at, deprecated_only, removed](settings const& s, streams& io, CLI::App const&) {
                         auto const v = at.empty() ? s.parse.server_version : *ms::parse_version(at);
                         return print_answer(s, scopecheck::list(s, v, *deprecated_only, *removed), io);
                     },
                     nullptr});

    auto& translated = value();
    auto& to = value();
    table.push_back(
        {"translate", "What to request from another server for what SCOPES allow on Mastodon (0 all, 1 not all)",
         [&translated, &to](CLI::App& sub) {
             sub.add_option("SCOPES", translated,
                            "Mastodon's scope names (its newest release), or - for standard input")
                 ->required();
             sub.add_option("--to", to, "The server: NAME[@VERSION]")
                 ->required()
                 ->check(server_check)
                 ->type_name("NAME[@V]");
             sub.footer(
                 "The request holds the server's names whose grants there cover what SCOPES allow on Mastodon,\n"
                 "with a scope standing in where the server lacks one (Pixelfed's read for read:statuses);\n"
                 "wider is what it allows beyond SCOPES, unavailable what the server has no scope for.\n"
                 "Example:\n  scopecheck translate 'read:statuses write:media' --to pixelfed");
         },
         [&translated, &to](settings const& s, streams& io, CLI::App const&) {
             auto const target = *ms::parse_server(to);
             return ::run(
                 s, io, [&](std::string_view line) { return scopecheck::translate(s, line, target); }, translated);
         }});

    auto const sources = std::make_shared<std::vector<std::string>>();
    table.push_back(
        {"identify", "Which server SOURCE... describe (0 identified, 1 software the data lacks, 2 unreadable)",
         [sources](CLI::App& sub) {
             sub.add_option("SOURCE", *sources,
                            "A saved NodeInfo, /api/v1/instance, /api/v2/instance or RFC 8414 document, - for\n"
                            "standard input, or a server's base URL (http:// or https://) to fetch them from")
                 ->required();
             sub.footer(
                 "From a base URL scopecheck fetches /.well-known/nodeinfo and the NodeInfo it links (on the same\n"
                 "origin), /api/v2/instance, /api/v1/instance and /.well-known/oauth-authorization-server: with\n"
                 "certificates checked, at most 3 redirects, 10 seconds and 1 MiB a document. It fetches nothing\n"
                 "else, and nothing without a URL. NodeInfo's software.name names the server first; then an\n"
                 "instance document's version as that server writes it (\"2.7.2 (compatible; Akkoma 3.16.0)\",\n"
                 "GoToSocial's \"3.5.3+0.19.1\"), its source_url or a key only one server has.\n"
                 "Examples:\n  scopecheck identify nodeinfo.json instance.json\n  scopecheck identify "
                 "https://example.social");
         },
         [sources](settings const& s, streams& io, CLI::App const&) {
             return print_answer(s, scopecheck::identify(s, *sources), io);
         }});

    auto& method = value();
    auto& path = value();
    auto& token = value();
    table.push_back(needs_routes(
        {"endpoint", "Which scopes a route accepts, and whether a token passes (0 yes, 1 no, 2 no route)",
         [&method, &path, &token](CLI::App& sub) {
             sub.add_option("METHOD", method, "GET, POST, PUT, PATCH or DELETE (HEAD is answered as GET)")->required();
             sub.add_option("PATH", path, "A concrete path such as /api/v1/accounts/109/statuses")->required();
             sub.add_option("--token", token,
                            "The token's scopes, or - for one scope string per line of standard input");
             sub.footer("Example:\n  scopecheck endpoint GET /api/v1/accounts/relationships --token follow");
         },
         [&method, &path, &token](settings const& s, streams& io, CLI::App const& sub) {
             if (sub.count("--token") == 0)
                 return print_answer(s, scopecheck::endpoint(s, method, path, std::nullopt), io);
             return ::run(
                 s, io, [&](std::string_view line) { return scopecheck::endpoint(s, method, path, line); }, token);
         }}));

    auto const requests = std::make_shared<std::vector<std::string>>();
    table.push_back(needs_routes(
        {"plan", "The least-privilege scopes for a token that must call every ROUTE",
         [requests](CLI::App& sub) {
             sub.add_option("ROUTE", *requests, "\"METHOD PATH\", one argument per route")->required();
             sub.footer(
                 "Example:\n  scopecheck plan \"GET /api/v1/accounts/verify_credentials\" \"POST /api/v1/statuses\"");
         },
         [requests](settings const& s, streams& io, CLI::App const&) {
             return print_answer(s, scopecheck::plan(s, *requests), io);
         }}));

    table.push_back(needs_routes(
        {"audit", "Every route where the documented hierarchy grants a scope that Mastodon refuses",
         [](CLI::App& sub) { sub.footer("Example:\n  scopecheck --json audit"); },
         [](settings const& s, streams& io, CLI::App const&) { return print_answer(s, scopecheck::audit(s), io); }}));

    auto& registered = value();
    table.push_back(
        {"register", "The server's answer to POST /api/v1/apps with these scopes (0 accepted, 1 refused)",
         [&registered](CLI::App& sub) {
             sub.add_option("SCOPES", registered,
                            "The scopes parameter; leave it out to send none, - for standard input");
             sub.footer(
                 "The answer is the server version's: from 3.4.0 unknown names are refused (422), before they\n"
                 "were stored. Under --mode query SCOPES is URL-decoded first ('+' is a space). A string that\n"
                 "starts with '-' goes after '--'.\n"
                 "Example:\n  scopecheck register 'read write:statuses'\n  scopecheck register -- '-read'");
         },
         [&registered](settings const& s, streams& io, CLI::App const& sub) {
             if (sub.count("SCOPES") == 0) return print_answer(s, scopecheck::register_app(s, std::nullopt), io);
             return ::run(
                 s, io, [&](std::string_view line) { return scopecheck::register_app(s, line); }, registered);
         }});
    return table;
}

command_line::command_line() : commands_{make_commands()}
{
    app_.name("scopecheck");
    app_.footer(
        "A scope string is Mastodon's space-separated list (\"read write:media\"); '-' in its place reads\n"
        "one per line from standard input and answers one line per input line.\n"
        "Exit status: 0 yes/valid, 1 no/invalid, 2 bad usage, an argument that does not parse, or\n"
        "standard input or output that fails (unreadable, closed, full).\n\n"
        "Examples:\n"
        "  scopecheck grants follow read:mutes\n"
        "  scopecheck --json validate 'read raed'\n"
        "  scopecheck --server-version 4.2.0 validate profile\n"
        "  printf 'read\\nwrite\\n' | scopecheck grants - read:statuses");
    app_.set_version_flag("--version", fmt::format("scopecheck {} (Mastodon scopes up to {}; {})", MASTOSCOPE_VERSION,
                                                   ms::to_string(ms::newest_release), ms::detail::table::revision));
    app_.require_subcommand(1, 1);
    app_.fallthrough();
    add_global_options();
    for (auto& c : commands_) {
        c.app = app_.add_subcommand(c.name, c.help);
        c.arguments(*c.app);
    }
    add_manual_flags(app_, MASTOSCOPE_VERSION);  // --man-page, --bash-completion: hidden, for the build
}

void command_line::add_global_options()
{
    app_.add_flag("--json", json_, "Answer in JSON: one object, or JSON Lines with '-'");
    auto* version = app_.add_option("--server-version", server_version_, "Answer for a server at this Mastodon version")
                        ->check(version_check)
                        ->capture_default_str()
                        ->type_name("V");
    app_.add_option("--server", server_,
                    fmt::format("Answer for this server, NAME[@VERSION] (default: mastodon; NAME: {})", server_names()))
        ->check(server_check)
        ->type_name("NAME[@V]")
        ->excludes(version);
    app_.add_option("--server-from", server_from_,
                    "Answer for the server that SOURCE describes, as identify names it (a saved document, - or a "
                    "base URL)")
        ->type_name("SOURCE")
        ->excludes(version)
        ->excludes("--server");
    app_.add_option("--mode", mode_, "How scope strings are read: strict (as Mastodon), query (URL-encoded), lenient")
        ->check(CLI::IsMember(names_of(ms::parse_modes)))
        ->capture_default_str();
    app_.add_option("--color", color_, "Colour: auto follows NO_COLOR and whether stdout is a terminal")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
}

// CLI11 would answer a mistyped command with "A subcommand is required": name it instead. The words
// before the command are global options, and the values of those that take one.
std::optional<int> command_line::reject_unknown_command(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        std::string const arg = argv[i];
        if (arg == "--") return std::nullopt;
        if (arg.size() > 1 && arg[0] == '-') {
            auto const* option = app_.get_option_no_throw(arg.substr(0, arg.find('=')));
            if (!option) return std::nullopt;  // not a global option: CLI11 says so
            if (arg.find('=') == std::string::npos && option->get_items_expected_min() > 0) ++i;  // skip its value
            continue;
        }
        for (auto const& c : commands_)
            if (arg == c.name) return std::nullopt;  // the first word is a command
        std::string names;
        for (std::size_t k = 0; k < commands_.size(); ++k)
            names += fmt::format("{}{}", k == 0 ? "" : k + 1 == commands_.size() ? " and " : ", ", commands_[k].name);
        fmt::print(stderr, "scopecheck: error: unknown command '{}'; the commands are {} (see --help)\n", arg, names);
        return bad_input;
    }
    return std::nullopt;
}

std::optional<int> command_line::parse(int argc, char** argv)
{
    if (auto const status = reject_unknown_command(argc, argv)) return status;
    try {
        app_.parse(argc, argv);
    } catch (CLI::ParseError const& e) {
        return app_.exit(e) == 0 ? 0 : bad_input;
    }
    return std::nullopt;
}

std::variant<settings, int> command_line::make_settings() const
{
    settings s;
    s.json = json_;
    s.color = use_color(color_);
    s.parse.mode = *ms::parse_mode_from(mode_);
    s.parse.server_version = *ms::parse_version(server_version_);
    s.server = ms::server{ms::software::mastodon, s.parse.server_version};
    if (!server_.empty()) {
        s.server = *ms::parse_server(server_);
        if (s.server.name == ms::software::mastodon) s.parse.server_version = s.server.release;
    }
    if (!server_from_.empty()) {
        auto found = scopecheck::identify_sources({server_from_});
        if (auto const* bad = std::get_if<answer>(&found)) {
            fmt::print(stderr, "scopecheck: error: --server-from: {}\n", bad->line.substr(bad->line.find(' ') + 1));
            return bad_input;
        }
        auto const& id = std::get<ms::identification>(found);
        if (!id.ok) {
            fmt::print(
                stderr, "scopecheck: error: --server-from {}: {}{}\n", printable(server_from_), id.reason,
                id.software.empty() ? "" : fmt::format(" ('{}' {})", printable(id.software), printable(id.version)));
            return bad_input;
        }
        s.server = *id.server;
        if (s.server.name == ms::software::mastodon) s.parse.server_version = s.server.release;
    }
    for (auto g : md::grant_types)
        if (md::to_string(g) == grant_) s.grant = g;
    return s;
}

int command_line::run(streams& io)
{
    auto const made = make_settings();
    if (auto const* status = std::get_if<int>(&made)) return *status;
    auto const& s = std::get<settings>(made);
    for (auto const& c : commands_) {
        if (!c.app->parsed()) continue;
        if (s.server.name == ms::software::mastodon || c.others == command::other_servers::answered)
            return c.run(s, io, *c.app);
        fmt::print(stderr, "scopecheck: error: {} needs a route table, which the data has for Mastodon only\n", c.name);
        return bad_input;
    }
    fmt::print(stderr, "scopecheck: error: no command was run (see --help)\n");  // CLI11 requires one: not reached
    return bad_input;
}

}  // namespace

int main(int argc, char** argv)
{
    // A closed stdout (`scopecheck validate - < big | head -1`) is a write error, reported on stderr
    // with exit status 2, rather than a silent death by SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    command_line cli;
    if (auto const status = cli.parse(argc, argv)) return *status;
    streams io;  // standard input, output and error, and the first write that failed
    return report_output_error(cli.run(io), io);
}
