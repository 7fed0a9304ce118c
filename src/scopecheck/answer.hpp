// What every scopecheck command returns: an exit code, the JSON object of the CLI contract (docs/cli.md,
// pinned by tests/cli/), and text for people.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <mastoscope/mastodon.hpp>
#include <mastoscope/parse.hpp>
#include <mastoscope/scope_set.hpp>
#include <mastoscope/server.hpp>

namespace scopecheck {

using json = nlohmann::ordered_json;

enum exit_code : int { yes = 0, no = 1, bad_input = 2 };

// Global options, as given on the command line.
struct settings {
    bool json = false;
    bool color = false;
    mastoscope::parse_options parse;  // mode and server version (Mastodon's, or --server's release)
    mastoscope::server server;        // --server: Mastodon unless another is named
    mastoscope::mastodon::grant_type grant = mastoscope::mastodon::grant_type::authorization_code;  // authorize
};

struct answer {
    int code = yes;
    std::string object = "{}";  // the contract's object as JSON text (json_writer.hpp); for bad_input: {"error": {...}}
    std::string line;           // one line for people: what batch mode prints for each input line
    std::vector<std::string> text;  // the full answer for people when there is one input; {line} if empty
};

}  // namespace scopecheck
