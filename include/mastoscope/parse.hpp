// Parsing scope strings as Mastodon reads them, with diagnostics: options, result, declarations only.
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <mastoscope/detail/tokenizer.hpp>
#include <mastoscope/scope_set.hpp>
#include <mastoscope/text.hpp>
#include <mastoscope/version.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

enum class parse_mode {
    strict,   // exactly what Mastodon accepts: tokens separated by runs of spaces
    query,    // a raw URL query or form value: '+' is a space, %XX is decoded, then strict
    lenient,  // commas and any ASCII whitespace also separate; unknown tokens are only warnings
};
// Every mode, in the order above (their names: to_string).
inline constexpr std::array<parse_mode, 3> parse_modes{parse_mode::strict, parse_mode::query, parse_mode::lenient};

struct parse_options {
    parse_mode mode = parse_mode::strict;
    version server_version = newest_release;              // scopes not available there are errors
    std::size_t max_length = detail::default_max_length;  // longer input is rejected unread (too_long)
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

namespace detail {
// Marks a diagnostic built from the library's fixed texts, which outlive every diagnostic.
struct fixed_texts_t {};
inline constexpr fixed_texts_t fixed_texts{};
}  // namespace detail

// One finding, at a 1-based byte column of the text given to parse(). Cheap to copy and move: its
// texts are the library's fixed ones or live in one shared, immutable buffer.
class diagnostic {
public:
    diagnostic(diagnostic_kind kind, severity level, std::size_t column, std::string_view token,
               std::string_view suggestion, std::string_view message);
    // For the library: the same from texts it keeps for the life of the program (no allocation).
    diagnostic(detail::fixed_texts_t, diagnostic_kind kind, severity level, std::size_t column, std::string_view token,
               std::string_view suggestion, std::string_view message) noexcept
        : kind_{kind}, level_{level}, column_{column}, token_{token}, suggestion_{suggestion}, message_{message}
    {
    }

    diagnostic_kind kind() const noexcept { return kind_; }
    severity level() const noexcept { return level_; }
    bool is_error() const noexcept { return level_ == severity::error; }
    std::size_t column() const noexcept { return column_; }
    // The offending token as read (decoded in query mode); "" where there is none (empty, too_long).
    std::string_view token() const noexcept { return token_; }
    // What to write instead: scope names separated by spaces, or "" when there is no suggestion.
    std::string_view suggestion() const noexcept { return suggestion_; }
    // One sentence for people, e.g. "unknown scope 'raed'; did you mean 'read'?"
    std::string_view message() const noexcept { return message_; }

    friend bool operator==(diagnostic const& a, diagnostic const& b) noexcept
    {
        return a.kind_ == b.kind_ && a.level_ == b.level_ && a.column_ == b.column_ && a.token_ == b.token_ &&
               a.suggestion_ == b.suggestion_ && a.message_ == b.message_;
    }

private:
    diagnostic_kind kind_;
    severity level_;
    std::size_t column_;
    std::string_view token_;
    std::string_view suggestion_;
    std::string_view message_;
    std::shared_ptr<char const[]> texts_;  // what the views point into, unless they are fixed texts
};

namespace detail {
struct result_builder;  // how parse() builds its results (src/parser/result_builder.hpp)
}

// What parse() answers; only parse() makes one.
class parse_result {
public:
    // True when the text is valid: no error among the diagnostics.
    explicit operator bool() const noexcept { return valid_; }
    // What was written and is valid at the server version (the literal set, not its closure).
    scope_set const& scopes() const noexcept { return scopes_; }
    // Errors and warnings, ordered by column.
    std::span<diagnostic const> diagnostics() const noexcept
    {
        return only_ ? std::span<diagnostic const>{&*only_, 1} : std::span<diagnostic const>{many_};
    }

private:
    friend struct detail::result_builder;
    parse_result(scope_set scopes, std::vector<diagnostic> diagnostics) noexcept;
    // A result with exactly one diagnostic, held without allocating.
    parse_result(scope_set scopes, diagnostic only) noexcept
        : scopes_{scopes}, only_{std::move(only)}, valid_{!only_->is_error()}
    {
    }
    // A valid result with nothing to report.
    explicit parse_result(scope_set scopes) noexcept : scopes_{scopes} {}

    scope_set scopes_;
    std::optional<diagnostic> only_;  // the one diagnostic, when there is exactly one
    std::vector<diagnostic> many_;    // otherwise, all of them
    bool valid_ = true;
};

// Parses a scope string. Never throws for any input; a valid string allocates nothing, nor does one
// whose only finding is a deprecated scope that the rest of the string replaces.
parse_result parse(std::string_view text, parse_options const& options);
// The same with the default options (strict, at newest_release), whose version's masks are found at
// compile time: what a server that runs the newest release calls on every request.
parse_result parse(std::string_view text);

// "4.3.0", "4.8.0-alpha.1", "4.4.0-rc.2", "4.3.0+glitch", "4.2.10+hometown-1.1.1" (SemVer 2.0.0); anything
// else (spaces, a leading 'v', leading zeros, numbers past 32 bits, a pre-release longer than
// version::max_pre_release, build metadata longer than version::max_build_metadata) is nullopt.
std::optional<version> parse_version(std::string_view text);

// "unknown_scope", "not_yet_added", ...: the names used in JSON output.
std::string_view to_string(diagnostic_kind kind) noexcept;
std::string_view to_string(parse_mode mode) noexcept;
std::optional<parse_mode> parse_mode_from(std::string_view name) noexcept;

MASTOSCOPE_END_NAMESPACE
