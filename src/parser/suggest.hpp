// Suggestions for a token that names no scope: a known mistake, case, separators, or a near spelling.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <mastoscope/version.hpp>

MASTOSCOPE_BEGIN_NAMESPACE
namespace parser {

struct suggestion {
    enum class reason { mistaken_name, letter_case, separators, spelling };
    std::string text;  // scope names separated by spaces
    reason why;
};

// What the writer of `token` most likely meant, preferring scopes available at `server_version`.
std::optional<suggestion> suggest(std::string_view token, version const& server_version);

}  // namespace parser
MASTOSCOPE_END_NAMESPACE
