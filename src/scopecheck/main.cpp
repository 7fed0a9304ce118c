// scopecheck: the command line (CLI11) over mastoscope; each subcommand calls one function of commands.hpp.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <mastoscope/parse.hpp>

#include "batch.hpp"
#include "commands.hpp"

namespace {

namespace ms = mastoscope;
using namespace scopecheck;

CLI::Validator const version_check{
    [](std::string& text) {
        return ms::parse_version(text) ? std::string{} : "not a version such as 4.3.0, 4.4.0-rc.2 or 4.3.0+glitch: " + text;
    },
    ""};

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
    if (a == "-") return run_batch(s, io, s.parse.max_length, [&](std::string_view line) { return command(s, line, b); });
    if (b == "-") return run_batch(s, io, s.parse.max_length, [&](std::string_view line) { return command(s, a, line); });
    return print_answer(s, command(s, a, b), io);
}

struct pair_command {
    char const* name;
    answer (*function)(settings const&, std::string_view, std::string_view);
    char const* help;
    char const* first;
    char const* second;
    char const* example;
    std::string a, b;
};

struct single_command {
    char const* name;
    answer (*function)(settings const&, std::string_view);
    char const* help;
    char const* argument;
    char const* example;
    std::string value;
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
    void add_scope_commands();
    void add_mastodon_commands();
    std::optional<int> reject_unknown_command(int argc, char** argv);
    settings make_settings() const;

    CLI::App app_{"Answers questions about Mastodon's OAuth scopes exactly: what a set grants, whether a scope\n"
                  "string is valid at a server version, and how Mastodon's literal registration rule decides."};
    bool json_ = false;
    std::string server_version_ = ms::to_string(ms::newest_release), mode_ = "strict", color_ = "auto";
    std::string grant_ = "authorization_code";
    std::string method_, path_, token_, at_;
    std::vector<std::string> requests_;
    std::string registered_;
    bool deprecated_only_ = false, removed_ = false;
    CLI::App *endpoint_ = nullptr, *plan_ = nullptr, *audit_ = nullptr, *register_ = nullptr;
    pair_command pairs_[4] = {
        {"grants", scopecheck::grants, "Does GRANTED grant every scope of REQUIRED? (0 yes, 1 no)", "GRANTED", "REQUIRED",
         "scopecheck grants follow read:mutes        # yes: 'follow' grants 'read:mutes'", {}, {}},
        {"explain", scopecheck::explain, "As grants, and says through which parents each scope is granted, or what is missing",
         "GRANTED", "REQUIRED", "scopecheck explain 'read follow' 'read:mutes write:media'", {}, {}},
        {"diff", scopecheck::diff, "What A grants that B does not, and the other way round (0 same, 1 different)", "A", "B",
         "scopecheck diff follow 'read:follows write:follows'", {}, {}},
        {"authorize", scopecheck::authorize,
         "Mastodon's rule: is REQUESTED a literal subset of REGISTERED? (0 accepted, 1 refused)", "REGISTERED", "REQUESTED",
         "scopecheck authorize read read:accounts    # refused: Mastodon compares literally", {}, {}},
    };
    single_command singles_[5] = {
        {"validate", scopecheck::validate, "Is SCOPES valid at the server version? Errors with column and suggestion",
         "SCOPES", "scopecheck validate 'read raed'", {}},
        {"expand", scopecheck::expand, "Every scope SCOPES grants (its closure), in id order", "SCOPES",
         "scopecheck expand follow", {}},
        {"normalize", scopecheck::normalize, "The smallest set that grants the same as SCOPES", "SCOPES",
         "scopecheck normalize 'read read:statuses follow write:mutes'", {}},
        {"lint", scopecheck::lint, "Deprecated, redundant, duplicate and unavailable scopes, and registration traps",
         "SCOPES", "scopecheck lint 'follow read:mutes'", {}},
        {"info", scopecheck::info, "What the data says about one scope, across all versions", "SCOPE",
         "scopecheck info read:mutes", {}},
    };
};

command_line::command_line()
{
    app_.name("scopecheck");
    app_.footer("A scope string is Mastodon's space-separated list (\"read write:media\"); '-' in its place reads\n"
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
    add_scope_commands();
    add_mastodon_commands();
}

void command_line::add_global_options()
{
    app_.add_flag("--json", json_, "Answer in JSON: one object, or JSON Lines with '-'");
    app_.add_option("--server-version", server_version_, "Answer for a server at this Mastodon version")
        ->check(version_check)->capture_default_str()->type_name("V");
    app_.add_option("--mode", mode_, "How scope strings are read: strict (as Mastodon), query (URL-encoded), lenient")
        ->check(CLI::IsMember({"strict", "query", "lenient"}))->capture_default_str();
    app_.add_option("--color", color_, "Colour: auto follows NO_COLOR and whether stdout is a terminal")
        ->check(CLI::IsMember({"auto", "always", "never"}))->capture_default_str();
}

void command_line::add_scope_commands()
{
    for (auto& c : pairs_) {
        auto* sub = app_.add_subcommand(c.name, c.help);
        sub->add_option(c.first, c.a, "A scope string, or - for standard input")->required();
        sub->add_option(c.second, c.b, "A scope string, or - for standard input")->required();
        sub->footer(fmt::format("Example:\n  {}", c.example));
    }
    for (auto& c : singles_) {
        auto* sub = app_.add_subcommand(c.name, c.help);
        sub->add_option(c.argument, c.value, "A scope string, or - for standard input")->required();
        sub->footer(fmt::format("Example:\n  {}", c.example));
    }
    auto* authorize = app_.get_subcommand("authorize");
    authorize->add_option("--grant-type", grant_, "authorization_code (GET /oauth/authorize) or client_credentials")
        ->check(CLI::IsMember({"authorization_code", "client_credentials"}))
        ->capture_default_str();
    authorize->footer(
        "REGISTERED is what the app sent to POST /api/v1/apps, read as Mastodon stored it (blank: an app with\n"
        "no scopes). A REQUESTED that Ruby calls blank (whitespace, Unicode spaces) means no scope parameter.\n"
        "authorization_code refuses a tab, CR or LF in REQUESTED; client_credentials splits on them.\n"
        "Under --mode query both are URL-decoded first. A string that starts with '-' goes after '--'.\n"
        "Example:\n  scopecheck authorize read read:accounts    # refused: Mastodon compares literally");
}

void command_line::add_mastodon_commands()
{
    endpoint_ = app_.add_subcommand("endpoint", "Which scopes a route accepts, and whether a token passes (0 yes, 1 no, 2 no route)");
    endpoint_->add_option("METHOD", method_, "GET, POST, PUT, PATCH or DELETE")->required();
    endpoint_->add_option("PATH", path_, "A concrete path such as /api/v1/accounts/109/statuses")->required();
    endpoint_->add_option("--token", token_, "The token's scopes, or - for one scope string per line of standard input");
    endpoint_->footer("Example:\n  scopecheck endpoint GET /api/v1/accounts/relationships --token follow");

    plan_ = app_.add_subcommand("plan", "The least-privilege scopes for a token that must call every ROUTE");
    plan_->add_option("ROUTE", requests_, "\"METHOD PATH\", one argument per route")->required();
    plan_->footer("Example:\n  scopecheck plan \"GET /api/v1/accounts/verify_credentials\" \"POST /api/v1/statuses\"");

    audit_ = app_.add_subcommand("audit", "Every route where the documented hierarchy grants a scope that Mastodon refuses");
    audit_->footer("Example:\n  scopecheck --json audit");

    register_ = app_.add_subcommand("register", "Mastodon's answer to POST /api/v1/apps with these scopes (0 accepted, 1 refused)");
    register_->add_option("SCOPES", registered_, "The scopes parameter; leave it out to send none, - for standard input");
    register_->footer("The answer is the server version's: from 3.4.0 unknown names are refused (422), before they\n"
                      "were stored. Under --mode query SCOPES is URL-decoded first ('+' is a space). A string that\n"
                      "starts with '-' goes after '--'.\n"
                      "Example:\n  scopecheck register 'read write:statuses'\n  scopecheck register -- '-read'");

    auto* list = app_.add_subcommand("list", "The scopes a version has (every scope ever known with --removed)");
    list->add_option("--at", at_, "The version (default: --server-version)")->check(version_check)->type_name("V");
    list->add_flag("--deprecated", deprecated_only_, "Only those deprecated at that version");
    list->add_flag("--removed", removed_, "Those removed at or before that version instead");
    list->footer("Example:\n  scopecheck list --at 4.2.0 --deprecated");
}

// CLI11 would answer a mistyped command with "A subcommand is required": name it instead.
std::optional<int> command_line::reject_unknown_command(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        std::string const arg = argv[i];
        if (arg == "--server-version" || arg == "--mode" || arg == "--color") {
            ++i;  // skip the option's value
            continue;
        }
        if (arg.empty() || arg[0] == '-') continue;
        try {
            app_.get_subcommand(arg);
            return std::nullopt;  // the first word is a command
        } catch (CLI::OptionNotFound const&) {
            fmt::print(stderr, "scopecheck: error: unknown command '{}'; the commands are grants, explain, validate, "
                               "expand, normalize, diff, lint, authorize, info, list, endpoint, plan, audit and register (see --help)\n", arg);
            return bad_input;
        }
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

settings command_line::make_settings() const
{
    settings s;
    s.json = json_;
    s.color = use_color(color_);
    s.parse.mode = *ms::parse_mode_from(mode_);
    s.parse.server_version = *ms::parse_version(server_version_);
    s.grant = grant_ == "client_credentials" ? ms::mastodon::grant_type::client_credentials
                                             : ms::mastodon::grant_type::authorization_code;
    return s;
}

int command_line::run(streams& io)
{
    auto const s = make_settings();
    if (endpoint_->parsed()) {
        if (endpoint_->count("--token") == 0) return print_answer(s, scopecheck::endpoint(s, method_, path_, std::nullopt), io);
        return ::run(s, io, [&](std::string_view line) { return scopecheck::endpoint(s, method_, path_, line); }, token_);
    }
    if (plan_->parsed()) return print_answer(s, scopecheck::plan(s, requests_), io);
    if (audit_->parsed()) return print_answer(s, scopecheck::audit(s), io);
    if (register_->parsed()) {
        if (register_->count("SCOPES") == 0) return print_answer(s, scopecheck::register_app(s, std::nullopt), io);
        return ::run(s, io, [&](std::string_view line) { return scopecheck::register_app(s, line); }, registered_);
    }
    for (auto& c : pairs_)
        if (app_.got_subcommand(c.name)) return ::run(s, io, c.function, c.a, c.b);
    for (auto& c : singles_)
        if (app_.got_subcommand(c.name)) return ::run(s, io, [&](std::string_view text) { return c.function(s, text); }, c.value);
    return print_answer(s, scopecheck::list(s, at_.empty() ? s.parse.server_version : *ms::parse_version(at_),
                                            deprecated_only_, removed_),
                        io);
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
