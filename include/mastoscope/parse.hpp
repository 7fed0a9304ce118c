// Parsing scope strings as Mastodon reads them, with diagnostics: options, result, declarations only.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <mastoscope/scope_set.hpp>
#include <mastoscope/text.hpp>
#include <mastoscope/version.hpp>

namespace mastoscope {

enum class parse_mode {
    strict,   // exactly what Mastodon accepts: tokens separated by runs of spaces
    query,    // a raw URL query or form value: '+' is a space, %XX is decoded, then strict
    lenient,  // commas and any ASCII whitespace also separate; unknown tokens are only warnings
};

struct parse_options {
    parse_mode mode = parse_mode::strict;
    version server_version = newest_release;  // scopes not available there are errors
    std::size_t max_length = 65536;           // longer input is rejected unread (too_long)
};

enum class diagnostic_kind {
    // errors
    empty,          // blank input (or, lenient, no known scope left)
    bad_character,  // tab, CR, LF, another control byte or a non-ASCII byte (a warning in lenient mode)
    bad_escape,     // query mode: '%' not followed by two hex digits
    unknown_scope,  // no such scope (a warning in lenient mode)
    not_yet_added,  // the server version predates the scope
    removed,        // the server version no longer has the scope
    too_long,       // the input exceeds max_length
    // warnings
    deprecated,  // valid, but deprecated at the server version
    duplicate,   // written more than once (Mastodon keeps one)
};

enum class severity { error, warning };

// One finding, at a 1-based byte column of the text given to parse().
class diagnostic {
public:
    diagnostic(diagnostic_kind kind, severity level, std::size_t column, std::string token,
               std::string suggestion, std::string message);

    diagnostic_kind kind() const noexcept { return kind_; }
    severity level() const noexcept { return level_; }
    bool is_error() const noexcept { return level_ == severity::error; }
    std::size_t column() const noexcept { return column_; }
    // The offending token as read (decoded in query mode); "" where there is none (empty, too_long).
    std::string const& token() const noexcept { return token_; }
    // What to write instead: scope names separated by spaces, or "" when there is no suggestion.
    std::string const& suggestion() const noexcept { return suggestion_; }
    // One sentence for people, e.g. "unknown scope 'raed'; did you mean 'read'?"
    std::string const& message() const noexcept { return message_; }

    friend bool operator==(diagnostic const&, diagnostic const&) = default;

private:
    diagnostic_kind kind_;
    severity level_;
    std::size_t column_;
    std::string token_;
    std::string suggestion_;
    std::string message_;
};

class parse_result {
public:
    using columns_type = std::array<std::uint32_t, scope_count>;

    parse_result(scope_set scopes, std::vector<diagnostic> diagnostics, columns_type const& columns = {}) noexcept;

    // True when the text is valid: no error among the diagnostics.
    explicit operator bool() const noexcept { return valid_; }
    // What was written and is valid at the server version (the literal set, not its closure).
    scope_set const& scopes() const noexcept { return scopes_; }
    // Errors and warnings, ordered by column.
    std::span<diagnostic const> diagnostics() const noexcept { return diagnostics_; }
    // The 1-based byte column where a kept scope is first written; 0 if it is not among scopes().
    std::size_t column_of(scope s) const noexcept { return scopes_.contains(s) ? columns_[index(s)] : 0; }

private:
    scope_set scopes_;
    columns_type columns_;
    std::vector<diagnostic> diagnostics_;
    bool valid_;
};

// Parses a scope string. Never throws for any input; a valid string allocates nothing.
parse_result parse(std::string_view text, parse_options const& options = {});

// "4.3.0", "4.8.0-alpha.1", "4.4.0-rc.2", "4.3.0+glitch", "4.2.10+hometown-1.1.1" (SemVer 2.0.0); anything
// else (spaces, a leading 'v', leading zeros, numbers past 32 bits, a pre-release longer than
// version::max_pre_release, build metadata longer than version::max_build_metadata) is nullopt.
std::optional<version> parse_version(std::string_view text);

// "unknown_scope", "not_yet_added", ...: the names used in JSON output.
std::string_view to_string(diagnostic_kind kind) noexcept;
std::string_view to_string(parse_mode mode) noexcept;
std::optional<parse_mode> parse_mode_from(std::string_view name) noexcept;

}  // namespace mastoscope
