// The diagnosing policy: classifies each token and reports every problem with its column.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <mastoscope/parse.hpp>

#include "token_scanner.hpp"

MASTOSCOPE_BEGIN_NAMESPACE
namespace parser {

// The 1-based column where each scope is first written (0 where it is not), for lint.
using columns_type = std::array<std::uint32_t, scope_count>;

// What the diagnosing policy read: parse()'s result, and the columns of the kept scopes.
struct reading {
    parse_result result;
    columns_type first_column{};
};

// Reads `text` with the diagnosing policy, as parse() does when the checking policy finds something
// to report (defined beside parse(), where the grammar runs).
reading diagnose(std::string_view text, parse_options const& options);

class scope_reader {
public:
    scope_reader(std::string_view text, parse_options const& options) noexcept;

    // Each token as the grammar reads it: raw (strict, lenient) or decoded (query). Always true: the
    // diagnosing policy reads to the end.
    bool take(raw_token const& token);
    bool take(decoded_token const& token);

    // The verdict once the grammar has read everything.
    reading finish() &&;

private:
    std::size_t column(char const* at) const noexcept { return static_cast<std::size_t>(at - text_.data()) + 1; }
    void bad_character(std::string_view token, char byte, std::size_t column);
    void known(scope s, std::string_view token, std::size_t column);
    void unknown(std::string_view token, std::size_t column);
    void report(diagnostic_kind kind, severity level, std::size_t column, std::string_view token,
                std::string suggestion, std::string message);

    std::string_view text_;
    parse_options options_;
    scope_set available_;   // the scopes the server version has
    scope_set deprecated_;  // ...and those it deprecates
    scope_set scopes_;
    std::vector<diagnostic> diagnostics_;
    columns_type first_column_{};
    bool any_token_ = false;
};

}  // namespace parser
MASTOSCOPE_END_NAMESPACE
